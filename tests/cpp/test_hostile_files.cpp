// Hostile files rather than hostile text (docs/reliability.md, "Files the library opens"): a FIFO,
// a device, a symbolic link loop in a folder of rounds or named as a document are refused by
// name without being opened; pdftotext gets `--` before the file name and runs within the limits
// of pdf_limits, each an error naming the document and the limit; synthetic rounds are written
// only as regular files and only at sizes the loader accepts. The pdftotext limits are tested
// with stand-ins for pdftotext on PATH (an endless loop, endless output, a sleep), which reach
// each limit in well under a second.
#include <anslag/error.hpp>
#include <anslag/ingest/document_text.hpp>
#include <anslag/ingest/draft.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/io/round_folder.hpp>
#include <anslag/io/units_file.hpp>
#include <anslag/krona/amount_text.hpp>
#include <anslag/model/validate.hpp>
#include <anslag/report/html.hpp>
#include <anslag/synthetic/rounds.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {
const fs::path hostile_documents = fs::path(ANSLAG_SOURCE_DIR) / "tests" / "data" / "hostile" / "documents";
const fs::path data_dir = ANSLAG_DATA_DIR;

// A fresh folder of this test process, removed at the end of the test case.
struct scratch {
  fs::path path;
  explicit scratch(const std::string& name)
      : path(fs::temp_directory_path() / ("anslag-hostile-files-" + std::to_string(getpid()) + "-" + name)) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~scratch() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

std::string error_of(const auto& call) {
  try {
    call();
  } catch (const anslag::error& e) {
    return e.what();
  }
  return "no error";
}

// Runs `body` with PATH holding only a stand-in `pdftotext` script, then puts PATH back.
std::string with_pdftotext(const fs::path& folder, const std::string& script, const auto& body) {
  const fs::path program = folder / "pdftotext";
  std::ofstream(program) << "#!/bin/sh\n" << script << "\n";
  fs::permissions(program, fs::perms::owner_all);
  const std::string saved = std::getenv("PATH");
  setenv("PATH", (folder.string() + ":/usr/bin:/bin").c_str(), 1);
  const std::string error = error_of(body);
  setenv("PATH", saved.c_str(), 1);
  return error;
}
}  // namespace

TEST_CASE("a FIFO named like a round file is listed and refused unopened", "[hostile][files]") {
  scratch folder("fifo");
  const fs::path fifo = folder.path / "2022.toml";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  REQUIRE(anslag::round_files(folder.path) == std::vector<fs::path>{fifo});
  CHECK(error_of([&] { anslag::load_round(fifo); }) ==
        fifo.string() + ":0:0: cannot read the file: a named pipe (FIFO), not a regular file");
  CHECK(error_of([&] { anslag::load_units(fifo); }) ==
        fifo.string() + ":0:0: cannot read the file: a named pipe (FIFO), not a regular file");
  CHECK(error_of([&] { anslag::read_document_text(fifo); }) ==
        fifo.string() + ":0:0: cannot read the file: a named pipe (FIFO), not a regular file");
  CHECK(error_of([&] { anslag::read_document(fifo); }) ==
        fifo.string() + ":0:0: cannot read the file: a named pipe (FIFO), not a regular file");
}

TEST_CASE("a symbolic link loop in a folder is a load error naming it, not a filesystem_error", "[hostile][files]") {
  scratch folder("loop");
  const fs::path loop = folder.path / "2021.toml";
  fs::create_symlink(loop.filename(), loop);
  REQUIRE(anslag::round_files(folder.path) == std::vector<fs::path>{loop});
  CHECK(error_of([&] { anslag::load_round(loop); }) ==
        loop.string() + ":0:0: cannot read the file: Too many levels of symbolic links");
  CHECK(error_of([&] { anslag::read_document_text(loop); }) ==
        loop.string() + ":0:0: cannot read the file: Too many levels of symbolic links");
}

TEST_CASE("a device is no file to read: /dev/zero and /dev/null are refused by name", "[hostile][files]") {
  CHECK(error_of([] { anslag::load_round("/dev/null"); }) == "/dev/null:0:0: cannot read the file: a device, not a regular file");
  CHECK(error_of([] { anslag::read_document_text("/dev/zero"); }) ==
        "/dev/zero:0:0: cannot read the file: a device, not a regular file");
}

