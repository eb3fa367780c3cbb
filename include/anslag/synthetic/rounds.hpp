// Synthetic rounds: consistent round files (every statement computed from the rows, so that the
// audit finds nothing) with faults planted at known rows, for benchmarks, tests and corpora to
// scale on. `anslag synthetic` and Python's anslag.synthetic_rounds write them; the benchmarks
// generate theirs here too. docs/scaling.md lists the faults and the finding each must give.
//
// Thread safety: pure functions of their arguments; any number of threads may call them at once.
// Two calls writing into one folder at once are the caller's to avoid.
// Exceptions: invalid_argument_error (a year outside 2..9999, sizes outside the limits below;
// "cannot write PATH: REASON").
// Lifetimes: values.
#pragma once

#include <anslag/export.hpp>
#include <anslag/detail/progress.hpp>
#include <anslag/model/unit.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace anslag {

enum class synthetic_fault {
  grant_exceeds_request,  // the middle row granted 1 kr more than requested: GRANT_EXCEEDS_REQUEST
  total_mismatch,         // the first fund's (UTV) requested total stated 1 kr too high: TOTAL_MISMATCH
  count_mismatch,         // the second fund's (F2) application count stated one too high: COUNT_MISMATCH
  unknown_unit,           // the first row's applicant misspelt: UNKNOWN_UNIT (a warning)
};

// "grant-exceeds-request", "total-mismatch", "count-mismatch", "unknown-unit".
ANSLAG_API std::string_view to_string(synthetic_fault f) noexcept;
ANSLAG_API std::optional<synthetic_fault> synthetic_fault_from_name(std::string_view text) noexcept;
// Every fault, in the order above.
ANSLAG_API std::vector<synthetic_fault> all_synthetic_faults();

// The sizes offered, each a round the loader accepts: synthetic_round's amounts stay within a
// round file's largest amount up to max_synthetic_applications (requests get smaller as rounds
// get larger); a round file written by write_synthetic_rounds stays under the loader's 16 MiB.
inline constexpr std::size_t max_synthetic_applications = 10'000'000;
inline constexpr std::size_t max_written_synthetic_applications = 50'000;
inline constexpr std::size_t max_synthetic_rounds = 1'000'000;

struct synthetic_options {
  std::size_t applications = 25;  // a round of realistic size (the bundled ones have 22 and 23)
  std::uint64_t seed = 1;
  int year = 2024;                // dated 12 December the year before
  std::vector<synthetic_fault> faults;
};

// A round file (format 1) as text: applications over the funds UTV and STU (every fifth), from
// the districts that exist on the document's date (drawn by a seeded generator, so the same
// options give the same text). Requests are whole thousands of kronor up to 500 000 kr, or less
// past 200 000 applications, so that every fund's total is at most 100 000 000 000 kr. A year
// outside 2..9999 is an invalid_argument_error "synthetic year out of range (2 to 9999)"; a count
// of applications outside 1..max_synthetic_applications, "synthetic applications out of range (1
// to 10000000)"; a year with no district on its date, "no district exists on the synthetic
// round's date". The text of 1 000 000 applications is about 210 MiB: parse it with
// size_limit::unbounded.
ANSLAG_API std::string synthetic_round(const unit_registry& units, const synthetic_options& options);

// Writes `count` round files round-00001.toml, ... into `folder` (made if missing): round i has
// the year options.year + i, starting again at options.year after 9999, and the seed
// options.seed + i. Returns their paths. `count` outside 1..max_synthetic_rounds is an
// invalid_argument_error "synthetic rounds out of range (1 to 1000000)", more applications than
// max_written_synthetic_applications "synthetic applications out of range for a round file (1 to
// 50000): ...". A folder or file that cannot be written is an invalid_argument_error "cannot write
// PATH" (": a symbolic link" for a link already at a file's place: it is never written through).
ANSLAG_API std::vector<std::filesystem::path> write_synthetic_rounds(const unit_registry& units, const std::filesystem::path& folder,
                                                          std::size_t count, const synthetic_options& options,
                                                          const progress_callback& progress = {});

}  // namespace anslag
