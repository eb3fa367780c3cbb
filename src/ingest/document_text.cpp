#include <anslag/ingest/document_text.hpp>

#include <anslag/error.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>

#include <csignal>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace anslag {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

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

// The most time pdftotext may take on one PDF.
constexpr unsigned pdf_seconds = 120;

// pdftotext's output, read from a pipe; the program is run directly (no shell), so a file name
// is never interpreted.
std::string pdf_text(const std::filesystem::path& path) {
  int out[2];
  if (pipe(out) != 0) fail(path, 0, 0, "cannot run pdftotext (poppler-utils) to read the PDF");
  const pid_t child = fork();
  if (child < 0) fail(path, 0, 0, "cannot run pdftotext (poppler-utils) to read the PDF");
  if (child == 0) {
    dup2(out[1], STDOUT_FILENO);
    const int null = open("/dev/null", O_WRONLY);
    if (null >= 0) dup2(null, STDERR_FILENO);
    close(out[0]);
    close(out[1]);
    // A PDF that takes pdftotext longer than this is not read (the alarm survives exec and kills it).
    alarm(pdf_seconds);
    // A name beginning with '-' ("-q.pdf") would be read as an option: "./-q.pdf" is the same file.
    const std::string file = path.string().starts_with('-') ? "./" + path.string() : path.string();
    execlp("pdftotext", "pdftotext", "-layout", "-enc", "UTF-8", file.c_str(), "-",
           static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  std::string text;
  char chunk[1 << 16];
  ssize_t n;
  bool too_large = false;
  while ((n = read(out[0], chunk, sizeof chunk)) > 0) {
    text.append(chunk, static_cast<std::size_t>(n));
    // More text than a decision document may hold: stop the extraction rather than read it all.
    if (text.size() > max_document_text_bytes) {
      too_large = true;
      kill(child, SIGKILL);
      break;
    }
  }
  close(out[0]);
  int status = 0;
  waitpid(child, &status, 0);
  if (too_large) fail(path, 0, 0, "document larger than 8 MiB (the most a decision document may hold)");
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
    fail(path, 0, 0, "pdftotext took longer than 120 s: the PDF is not read");
  if (!WIFEXITED(status) || WEXITSTATUS(status) == 127)
    fail(path, 0, 0, "cannot run pdftotext (poppler-utils) to read the PDF");
  if (WEXITSTATUS(status) != 0) fail(path, 0, 0, "not a readable PDF");
  return text;
}

}  // namespace

std::vector<std::string> document_lines(std::string_view text) {
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

std::string read_document_text(const std::filesystem::path& path) {
  // Only a regular file is opened: a FIFO would hang the reader, a directory or device is no document.
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
    fail(path, 0, 0, "not a regular file (a directory, FIFO or device)");
  std::ifstream file(path, std::ios::binary);
  if (!file) fail(path, 0, 0, "cannot read the file");
  std::string bytes;
  char chunk[1 << 16];
  while (file.read(chunk, sizeof chunk) || file.gcount() > 0) {
    bytes.append(chunk, static_cast<std::size_t>(file.gcount()));
    if (bytes.size() > max_document_bytes) fail(path, 0, 0, "document larger than 16 MiB");
  }
  if (file.bad()) fail(path, 0, 0, "cannot read the file");
  if (bytes.rfind("%PDF-", 0) == 0) {
    bytes = pdf_text(path);
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
