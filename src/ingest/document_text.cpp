#include <anslag/ingest/document_text.hpp>

#include <anslag/error.hpp>

#include "../io/regular_file.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace anslag {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A signal's name as kill(1) prints it, for the signals that end a process in practice.
std::string signal_name(int signal) {
  switch (signal) {
    case SIGABRT: return "SIGABRT";
    case SIGALRM: return "SIGALRM";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGHUP: return "SIGHUP";
    case SIGILL: return "SIGILL";
    case SIGINT: return "SIGINT";
    case SIGKILL: return "SIGKILL";
    case SIGPIPE: return "SIGPIPE";
    case SIGQUIT: return "SIGQUIT";
    case SIGSEGV: return "SIGSEGV";
    case SIGTERM: return "SIGTERM";
    case SIGUSR1: return "SIGUSR1";
    case SIGUSR2: return "SIGUSR2";
    case SIGXFSZ: return "SIGXFSZ";
    default: return "signal " + std::to_string(signal);
  }
}

// The length of the white-space character at `i` (0 if none): ASCII space, tab, CR, LF, form
// feed, vertical tab, and U+00A0, U+2009, U+202F.
std::size_t space_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto d = static_cast<unsigned char>(s[i + 2]);
    if (d == 0x89 || d == 0xAF) return 3;
  }
  return 0;
}

// One group separator between digit groups: a single space of the kinds amounts use.
std::size_t group_separator_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == ' ') return 1;
  const std::size_t n = space_at(s, i);
  return n > 1 ? n : 0;
}

// The first byte that is not UTF-8 (offset), or npos.
std::size_t invalid_utf8_at(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || (n == 2 && c < 0xC2) || i + n > s.size()) return i;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    i += n;
  }
  return std::string_view::npos;
}

[[noreturn]] void fail(const std::filesystem::path& path, std::size_t line, std::size_t column,
                       const std::string& detail) {
  throw round_file_error(path.string(), line, column, detail);
}

[[noreturn]] void beyond(const std::filesystem::path& path, const std::string& limit) {
  fail(path, 0, 0, "PDF beyond the extraction limit: " + limit);
}

// pdftotext's output, read from a pipe. The program is run directly (no shell) with `--` before
// the file name, so that no name is read as an option; in a child process limited in CPU time and
// address space, stopped when it passes the wall time or the size of text allowed, and asked for
// one page more than allowed, so that a longer PDF is refused rather than cut short.
std::string pdf_text(const std::filesystem::path& path, const pdf_limits& limits) {
  // Everything the child needs is made before fork: between fork and exec a child of a threaded
  // process may only make async-signal-safe calls, and allocation is not one.
  const std::string file = path.string();
  const std::string last_page = std::to_string(limits.pages + 1);
  const rlimit cpu{static_cast<rlim_t>(limits.cpu_seconds), static_cast<rlim_t>(limits.cpu_seconds) + 1};
  const rlim_t memory_bytes = static_cast<rlim_t>(limits.memory_mib) << 20;
  const rlimit memory{memory_bytes, memory_bytes};
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) fail(path, 0, 0, "cannot run pdftotext (poppler-utils) to read the PDF");
  const pid_t child = fork();
  if (child < 0) {
    close(out[0]);
    close(out[1]);
    fail(path, 0, 0, "cannot run pdftotext (poppler-utils) to read the PDF");
  }
  if (child == 0) {
    dup2(out[1], STDOUT_FILENO);
    const int null = open("/dev/null", O_WRONLY);
    if (null >= 0) dup2(null, STDERR_FILENO);
    setrlimit(RLIMIT_CPU, &cpu);
    setrlimit(RLIMIT_AS, &memory);
    execlp("pdftotext", "pdftotext", "-layout", "-enc", "UTF-8", "-l", last_page.c_str(), "--", file.c_str(), "-",
           static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  const auto text_bytes = static_cast<std::size_t>(limits.text_mib) << 20;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.seconds);
  std::string text;
  std::string exceeded;
  char chunk[1 << 16];
  while (exceeded.empty()) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd ready{out[0], POLLIN, 0};
    const int polled = left.count() > 0 ? poll(&ready, 1, static_cast<int>(left.count())) : 0;
    if (polled < 0 && errno == EINTR) continue;
    if (polled == 0) {
      exceeded = std::to_string(limits.seconds) + " s";
      break;
    }
    const ssize_t n = read(out[0], chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (text.size() + static_cast<std::size_t>(n) > text_bytes) exceeded = std::to_string(limits.text_mib) + " MiB of text";
    text.append(chunk, static_cast<std::size_t>(n));
  }
  if (!exceeded.empty()) kill(child, SIGKILL);
  close(out[0]);
  int status = 0;
  rusage used{};
  while (wait4(child, &status, 0, &used) < 0 && errno == EINTR) {
  }
  if (!exceeded.empty()) beyond(path, exceeded);
  if (WIFSIGNALED(status)) {
    // The CPU limit sends SIGXCPU, and SIGKILL a second later; a SIGKILL before the limit's CPU
    // time came from outside (the kernel out of memory, a supervisor).
    const int stopped_by = WTERMSIG(status);
    const long cpu_seconds = used.ru_utime.tv_sec + used.ru_stime.tv_sec;
    if (stopped_by == SIGXCPU || (stopped_by == SIGKILL && cpu_seconds >= limits.cpu_seconds))
      beyond(path, std::to_string(limits.cpu_seconds) + " s of CPU time");
    const std::string signal = signal_name(stopped_by);
    // Past its address space an allocation fails and pdftotext aborts or faults there; a PDF that
    // crashes it within the limit ends the same way, so the message says both and names the signal.
    if (stopped_by == SIGABRT || stopped_by == SIGSEGV || stopped_by == SIGBUS)
      beyond(path, std::to_string(limits.memory_mib) + " MiB of memory, or a PDF that crashes pdftotext (" + signal + ")");
    // Any other signal came from outside (a user, a supervisor): no limit of ours.
    fail(path, 0, 0, "pdftotext stopped by " + signal);
  }
  if (WEXITSTATUS(status) == 127) fail(path, 0, 0, "cannot run pdftotext (poppler-utils) to read the PDF");
  if (WEXITSTATUS(status) != 0) fail(path, 0, 0, "not a readable PDF");
  // pdftotext ends every page with a form feed.
  if (std::count(text.begin(), text.end(), '\f') > limits.pages) beyond(path, std::to_string(limits.pages) + " pages");
  return text;
}

}  // namespace

