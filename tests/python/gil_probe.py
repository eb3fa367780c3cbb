"""Whether a call releases the GIL: another thread counts while the call runs. With a switch
interval of a minute the calling thread never yields the GIL by itself, so the other thread can
count only while the call has released it."""

import sys
import threading
import time


def ticks_during(*calls):
    """The counts of the other thread during each of ``calls`` (functions of no argument), in
    order. Each call must outlast a scheduling delay of the other thread on a loaded machine."""
    ticks = 0
    running = threading.Event()
    done = threading.Event()

    def tick():
        nonlocal ticks
        running.set()
        while not done.is_set():
            ticks += 1
            time.sleep(0)  # hands the GIL back to the calling thread

    interval = sys.getswitchinterval()
    worker = threading.Thread(target=tick)
    worker.start()
    running.wait()
    sys.setswitchinterval(60)
    counts = []
    try:
        for call in calls:
            before = ticks
            call()
            counts.append(ticks - before)
    finally:
        sys.setswitchinterval(interval)
        done.set()
        worker.join()
    return counts
