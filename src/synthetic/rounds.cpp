#include <anslag/synthetic/rounds.hpp>

#include <anslag/detail/names.hpp>
#include <anslag/error.hpp>
#include <anslag/krona/krona.hpp>

#include <anslag/model/validate.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace anslag {
namespace {

constexpr detail::name_table<synthetic_fault, 4> fault_names{{
    {synthetic_fault::grant_exceeds_request, "grant-exceeds-request"},
    {synthetic_fault::total_mismatch, "total-mismatch"},
    {synthetic_fault::count_mismatch, "count-mismatch"},
    {synthetic_fault::unknown_unit, "unknown-unit"},
}};

// Requests are whole thousands of kronor up to `most_thousands` thousand: 500 (500 000 kr) for a
// round of realistic size, fewer for a large one, so that no fund's total passes the largest
// amount a round file may hold (validate: 100 000 000 000 kr) at any size synthetic_round offers.
std::uint64_t most_thousands(std::size_t applications) {
  const std::uint64_t fits = static_cast<std::uint64_t>(max_round_amount_ore / 100'000) / applications;
  return std::min<std::uint64_t>(500, fits);
}

// Writes `text` to `path`, a new or regular file: never through a symbolic link already there
// (O_NOFOLLOW), never into a FIFO or device (O_NONBLOCK, then the file's type).
void write_regular(const std::filesystem::path& path, const std::string& text) {
  const auto refuse = [&](const std::string& why) {
    throw invalid_argument_error("cannot write " + path.string() + ": " + why);
  };
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0644);
  if (fd < 0)
    refuse(errno == ELOOP ? std::string("a symbolic link") : std::generic_category().message(errno));
  struct stat status {};
  if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) {
    ::close(fd);
    refuse("not a regular file");
  }
  bool written = ::ftruncate(fd, 0) == 0;
  for (std::size_t done = 0; written && done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    written = n > 0;
    if (written) done += static_cast<std::size_t>(n);
  }
  const int reason = errno;
  if (::close(fd) != 0 || !written) refuse(std::generic_category().message(written ? errno : reason));
}

bool planted(const synthetic_options& options, synthetic_fault f) {
  return std::find(options.faults.begin(), options.faults.end(), f) != options.faults.end();
}

}  // namespace

std::string_view to_string(synthetic_fault f) noexcept { return detail::name_of(fault_names, f); }
std::optional<synthetic_fault> synthetic_fault_from_name(std::string_view text) noexcept {
  return detail::value_of(fault_names, text);
}
std::vector<synthetic_fault> all_synthetic_faults() {
  return {synthetic_fault::grant_exceeds_request, synthetic_fault::total_mismatch, synthetic_fault::count_mismatch,
          synthetic_fault::unknown_unit};
}