std::vector<std::string> document_lines(std::string_view text) {
  if (text.empty()) return {""};
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    // A line ends at LF, at CR LF, or at a CR alone (the old Mac line end).
    std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    if (end == text.size()) break;
    start = end + (text.compare(end, 2, "\r\n") == 0 ? 2 : 1);
    if (start == text.size()) break;  // the last line's end: no empty line after it
  }
  return lines;
}

std::string collapse_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending = false;
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t n = space_at(text, i)) {
      pending = !out.empty();
      i += n;
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += text[i++];
  }
  return out;
}

std::vector<std::string> printed_numbers(std::string_view text) {
  std::vector<std::string> numbers;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i]) || (i > 0 && (is_digit(text[i - 1]) || text[i - 1] == ','))) {
      ++i;
      continue;
    }
    std::string digits;
    while (i < text.size() && is_digit(text[i])) digits += text[i++];
    // Further groups: one separator, then exactly three digits not followed by a fourth.
    while (true) {
      const std::size_t sep = group_separator_at(text, i);
      if (sep == 0) break;
      const std::size_t g = i + sep;
      if (g + 3 > text.size() || !is_digit(text[g]) || !is_digit(text[g + 1]) || !is_digit(text[g + 2]) ||
          (g + 3 < text.size() && is_digit(text[g + 3])))
        break;
      digits.append(text.substr(g, 3));
      i = g + 3;
    }
    if (i + 1 < text.size() && text[i] == ',' && is_digit(text[i + 1])) {
      digits += ',';
      ++i;
      while (i < text.size() && is_digit(text[i])) digits += text[i++];
    }
    numbers.push_back(std::move(digits));
  }
  return numbers;
}

std::string read_document_text(const std::filesystem::path& path, const pdf_limits& limits) {
  auto read = detail::read_regular_file(path, detail::max_document_bytes);
  if (!read) fail(path, 0, 0, "document larger than 64 MiB");
  std::string bytes = std::move(*read);
  if (bytes.rfind("%PDF-", 0) == 0) {
    bytes = pdf_text(path, limits);
    if (collapse_space(bytes).empty()) fail(path, 0, 0, "a PDF without text (a scan?)");
  }
  if (collapse_space(bytes).empty()) fail(path, 0, 0, "empty document");
  const std::size_t bad = std::min(bytes.find('\0'), invalid_utf8_at(bytes));
  if (bad != std::string::npos) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < bad; ++i) {
      if (bytes[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    fail(path, line, column, "not UTF-8 text");
  }
  return bytes;
}

}  // namespace anslag