TEST_CASE("a document past 64 MiB is refused at the limit", "[hostile][files]") {
  scratch folder("large");
  const fs::path large = folder.path / "large.txt";
  std::ofstream(large) << "x";
  fs::resize_file(large, (std::uintmax_t{64} << 20) + 1);
  CHECK(error_of([&] { anslag::read_document_text(large); }) == large.string() + ":0:0: document larger than 64 MiB");
  CHECK(error_of([&] { anslag::read_document(large); }) == large.string() + ":0:0: document larger than 64 MiB");
}

TEST_CASE("a PDF named -q is read as a file, not taken for an option", "[hostile][files]") {
  scratch folder("dash");
  const fs::path dash = folder.path / "-q";
  fs::copy_file(hostile_documents / "one-page.pdf", dash);
  const auto saved = fs::current_path();
  fs::current_path(folder.path);
  const std::string text = anslag::read_document_text("-q");
  fs::current_path(saved);
  CHECK(text.find("En sida text.") != std::string::npos);
}

TEST_CASE("a PDF of more pages than the limit is refused, not cut short", "[hostile][files]") {
  const fs::path many = hostile_documents / "1001-pages.pdf";
  CHECK(error_of([&] { anslag::read_document_text(many); }) ==
        many.string() + ":0:0: PDF beyond the extraction limit: 1000 pages");
  anslag::pdf_limits more;
  more.pages = 1001;
  CHECK(anslag::read_document_text(many, more).size() > 1001);
}

TEST_CASE("pdftotext's time, output and memory are bounded, each limit named", "[hostile][files]") {
  scratch folder("limits");
  const fs::path pdf = hostile_documents / "one-page.pdf";
  anslag::pdf_limits limits;
  limits.cpu_seconds = 1;
  limits.text_mib = 1;
  limits.pages = 2;
  const auto read = [&] { anslag::read_document_text(pdf, limits); };
  const std::string at = pdf.string() + ":0:0: PDF beyond the extraction limit: ";
  // The wall-time limit stays far above the CPU limit: on a loaded machine a second of CPU time
  // takes several seconds.
  CHECK(with_pdftotext(folder.path, "while :; do :; done", read) == at + "1 s of CPU time");
  limits.cpu_seconds = 30;
  limits.seconds = 1;
  CHECK(with_pdftotext(folder.path, "exec sleep 5", read) == at + "1 s");
  CHECK(with_pdftotext(folder.path, "exec yes", read) == at + "1 MiB of text");
  CHECK(with_pdftotext(folder.path, "printf 'a\\fb\\fc\\f'", read) == at + "2 pages");
  CHECK(with_pdftotext(folder.path, "kill -SEGV $$", read) ==
        at + "1024 MiB of memory, or a PDF that crashes pdftotext (SIGSEGV)");
  CHECK(with_pdftotext(folder.path, "kill -ABRT $$", read) ==
        at + "1024 MiB of memory, or a PDF that crashes pdftotext (SIGABRT)");
  // A signal from outside is named as such, not taken for a limit.
  CHECK(with_pdftotext(folder.path, "kill -TERM $$", read) == pdf.string() + ":0:0: pdftotext stopped by SIGTERM");
  // A SIGKILL before the CPU limit's time came from outside too (the kernel, a supervisor).
  CHECK(with_pdftotext(folder.path, "kill -KILL $$", read) == pdf.string() + ":0:0: pdftotext stopped by SIGKILL");
  CHECK(with_pdftotext(folder.path, "echo \"$@\"", [&] {
          const std::string arguments = anslag::read_document_text(pdf, limits);
          CHECK(arguments == "-layout -enc UTF-8 -l 3 -- " + pdf.string() + " -\n");
        }) == "no error");
}

