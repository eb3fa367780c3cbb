# Lists the symbols a built libanslag offers to the programs that link it and fails, naming each,
# on any that is not the library's public API (include/anslag/export.hpp):
#   - a name of an internal namespace: anslag::detail, anslag::drafting, anslag::*_detail;
#   - code compiled into the library from toml++, nlohmann::json or Boost;
#   - a symbol of binding STB_GNU_UNIQUE (nm's "u"), which keeps dlclose from unloading the library;
#   - for a shared library, anything outside namespace anslag (its names, type information and
#     vtables).
# LIBRARY is the .so or the .a; KIND is shared (nm -D: the dynamic symbols) or static (the global
# symbols of the archive's objects: what a consumer's static link can merge with its own).
# Run alone: cmake -DLIBRARY=... -DKIND=shared|static -P symbols.cmake
if(KIND STREQUAL "shared")
  set(nm_arguments -C -D --defined-only)
elseif(KIND STREQUAL "static")
  set(nm_arguments -C --defined-only)
else()
  message(FATAL_ERROR "KIND must be shared or static, not '${KIND}'")
endif()
execute_process(COMMAND nm ${nm_arguments} ${LIBRARY}
                OUTPUT_VARIABLE listing ERROR_VARIABLE nm_error RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm ${LIBRARY} failed (${rc}): ${nm_error}")
endif()

# One line per symbol: "ADDRESS TYPE NAME"; lowercase types other than u are local.
string(REPLACE ";" "\\;" listing "${listing}")
string(REPLACE "\n" ";" lines "${listing}")
set(internal "anslag::([a-z_]*detail|drafting)::")
set(foreign "(^|[^A-Za-z0-9_])(toml|nlohmann|boost)::")
set(problems "")
set(exported 0)
foreach(line IN LISTS lines)
  if(NOT line MATCHES "^[0-9a-f]* ([A-Za-z]) (.*)$")
    continue()
  endif()
  set(type "${CMAKE_MATCH_1}")
  set(name "${CMAKE_MATCH_2}")
  if(type STREQUAL "u")
    list(APPEND problems "unique binding (u): ${name}")
    continue()
  endif()
  if(NOT type MATCHES "^[A-Z]$")
    continue()
  endif()
  math(EXPR exported "${exported} + 1")
  if(name MATCHES "${internal}")
    list(APPEND problems "internal: ${name}")
  elseif(name MATCHES "${foreign}")
    list(APPEND problems "compiled-in library: ${name}")
  elseif(KIND STREQUAL "shared" AND NOT name MATCHES "^(anslag::|typeinfo for anslag::|typeinfo name for anslag::|vtable for anslag::)")
    list(APPEND problems "outside namespace anslag: ${name}")
  endif()
endforeach()
if(exported EQUAL 0)
  message(FATAL_ERROR "no symbol at all, so not a library built from anslag:\n  ${LIBRARY}")
endif()
if(problems)
  list(LENGTH problems count)
  list(SORT problems)
  list(JOIN problems "\n  " listed)
  # The count leads a short first line: CMake rewraps a message's unindented lines to its width,
  # so a long path before it could split "N symbols" over two lines where a test looks for it.
  message(FATAL_ERROR "${count} symbols beyond anslag's API in\n  ${LIBRARY}:\n  ${listed}")
endif()
message(STATUS "${LIBRARY}: ${exported} symbols, all of anslag's API")
