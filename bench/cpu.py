"""The CPU model, printed with every figure: timings mean nothing without the machine; and the
median time of a few runs, the figure the benchmarks print."""

import platform
import statistics
import time


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def median_time(function, runs):
    """What ``function()`` returns, and the median of ``runs`` timings of it in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return result, statistics.median(times)
