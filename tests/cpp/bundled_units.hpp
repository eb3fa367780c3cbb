// The bundled unit registry, loaded once per test executable.
#pragma once

#include <anslag/io/units_file.hpp>

#include <filesystem>

inline const anslag::unit_registry& units() {
  static const anslag::unit_registry registry =
      anslag::load_units(std::filesystem::path(ANSLAG_DATA_DIR) / "units.toml");
  return registry;
}