std::string synthetic_round(const unit_registry& units, const synthetic_options& options) {
  if (options.year < 2 || options.year > 9999) throw invalid_argument_error("synthetic year out of range (2 to 9999)");
  if (options.applications < 1 || options.applications > max_synthetic_applications)
    throw invalid_argument_error("synthetic applications out of range (1 to 10000000)");
  const calendar_date dated(options.year - 1, 12, 12);
  std::vector<const unit*> districts;
  for (const auto* u : units.units_on(dated))
    if (u->kind == unit_kind::district) districts.push_back(u);
  if (districts.empty()) throw invalid_argument_error("no district exists on the synthetic round's date");
  std::uint64_t state = options.seed * 6364136223846793005ULL + 1442695040888963407ULL;
  const auto next = [&state](std::uint64_t bound) {  // a small LCG: fast and reproducible
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % bound;
  };

  const std::uint64_t thousands = most_thousands(options.applications);
  std::string rows;
  rows.reserve(options.applications * 220);
  // Two funds with ids of no organisation's: the generator's rounds are any municipality's.
  constexpr const char* fund_ids[2] = {"UTV", "STU"};
  Krona requested[2], granted[2];
  std::int64_t count[2] = {0, 0};
  for (std::size_t i = 0; i < options.applications; ++i) {
    const int fund = i % 5 == 0 ? 1 : 0;
    const Krona request = Krona::from_kronor(static_cast<std::int64_t>(1000 * (1 + next(thousands))));
    const std::uint64_t pick = next(3);
    const char* outcome = pick == 0 ? "rejected" : pick == 1 ? "partly_granted" : "granted";
    Krona grant = pick == 0   ? Krona{}
                  : pick == 1 ? request.round(Krona::from_kronor(1000), rounding::down) - Krona::from_kronor(500)
                              : request;
    if (planted(options, synthetic_fault::grant_exceeds_request) && i == options.applications / 2)
      grant = request + Krona::from_kronor(1);
    requested[fund] += request;
    granted[fund] += grant;
    ++count[fund];
    std::string applicant = districts[next(districts.size())]->name;
    if (planted(options, synthetic_fault::unknown_unit) && i == 0) applicant += "qx";
    rows += "[[applications]]\nid = \"A" + std::to_string(i) + "\"\nfund = \"" + fund_ids[fund] +
            "\"\napplicant = \"" + applicant + "\"\nproject = \"Projekt " + std::to_string(i) + "\"\nrequested = \"" +
            request.to_string() + "\"\ngranted = \"" + grant.to_string() + "\"\ndecision = \"" + outcome +
            "\"\nreason = \"\"\nsource = { line = " + std::to_string(i + 1) + " }\n\n";
  }
  const Krona total_offset = planted(options, synthetic_fault::total_mismatch) ? Krona::from_kronor(1) : Krona{};
  const std::int64_t count_offset = planted(options, synthetic_fault::count_mismatch) ? 1 : 0;
  std::string head = "format = 1\nyear = " + std::to_string(options.year) +
                     "\n\n[document]\ntitle = \"Syntetisk omgång\"\ndate = " + dated.to_string() +
                     "\nseed = \"synthetic\"\ndeciding_body = \"Socialnämnden\"\nkind = \"tjänsteutlåtande\"\n\n";
  for (int f = 0; f < 2; ++f) {
    head += std::string("[[funds]]\nid = \"") + fund_ids[f] + "\"\nname = \"" + fund_ids[f] + "\"\nbudget = \"" +
            granted[f].to_string() + "\"\n\n";
  }
  for (int f = 0; f < 2; ++f) {
    head += std::string("[[statements]]\nid = \"requested-") + fund_ids[f] +
            "\"\nkind = \"requested_total\"\nfunds = [\"" + fund_ids[f] + "\"]\namount = \"" +
            (requested[f] + (f == 0 ? total_offset : Krona{})).to_string() +
            "\"\nquote = \"Syntetisk uppgift.\"\nsource = {}\n\n";
    head += std::string("[[statements]]\nid = \"granted-") + fund_ids[f] + "\"\nkind = \"granted_total\"\nfunds = [\"" +
            fund_ids[f] + "\"]\namount = \"" + granted[f].to_string() +
            "\"\nquote = \"Syntetisk uppgift.\"\nsource = {}\n\n";
    head += std::string("[[statements]]\nid = \"count-") + fund_ids[f] +
            "\"\nkind = \"application_count\"\nfunds = [\"" + fund_ids[f] + "\"]\ncount = " +
            std::to_string(count[f] + (f == 1 ? count_offset : 0)) +
            "\nquote = \"Syntetisk uppgift.\"\nsource = {}\n\n";
  }
  return head + rows;
}

std::vector<std::filesystem::path> write_synthetic_rounds(const unit_registry& units, const std::filesystem::path& folder,
                                                          std::size_t count, const synthetic_options& options,
                                                          const progress_callback& progress) {
  if (count < 1 || count > max_synthetic_rounds)
    throw invalid_argument_error("synthetic rounds out of range (1 to 1000000)");
  if (options.applications > max_written_synthetic_applications)
    throw invalid_argument_error("synthetic applications out of range for a round file (1 to 50000): a larger "
                                 "one would pass the loader's 16 MiB limit");
  std::error_code failed;
  std::filesystem::create_directories(folder, failed);
  if (failed) throw invalid_argument_error("cannot write " + folder.string());
  std::vector<std::filesystem::path> paths;
  paths.reserve(count);
  const auto years = static_cast<std::size_t>(std::max(10000 - options.year, 1));
  for (std::size_t i = 0; i < count; ++i) {
    synthetic_options one = options;
    one.year = options.year + static_cast<int>(i % years);
    one.seed = options.seed + i;
    char name[32];
    std::snprintf(name, sizeof name, "round-%05zu.toml", i + 1);
    const auto path = folder / name;
    write_regular(path, synthetic_round(units, one));
    paths.push_back(path);
    if (progress) progress(i + 1, count);
  }
  return paths;
}

}  // namespace anslag
