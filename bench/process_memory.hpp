// The resident memory of the bench process, from /proc/self (Linux): the benches report each
// step's peak apart from what the process held before it.
#pragma once

#include <fstream>
#include <string>

namespace anslag_bench {

// A field of /proc/self/status in MiB ("VmRSS": now, "VmHWM": the peak since the last reset).
inline long status_mib(const std::string& field) {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1)) / 1024;
  return -1;
}

// Writing 5 to clear_refs resets the peak (VmHWM) to the current size, so that one step's peak
// can be measured apart from the steps before it.
inline void reset_peak() { std::ofstream("/proc/self/clear_refs") << "5"; }

}  // namespace anslag_bench
