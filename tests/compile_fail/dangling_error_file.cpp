// An error's file() is a string of the error object.
// Member functions that return a reference, pointer or view into their object are deleted for
// rvalues; the snippet only compiles, it never runs.
#include <anslag/error.hpp>

#include <string>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::round_file_error e("a.toml", 1, 1, "bad");
  const std::string& f = e.file();
#else
  const std::string& f = anslag::round_file_error("a.toml", 1, 1, "bad").file();
#endif
  return static_cast<int>(f.size());
}
