// The unit of amount_format is an amount_unit, which scales the amount: the text "tkr" after an
// unscaled amount wrote 5 000 kr as "5 000 tkr".
#include <anslag/krona/amount_text.hpp>

int main() {
#ifdef ANSLAG_COMPILE_FAIL_GOOD
  const anslag::amount_format format{.unit = anslag::amount_unit::tkr};
#else
  const anslag::amount_format format{.unit = "tkr"};
#endif
  return static_cast<int>(anslag::format_amount(anslag::Krona::from_kronor(5000), format).size());
}
