"""10 000 synthetic rounds of realistic size (25 applications, two funds, the faults planted in
every round) audited serially in this process and with anslag.dask.audit_many on a LocalCluster of
two worker processes (one thread each), in the same run; and the cost of one round's audit
through Dask's scheduler against the audit itself, and of an empty task.

    PYTHONPATH=build/python python3 bench/many_rounds.py [ROUNDS] [FOLDER]

Times are wall time, medians of REPEATS runs. Every run's findings are checked to be the same
(the planted faults of every round), so a fast wrong answer cannot pass.
"""

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import anslag
import anslag.dask
from cpu import cpu_model

REPEATS = 3
FAULTS = ["grant-exceeds-request", "total-mismatch", "count-mismatch", "unknown-unit"]
# The findings the faults give in every round (docs/scaling.md, "Synthetic rounds").
PLANTED = ["GRANT_EXCEEDS_REQUEST", "DECISION_AMOUNT_MISMATCH", "TOTAL_MISMATCH", "COUNT_MISMATCH", "UNKNOWN_UNIT"]


def timed(function, repeats=REPEATS):
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def cpu_seconds():
    """CPU time (user + system) of this process and of the children it waited for: on a loaded
    machine wall time is mostly waiting, and CPU time is what the work took."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def own_cpu_seconds():
    """CPU time of the process it runs in (a worker's, through Client.run)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime


def serial(paths):
    return anslag.RoundsReport([anslag.audit(anslag.load_round(p)) for p in paths]).to_frame()


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    if len(sys.argv) > 2:
        run(count, sys.argv[2])
    else:
        with tempfile.TemporaryDirectory(prefix="anslag-many-") as folder:
            run(count, folder)


def run(count, folder):
    print(f"machine: {os.cpu_count()} cores, {cpu_model()}; load average {os.getloadavg()[0]:.1f} at start")
    written, paths = timed(lambda: anslag.synthetic_rounds(count, folder, faults=FAULTS, progress=False), 1)
    size = sum(os.path.getsize(p) for p in paths) / len(paths)
    print(f"wrote {count} rounds of 25 applications ({size / 1024:.1f} KiB each) in {written:.2f} s")

    cpu = cpu_seconds()
    serial_time, expected = timed(lambda: serial(paths))
    serial_cpu = (cpu_seconds() - cpu) / REPEATS
    assert expected["code"].value_counts().to_dict() == dict.fromkeys(PLANTED, count), expected["code"].value_counts()
    print(f"serial, one process (load + audit + frame): {serial_time:.2f} s wall, {serial_cpu:.2f} s CPU, "
          f"{1e3 * serial_time / count:.3f} ms a round")

    cpu = cpu_seconds()
    cli_time, _ = timed(lambda: subprocess.run([os.environ.get("ANSLAG_CLI", "build/anslag"), "audit", folder,
                                                "--format", "json"], capture_output=True, check=False))
    print(f"anslag audit FOLDER (C++, with the checks across rounds, JSON out): {cli_time:.2f} s wall, "
          f"{(cpu_seconds() - cpu) / REPEATS:.2f} s CPU")

    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=50) as cluster, Client(cluster) as client:
        anslag.dask.audit_many(paths[:4], client, progress=False)  # the workers import anslag once
        cpu, workers = cpu_seconds(), sum(client.run(own_cpu_seconds).values())
        cluster_time, frame = timed(lambda: anslag.dask.audit_many(paths, client, progress=False))
        client_cpu = (cpu_seconds() - cpu) / REPEATS
        workers_cpu = (sum(client.run(own_cpu_seconds).values()) - workers) / REPEATS
        assert frame.equals(expected)
        per_task = anslag.dask.part_size(count, 2)
        print(f"audit_many, LocalCluster of 2 processes: {cluster_time:.2f} s wall, CPU {workers_cpu:.2f} s in the "
              f"workers and {client_cpu:.2f} s here, {1e3 * cluster_time / count:.3f} ms a round, "
              f"in {-(-count // per_task)} tasks of {per_task} files; serial / cluster = {serial_time / cluster_time:.2f}")

        one = paths[0]
        registry = anslag.unit_registry()
        direct, _ = timed(lambda: anslag.audit(anslag.load_round(one), registry), 51)
        through, _ = timed(lambda: anslag.dask.audit_many([one], client, progress=False), 51)
        empty, _ = timed(lambda: client.submit(int, pure=False).result(), 51)
        print(f"one round: load + audit {1e3 * direct:.3f} ms; through the scheduler (audit_many of one file, "
              f"frame included) {1e3 * through:.1f} ms, {through / direct:.0f} times the audit; "
              f"an empty task's round trip {1e3 * empty:.1f} ms (medians of 51)")
    threads_time, frame = timed(lambda: anslag.dask.audit_many(paths, progress=False))
    assert frame.equals(expected)
    print(f"audit_many without a cluster (threads of this process): {threads_time:.2f} s")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
