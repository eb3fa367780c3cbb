// ANSLAG_API marks what the library exports: the functions it defines out of line and the classes
// whose type information crosses its boundary (its exceptions, and the classes with members
// defined in the library). The library is compiled with -fvisibility=hidden and
// -fvisibility-inlines-hidden, so everything not marked (namespace anslag::detail, the drafter's
// internals, and the toml++, JSON and Boost code compiled into it) stays inside it: a shared
// libanslag exports nothing else, and the installed static archive has those symbols made local
// (CMakeLists.txt, "the library"), so they never merge with a consumer's own copies of the same
// templates. tests/consumer/symbols.cmake lists the symbols and fails on any other.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define ANSLAG_API __attribute__((visibility("default")))
#else
#define ANSLAG_API
#endif
