// A precision would cut the amount's text ("{:.2}" made "1\u00A0" of 1 234 kr): refused when the
// format string is checked at compile time.
#include <anslag/krona/fmt.hpp>

int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const auto text = fmt::format("{:*>12}", anslag::Krona::from_kronor(1234));
#else
  const auto text = fmt::format("{:.2}", anslag::Krona::from_kronor(1234));
#endif
  return static_cast<int>(text.size());
}
