// An outside program using the installed anslag through find_package.
#include <anslag/krona/allocate.hpp>
#include <anslag/krona/krona.hpp>

#include <cstdint>
#include <iostream>
#include <vector>

int main() {
  const auto budget = anslag::Krona::from_kronor(3'500'000);
  const std::vector<std::int64_t> weights{2, 1};
  const auto parts = anslag::allocate(budget, weights, anslag::Krona::from_kronor(1));
  std::cout << parts[0].to_string() << " + " << parts[1].to_string() << "\n";
  return (parts[0] + parts[1] == budget) ? 0 : 1;
}
