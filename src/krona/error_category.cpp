// The std::error_category of anslag::errc (include/anslag/error.hpp). It lives in the library,
// not inline in the header, so that there is one category object per program: codes compare by
// the category's address.
#include <anslag/error.hpp>

#include <string>
#include <system_error>

namespace anslag {
namespace {

class category final : public std::error_category {
 public:
  const char* name() const noexcept override { return "anslag"; }
  std::string message(int code) const override {
    switch (static_cast<errc>(code)) {
      case errc::parse: return "text is not of the expected form";
      case errc::overflow: return "value beyond the range of an amount";
      case errc::invalid_argument: return "argument breaks the call's contract";
      case errc::round_file: return "round or unit file cannot be loaded";
      case errc::unknown_unit: return "unknown unit";
      case errc::ambiguous_unit: return "ambiguous unit";
      case errc::not_found: return "not found";
    }
    return "unknown anslag error " + std::to_string(code);
  }
};

}  // namespace

const std::error_category& anslag_category() noexcept {
  static const category instance;
  return instance;
}

}  // namespace anslag
