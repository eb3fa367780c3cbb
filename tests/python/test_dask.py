"""anslag.dask on a LocalCluster of two worker processes: audit_many gives the findings of the
serial audits, with year and file; draft_many once anslag.draft_round exists. Without a cluster
(on threads): tests/python/test_many_rounds.py."""

import io
import sys

import pytest

import anslag
import anslag.dask

distributed = pytest.importorskip("distributed")

# Debian's distributed 2022.12 on this Python and tornado warns of its own use of the event loop;
# the warnings are the library's, not anslag's.
pytestmark = [
    pytest.mark.filterwarnings("ignore:make_current is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:There is no current event loop:DeprecationWarning"),
]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synthetic")
    anslag.synthetic_rounds(6, folder, faults=["grant-exceeds-request", "unknown-unit"], progress=False)
    return folder


def serial(folder):
    return anslag.RoundsReport([anslag.audit(anslag.load_round(path)) for path in anslag.round_files(folder)]).to_frame()


def test_audit_many_on_two_worker_processes_equals_the_serial_audits(client, corpus):
    frame = anslag.dask.audit_many(corpus, client, progress=False)
    assert len(client.scheduler_info()["workers"]) == 2
    assert frame.equals(serial(corpus))
    assert list(frame.columns[:2]) == ["year", "file"]
    assert sorted(set(frame["code"])) == ["DECISION_AMOUNT_MISMATCH", "GRANT_EXCEEDS_REQUEST", "UNKNOWN_UNIT"]
    assert list(frame["year"].unique()) == [2024, 2025, 2026, 2027, 2028, 2029]
    assert frame["file"].str.endswith(".toml").all()


def test_audit_many_without_a_client_uses_the_open_one(client, corpus):
    with distributed.get_task_stream(client) as stream:
        assert anslag.dask.audit_many(corpus, progress=False).equals(serial(corpus))
    assert len(stream.data) >= 6  # on the cluster: a task per file (and the bag's own)


def test_audit_many_of_a_list_of_files_keeps_their_order(client, corpus):
    files = [str(p) for p in reversed(anslag.round_files(corpus))]
    frame = anslag.dask.audit_many(files, client, progress=False)
    assert list(frame["file"].unique()) == files


def test_a_broken_file_raises_its_position(client, tmp_path):
    (tmp_path / "bad.toml").write_text("format = 1\nyear = \n", encoding="utf-8")
    with pytest.raises(anslag.RoundFileError, match=r"bad\.toml:2:"):
        anslag.dask.audit_many(tmp_path, client, progress=False)


def test_silent_when_standard_error_is_not_a_terminal(client, corpus, monkeypatch, capfd):
    captured = io.StringIO()
    monkeypatch.setattr(sys, "stderr", captured)
    anslag.dask.audit_many(corpus, client)
    assert captured.getvalue() == ""
    assert capfd.readouterr().err == ""


def test_a_progress_bar_when_asked(client, corpus, monkeypatch):
    captured = io.StringIO()
    monkeypatch.setattr(sys, "stderr", captured)
    anslag.dask.audit_many(corpus, client, progress=True)
    assert "6/6" in captured.getvalue()


@pytest.mark.skipif(not hasattr(anslag, "draft_round"), reason="anslag.draft_round (branch i12) is not in this build")
def test_draft_many_equals_the_serial_drafts(client):  # pragma: no cover - runs once i12 is merged
    from pathlib import Path

    seeds = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "data" / "seeds").glob("*.txt"))
    drafts = anslag.dask.draft_many(seeds, client, progress=False)
    assert [repr(d) for d in drafts] == [repr(anslag.draft_round(s)) for s in seeds]


@pytest.mark.skipif(hasattr(anslag, "draft_round"), reason="anslag.draft_round exists: the test above runs")
def test_draft_many_says_when_drafting_is_not_built():
    with pytest.raises(NotImplementedError, match=r"^anslag\.draft_round is not in this build of anslag$"):
        anslag.dask.draft_many(["x.txt"])
