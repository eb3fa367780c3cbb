// The one error hierarchy of anslag. Every error the library raises derives from anslag::error
// and carries an errc; Python maps each class one-to-one (anslag.Error and its subclasses).
// Messages are short and fixed in form so that tests can check them exactly.
//
// Thread safety: an error is immutable once thrown; reading one from several threads is safe.
// Exceptions: constructing an error throws nothing but std::bad_alloc.
// Lifetimes: file(), detail(), suggestions() and candidates() refer into the error: deleted on a
// temporary error.
#pragma once

// Every public header includes this one before any that needs C++20 (export.hpp needs nothing),
// so a translation unit compiled as C++17 stops here with a reason rather than somewhere inside
// (docs/architecture.md, "Standard and compilers").
#if __cplusplus < 202002L && !(defined(_MSVC_LANG) && _MSVC_LANG >= 202002L)
#error "anslag needs C++20 (-std=c++20 or later): its headers use concepts, <=>, std::span and char8_t"
#endif

#include <anslag/export.hpp>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

namespace anslag {

enum class errc {
  parse = 1,         // text that is not an amount, date or name of the expected form
  overflow,          // a value beyond the range of a signed 64-bit count of öre
  invalid_argument,  // a call whose arguments break its contract (zero total weight, bad unit, ...)
  round_file,        // a round or unit file that cannot be loaded
  unknown_unit,      // a unit name that matches nothing in the registry
  ambiguous_unit,    // a unit name that matches more than one unit
  not_found,         // a lookup by id or year that finds nothing
};

// anslag::errc as a std::error_code, for the non-throwing calls (anslag::parse(text, Krona&))
// and for programs that report errors as codes: std::error_code e = anslag::errc::parse;
// e.category().name() is "anslag", e.message() the errc's meaning in English. The category is
// one object in the library (anslag_category()), so codes compare equal across translation units.
ANSLAG_API const std::error_category& anslag_category() noexcept;
inline std::error_code make_error_code(errc code) noexcept {
  return {static_cast<int>(code), anslag_category()};
}

class ANSLAG_API error : public std::runtime_error {
 public:
  error(errc code, const std::string& message) : std::runtime_error(message), code_(code) {}
  errc code() const noexcept { return code_; }
  std::error_code error_code() const noexcept { return make_error_code(code_); }

 private:
  errc code_;
};

// `position` is the 0-based index of the offending character, counted in Unicode code points
// of the input (what a reader counts), not bytes.
class ANSLAG_API parse_error : public error {
 public:
  parse_error(const std::string& message, std::size_t position)
      : error(errc::parse, message), position_(position) {}
  std::size_t position() const noexcept { return position_; }

 private:
  std::size_t position_;
};

class ANSLAG_API overflow_error : public error {
 public:
  explicit overflow_error(const std::string& message) : error(errc::overflow, message) {}
};

class ANSLAG_API invalid_argument_error : public error {
 public:
  explicit invalid_argument_error(const std::string& message)
      : error(errc::invalid_argument, message) {}
};

class ANSLAG_API not_found_error : public error {
 public:
  explicit not_found_error(const std::string& message) : error(errc::not_found, message) {}
};

// what() reads "FILE:LINE:COLUMN: DETAIL"; line and column are 1-based, 0 when not known.
class ANSLAG_API round_file_error : public error {
 public:
  round_file_error(std::string file, std::size_t line, std::size_t column, std::string detail)
      : error(errc::round_file, compose(file, line, column, detail)),
        file_(std::move(file)), line_(line), column_(column), detail_(std::move(detail)) {}
  // file() and detail() are the error's own strings: deleted on a temporary error.
  const std::string& file() const& noexcept { return file_; }
  const std::string& file() const&& = delete;
  std::size_t line() const noexcept { return line_; }
  std::size_t column() const noexcept { return column_; }
  const std::string& detail() const& noexcept { return detail_; }
  const std::string& detail() const&& = delete;

 private:
  static std::string compose(const std::string& file, std::size_t line, std::size_t column,
                             const std::string& detail) {
    return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + detail;
  }
  std::string file_;
  std::size_t line_;
  std::size_t column_;
  std::string detail_;
};

class ANSLAG_API unknown_unit_error : public error {
 public:
  unknown_unit_error(const std::string& message, std::vector<std::string> suggestions)
      : error(errc::unknown_unit, message), suggestions_(std::move(suggestions)) {}
  const std::vector<std::string>& suggestions() const& noexcept { return suggestions_; }
  const std::vector<std::string>& suggestions() const&& = delete;

 private:
  std::vector<std::string> suggestions_;
};

class ANSLAG_API ambiguous_unit_error : public error {
 public:
  ambiguous_unit_error(const std::string& message, std::vector<std::string> candidates)
      : error(errc::ambiguous_unit, message), candidates_(std::move(candidates)) {}
  const std::vector<std::string>& candidates() const& noexcept { return candidates_; }
  const std::vector<std::string>& candidates() const&& = delete;

 private:
  std::vector<std::string> candidates_;
};

}  // namespace anslag

template <>
struct std::is_error_code_enum<anslag::errc> : std::true_type {};
