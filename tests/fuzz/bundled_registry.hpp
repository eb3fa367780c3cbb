// The bundled unit registry, loaded once per fuzzing process.
#pragma once

#include <anslag/io/units_file.hpp>
#include <anslag/model/unit.hpp>

namespace anslag::fuzz {

inline const unit_registry& bundled_registry() {
  static const unit_registry units = load_units(ANSLAG_DATA_DIR "/units.toml");
  return units;
}

}  // namespace anslag::fuzz
