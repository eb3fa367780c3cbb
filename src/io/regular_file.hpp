// Reading the files the library is given: regular files only, read to a limit. A FIFO named
// 2022.toml in a folder would block the reader forever, a device such as /dev/zero never ends and
// a symbolic link loop is no file at all: each is refused by name before anything is read
// (docs/reliability.md, "Files the library opens").
#pragma once

#include <anslag/error.hpp>

#include <cerrno>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace anslag::detail {

// The most a decision document file may hold, read as text (ingest) or shown beside its report
// (report/html): such a document is tens of kilobytes of text, or a PDF of a few megabytes.
inline constexpr std::size_t max_document_bytes = std::size_t{64} << 20;

// Why a path that opened is no file to read, or "" for a regular file.
inline std::string not_regular(mode_t mode) {
  if (S_ISREG(mode)) return "";
  if (S_ISDIR(mode)) return std::generic_category().message(EISDIR);
  if (S_ISFIFO(mode)) return "a named pipe (FIFO), not a regular file";
  if (S_ISSOCK(mode)) return "a socket, not a regular file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device, not a regular file";
  return "not a regular file";
}

// The text of the regular file at `path` (symbolic links followed), at most `max_bytes` of it.
// Every refusal is a round_file_error naming the path at 0:0: "cannot read the file: REASON"
// (the system's words for a missing file or a link loop; not_regular's for the others); past
// max_bytes, nullopt, for the caller to name its own limit. The file is checked before it is opened, so that a FIFO is never
// opened (opening one blocks until a writer comes), and again on the open descriptor, so that a
// file swapped in between is refused too.
inline std::optional<std::string> read_regular_file(const std::filesystem::path& path, std::size_t max_bytes) {
  const auto refuse = [&](const std::string& reason) -> std::optional<std::string> {
    throw round_file_error(path.string(), 0, 0, "cannot read the file: " + reason);
  };
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return refuse(std::generic_category().message(errno));
  if (const std::string why = not_regular(status.st_mode); !why.empty()) return refuse(why);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return refuse(std::generic_category().message(errno));
  struct closer {
    int fd;
    ~closer() { ::close(fd); }
  } closing{fd};
  if (::fstat(fd, &status) != 0) return refuse(std::generic_category().message(errno));
  if (const std::string why = not_regular(status.st_mode); !why.empty()) return refuse(why);
  std::string text;
  char chunk[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return refuse(std::generic_category().message(errno));
    if (n == 0) return text;
    if (text.size() + static_cast<std::size_t>(n) > max_bytes) return std::nullopt;
    text.append(chunk, static_cast<std::size_t>(n));
  }
}

}  // namespace anslag::detail
