"""anslag.dask on a LocalCluster of two worker processes: audit_many gives the findings of the
serial audits, with year and file, from a bag of the files in parts of many files; draft_many the
serial drafts; load and audit release the GIL. Without a cluster (on threads):
tests/python/test_many_rounds.py."""

import io
import os
import sys

import pytest

import anslag
import anslag.dask
from gil_probe import ticks_during

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
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=50
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
    assert any("_audit_part" in record["key"] for record in stream.data)  # it ran on the cluster


def test_parts_hold_many_files_and_there_are_four_per_thread():
    assert anslag.dask.part_size(10_000, 2) == 500  # at most 500 files a part: 20 parts
    assert anslag.dask.part_size(1_000, 2) == 125  # 4 parts per thread
    assert anslag.dask.part_size(1_000, 100) == 3  # 400 parts asked for, so 3 files each (334 parts)
    assert anslag.dask.part_size(6, 2) == 1
    assert anslag.dask.part_size(1, 0) == 1


def test_the_bag_has_one_task_per_part():
    files = [f"round-{i:02d}.toml" for i in range(40)]
    bag = anslag.dask.bag_of_parts(lambda part: [len(part)], files, 5)
    graph = dict(bag.__dask_graph__())
    assert bag.npartitions == 8
    assert len(graph) == 8  # no task of its own for a part's list of files
    from dask.local import get_sync  # not bag.compute: a Client of this module may be open

    assert list(get_sync(graph, bag.__dask_keys__())) == [[5]] * 8


def test_a_task_audits_a_part_of_many_files_and_the_frame_keeps_their_order(client, tmp_path):
    faulty = anslag.synthetic_rounds(20, tmp_path / "faulty", faults=["total-mismatch"], progress=False)
    clean = anslag.synthetic_rounds(20, tmp_path / "clean", faults=[], progress=False)
    # Parts of 5 (40 files, 8 parts on 2 threads): two parts find nothing, and their empty frames
    # must not change the columns' types.
    files = faulty[:10] + clean + faulty[10:]
    frame = anslag.dask.audit_many(files, client, progress=False)
    assert frame.equals(anslag.RoundsReport([anslag.audit(anslag.load_round(f)) for f in files]).to_frame())
    assert list(frame["file"]) == faulty
    assert list(frame["code"]) == ["TOTAL_MISMATCH"] * 20


def test_load_and_audit_release_the_gil(tmp_path):
    # A round large enough that loading and auditing each outlast a scheduling delay.
    path = tmp_path / "large.toml"
    path.write_text(anslag.synthetic_round(applications=20_000, faults=[]), encoding="utf-8")
    registry = anslag.unit_registry()
    loaded = []
    while_loading, while_auditing = ticks_during(
        lambda: loaded.append(anslag.load_round(path)), lambda: anslag.audit(loaded[0], registry)
    )
    assert while_loading > 0
    assert while_auditing > 0


def test_audit_many_of_a_list_of_files_keeps_their_order(client, corpus):
    files = [str(p) for p in reversed(anslag.round_files(corpus))]
    frame = anslag.dask.audit_many(files, client, progress=False)
    assert list(frame["file"].unique()) == files


def test_a_broken_file_among_good_ones_raises_its_position(client, tmp_path):
    anslag.synthetic_rounds(12, tmp_path, faults=["total-mismatch"], progress=False)
    (tmp_path / "round-00007-bad.toml").write_text("format = 1\nyear = \n", encoding="utf-8")
    with pytest.raises(anslag.RoundFileError, match=r"round-00007-bad\.toml:2:8: "):
        anslag.dask.audit_many(tmp_path, client, progress=False)


def test_a_folder_without_round_files_and_no_files(client, tmp_path):
    (tmp_path / "notes.txt").write_text("not a round", encoding="utf-8")
    with pytest.raises(anslag.NotFoundError, match=r"^no round files \(\*\.toml\) in "):
        anslag.dask.audit_many(tmp_path, client, progress=False)
    nothing = anslag.dask.audit_many([], client, progress=False)
    assert nothing.empty
    assert list(nothing.columns) == list(anslag.load_rounds().audit().to_frame().columns)


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


def test_the_progress_bar_counts_files_a_part_at_a_time(client, tmp_path, monkeypatch):
    anslag.synthetic_rounds(10, tmp_path, faults=[], progress=False)  # 5 parts of 2 on 2 threads
    captured = io.StringIO()
    monkeypatch.setattr(sys, "stderr", captured)
    anslag.dask.audit_many(tmp_path, client, progress=True)
    drawn = captured.getvalue()
    assert "10/10" in drawn
    assert not any(f"{odd}/10" in drawn for odd in (1, 3, 5, 7, 9))


def test_draft_many_equals_the_serial_drafts(client):
    from pathlib import Path

    seeds = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "data" / "seeds").glob("*.txt"))
    drafts = anslag.dask.draft_many(seeds, client, progress=False)
    assert [repr(d) for d in drafts] == [repr(anslag.draft_round(s)) for s in seeds]


def test_a_fifo_among_the_files_raises_its_round_file_error_and_does_not_hang(client, tmp_path):
    anslag.synthetic_rounds(2, tmp_path, progress=False)
    os.mkfifo(tmp_path / "round-00003.toml")
    with pytest.raises(anslag.RoundFileError,
                       match=r"round-00003\.toml:0:0: cannot read the file: a named pipe \(FIFO\), not a regular file$"):
        anslag.dask.audit_many(tmp_path, client, progress=False)
