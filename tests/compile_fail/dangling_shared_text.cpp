// A shared_text's str() and its views point into the text its copies share, which ends with the
// last copy: deleted for a temporary, which may be that copy. The snippet only compiles.
#include <anslag/model/shared_text.hpp>

#include <string>
#include <string_view>
int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::shared_text quote("Det högsta beloppet är 25 000 kronor.");
  const std::string& text = quote.str();
  const std::string_view view = quote;
#else
  const std::string& text = anslag::shared_text("Det högsta beloppet är 25 000 kronor.").str();
  const std::string_view view = anslag::shared_text("x");
#endif
  return static_cast<int>(text.size() + view.size());
}
