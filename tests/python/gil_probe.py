"""Whether a call lets other threads run: another thread notes the moment of each of its turns
while the call runs. With a switch interval of a minute the calling thread never yields the GIL
by itself, so the other thread runs only while the call has released it; with a short one it
runs wherever the call offers the GIL."""

import contextlib
import sys
import threading
import time
from collections.abc import Iterator


@contextlib.contextmanager
def other_thread_turns(switch_interval: float) -> Iterator[list[float]]:
    """Yields the list to which another thread appends `time.perf_counter()` at each of its
    turns, with the interpreter's switch interval set to `switch_interval` meanwhile."""
    turns: list[float] = []
    running = threading.Event()
    done = threading.Event()

    def tick():
        running.set()
        while not done.is_set():
            turns.append(time.perf_counter())
            time.sleep(0)  # hands the GIL back to the calling thread

    interval = sys.getswitchinterval()
    worker = threading.Thread(target=tick)
    worker.start()
    running.wait()
    sys.setswitchinterval(switch_interval)
    try:
        yield turns
    finally:
        sys.setswitchinterval(interval)
        done.set()
        worker.join()


def ticks_during(*calls):
    """The turns of the other thread during each of ``calls`` (functions of no argument), in
    order, when the calling thread never yields the GIL by itself. Each call must outlast a
    scheduling delay of the other thread on a loaded machine."""
    counts = []
    with other_thread_turns(60) as turns:
        for call in calls:
            before = len(turns)
            call()
            counts.append(len(turns) - before)
    return counts
