# Installs anslag into a fresh prefix, then builds and runs an outside project against it. The
# outside program is the README's C++ example, and its output must be the README's.
# KIND=static installs this build; KIND=shared first builds the library alone with
# BUILD_SHARED_LIBS=ON (a unity build when this one is). Either way the installed library must
# not carry toml++ under its own name (src/io/toml.hpp), and neither may offer more than anslag's
# API (symbols.cmake).
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

if(KIND STREQUAL "shared")
  execute_process(COMMAND ${CMAKE_COMMAND} -S ${ANSLAG_SOURCE_DIR} -B ${WORK_DIR}/anslag -G Ninja
                          -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
                          -DCMAKE_CXX_COMPILER_LAUNCHER=${CXX_COMPILER_LAUNCHER}
                          -DBUILD_SHARED_LIBS=ON -DANSLAG_TEST=OFF -DANSLAG_PYTHON=OFF -DANSLAG_CLI=OFF
                          -DCMAKE_UNITY_BUILD=${UNITY_BUILD}
                  RESULT_VARIABLE rc OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "configuring the shared library failed: ${rc}")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/anslag RESULT_VARIABLE rc OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "building the shared library failed: ${rc}")
  endif()
  set(installed ${WORK_DIR}/anslag)
else()
  set(installed ${ANSLAG_BINARY_DIR})
endif()
# Only the library and data components: the command line is not needed to build against anslag.
foreach(component IN ITEMS library data)
  execute_process(COMMAND ${CMAKE_COMMAND} --install ${installed} --prefix ${prefix} --component ${component}
                  RESULT_VARIABLE rc OUTPUT_QUIET)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "installing the ${component} component failed: ${rc}")
  endif()
endforeach()
if(EXISTS ${prefix}/bin/anslag)
  message(FATAL_ERROR "the library component installed the command line")
endif()

file(GLOB library ${prefix}/lib*/libanslag.a ${prefix}/lib*/libanslag.so)
if(NOT library)
  message(FATAL_ERROR "no libanslag in ${prefix}")
endif()
execute_process(COMMAND nm -C ${library} OUTPUT_VARIABLE symbols RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm failed: ${rc}")
endif()
if(symbols MATCHES "toml::v3")
  message(FATAL_ERROR "${library} carries toml++ under its public name toml::v3")
endif()
# Only anslag's API leaves the library (include/anslag/export.hpp): no internal name, nothing of
# toml++, JSON or Boost, no unique binding; for the shared one, nothing outside namespace anslag.
execute_process(COMMAND ${CMAKE_COMMAND} -DLIBRARY=${library} -DKIND=${KIND}
                        -P ${CONSUMER_SOURCE_DIR}/symbols.cmake RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${library} offers more than anslag's API (above)")
endif()

file(READ ${README} readme)
set(code_marker "```cpp\n")
string(LENGTH "${code_marker}" code_marker_length)
string(FIND "${readme}" "${code_marker}" code_start)
if(code_start EQUAL -1)
  message(FATAL_ERROR "README.md has no C++ example")
endif()
math(EXPR code_start "${code_start} + ${code_marker_length}")
string(SUBSTRING "${readme}" ${code_start} -1 rest)
string(FIND "${rest}" "```" code_length)
string(SUBSTRING "${rest}" 0 ${code_length} example)
set(output_marker "It prints:\n\n```text\n")
string(LENGTH "${output_marker}" output_marker_length)
string(FIND "${rest}" "${output_marker}" output_start)
math(EXPR output_start "${output_start} + ${output_marker_length}")
string(SUBSTRING "${rest}" ${output_start} -1 rest)
string(FIND "${rest}" "```" output_length)
string(SUBSTRING "${rest}" 0 ${output_length} expected)

file(COPY ${CONSUMER_SOURCE_DIR}/CMakeLists.txt DESTINATION ${WORK_DIR}/source)
file(WRITE ${WORK_DIR}/source/main.cpp "${example}")
execute_process(COMMAND ${CMAKE_COMMAND} -S ${WORK_DIR}/source -B ${WORK_DIR}/build -G Ninja
                        -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_PREFIX_PATH=${prefix}
                        -DCMAKE_BUILD_RPATH=${prefix}/lib RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the consumer failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/build RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the consumer failed: ${rc}")
endif()
execute_process(COMMAND ${WORK_DIR}/build/consumer ${prefix}/share/anslag
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the consumer failed: ${rc}")
endif()
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "the consumer printed\n${out}\nbut the README says\n${expected}")
endif()
