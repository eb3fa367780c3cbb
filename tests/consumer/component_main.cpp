// The outside program of the library component alone: found by CMake or by pkg-config, it parses
// and prints one amount (ASCII in, the canonical form out).
#include <anslag/krona/amount_text.hpp>

#include <iostream>

int main() {
  anslag::amount_format ascii;
  ascii.group_separator = " ";
  std::cout << anslag::format_amount(anslag::parse_amount("SEK 25 000"), ascii) << "\n";
  return 0;
}
