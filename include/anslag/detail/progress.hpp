// How long work over many items reports how far it has come: called after each item with the
// items done and the items in all. Whoever shows it (a terminal bar, a notebook) decides how.
#pragma once

#include <cstddef>
#include <functional>

namespace anslag {

using progress_callback = std::function<void(std::size_t done, std::size_t total)>;

}  // namespace anslag