TEST_CASE("synthetic rounds: sizes outside what the loader accepts are refused", "[synthetic][files]") {
  const auto units = anslag::load_units(data_dir / "units.toml");
  scratch folder("synthetic");
  anslag::synthetic_options options;
  CHECK(error_of([&] { anslag::write_synthetic_rounds(units, folder.path, 0, options); }) ==
        "synthetic rounds out of range (1 to 1000000)");
  options.applications = 2'000'000'000;
  CHECK(error_of([&] { anslag::write_synthetic_rounds(units, folder.path, 1, options); }) ==
        "synthetic applications out of range for a round file (1 to 50000): a larger one would pass the loader's 16 MiB limit");
  CHECK(error_of([&] { anslag::synthetic_round(units, options); }) ==
        "synthetic applications out of range (1 to 10000000)");
  options.applications = 0;
  CHECK(error_of([&] { anslag::synthetic_round(units, options); }) ==
        "synthetic applications out of range (1 to 10000000)");
}

TEST_CASE("a synthetic round of the bench's size holds no amount past a round file's largest", "[synthetic][files]") {
  // The round of 1 000 000 applications `make bench` audits: generated (0.4 s), not parsed (its
  // funds' budgets and stated totals stand before the first application; each must load).
  const auto units = anslag::load_units(data_dir / "units.toml");
  anslag::synthetic_options options;
  options.applications = 1'000'000;
  const std::string text = anslag::synthetic_round(units, options);
  const std::string head = text.substr(0, text.find("[[applications]]"));
  std::size_t amounts = 0;
  for (std::size_t at = 0;;) {
    const std::size_t key = head.find("budget = \"", at), amount = head.find("amount = \"", at);
    const std::size_t next = std::min(key, amount);
    if (next == std::string::npos) break;
    const std::size_t begin = head.find('"', next) + 1, end = head.find('"', begin);
    const anslag::Krona value = anslag::parse_amount(head.substr(begin, end - begin));
    CHECK(value.ore() <= anslag::max_round_amount_ore);
    ++amounts;
    at = end + 1;
  }
  CHECK(amounts == 2 + 4);  // two budgets; a requested and a granted total per fund
}

TEST_CASE("the largest synthetic round file written loads within the loader's limits", "[synthetic][files]") {
  const auto units = anslag::load_units(data_dir / "units.toml");
  scratch folder("largest");
  anslag::synthetic_options options;
  options.applications = anslag::max_written_synthetic_applications;
  const auto paths = anslag::write_synthetic_rounds(units, folder.path, 1, options);
  CHECK(anslag::load_round(paths.at(0)).applications.size() == anslag::max_written_synthetic_applications);
}

TEST_CASE("synthetic rounds are never written through a symbolic link already in the folder", "[synthetic][files]") {
  const auto units = anslag::load_units(data_dir / "units.toml");
  scratch folder("symlink");
  const fs::path target = folder.path / "target.txt";
  std::ofstream(target) << "keep";
  fs::create_symlink(target, folder.path / "round-00001.toml");
  CHECK(error_of([&] { anslag::write_synthetic_rounds(units, folder.path, 1, {}); }) ==
        "cannot write " + (folder.path / "round-00001.toml").string() + ": a symbolic link");
  std::ifstream kept(target);
  std::string content;
  kept >> content;
  CHECK(content == "keep");
}

TEST_CASE("lone CR line endings are line ends, and a head date of no day says so", "[hostile][files]") {
  CHECK(anslag::document_lines("a\rb\r\nc\nd\r") == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(anslag::document_lines("") == std::vector<std::string>{""});
  scratch folder("dates");
  const fs::path document = folder.path / "beslut.txt";
  // Drafted all the same (a document without a date is never refused whole): the line that looks
  // like a date and is none is named on the review list, at its line of the CR-ended text.
  std::ofstream(document) << "Socialförvaltningen\rTill\rSocialnämnden\r2020-02-30\rBidrag 2021\r\r"
                             "Socialnämnden fördelar 500 000 kronor till lokala utvecklingsmedel.\r";
  const auto units = anslag::load_units(data_dir / "units.toml");
  anslag::draft_options options;
  options.units = &units;
  const auto draft = anslag::draft_round_file(document, options);
  CHECK(std::any_of(draft.review.begin(), draft.review.end(), [](const anslag::review_item& r) {
    return r.line == 4 && r.field == "document: date" &&
           r.why == "'2020-02-30' in the document's head is no date of the calendar: a person must give the decision's date";
  }));
}
