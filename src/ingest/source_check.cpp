#include <anslag/ingest/source_check.hpp>

#include <anslag/ingest/document_text.hpp>
#include <anslag/krona/amount_text.hpp>

#include <algorithm>

namespace anslag {
namespace {

// A long line (a table row of a thousand characters) shown by its first 200 bytes, cut before
// a UTF-8 continuation byte.
std::string shortened(const std::string& line) {
  if (line.size() <= 200) return line;
  std::size_t cut = 200;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + " …";
}

class checker {
 public:
  checker(std::string_view text, std::string document) : document_(std::move(document)) {
    for (auto& line : document_lines(text)) {
      lines_.push_back(collapse_space(line));
      raw_.push_back(std::move(line));
    }
  }

  // The line's text, or nullptr after a problem saying it does not exist.
  const std::string* line(const std::string& entry, int number) {
    if (number >= 1 && static_cast<std::size_t>(number) <= lines_.size()) return &lines_[static_cast<std::size_t>(number - 1)];
    problems_.push_back({document_, number, entry, "line " + std::to_string(number),
                         "the document has " + std::to_string(lines_.size()) + " lines"});
    return nullptr;
  }

  void quote(const std::string& entry, const source_ref& source, const std::string& quote) {
    if (source.line == 0 || quote.empty()) return;
    const std::string* text = line(entry + ": quote", source.line);
    if (text && text->find(collapse_space(quote)) == std::string::npos)
      problems_.push_back({document_, source.line, entry + ": quote", collapse_space(quote), shortened(*text)});
  }

  void text(const std::string& entry, const source_ref& source, const std::string& printed) {
    if (source.line == 0 || printed.empty()) return;
    const std::string* text = line(entry, source.line);
    if (text && text->find(collapse_space(printed)) == std::string::npos)
      problems_.push_back({document_, source.line, entry, collapse_space(printed), shortened(*text)});
  }

  // The amount as the line may print it: in kronor, or in tkr or mnkr where it is a whole number
  // of those (a column headed "tkr" prints 600 for 600 000 kr).
  void amount(const std::string& entry, const source_ref& source, const std::optional<Krona>& value,
              const std::vector<reading>& readings, std::string_view field) {
    if (!value || source.line == 0) return;
    if (std::any_of(readings.begin(), readings.end(), [&](const reading& r) { return r.field == field; })) return;
    const std::string* text = line(entry + ": " + std::string(field), source.line);
    if (!text) return;
    // The raw line: a tab between two cells is no group separator.
    const auto printed = printed_numbers(raw_[static_cast<std::size_t>(source.line - 1)]);
    std::vector<std::string> forms;
    const std::int64_t ore = value->ore();
    for (std::int64_t unit : {std::int64_t{100}, std::int64_t{100'000}, std::int64_t{100'000'000}}) {
      if (ore % unit == 0) {
        forms.push_back(std::to_string(ore / unit));
      } else if (unit > 100 && ore % 100 == 0) {
        std::string whole = std::to_string(ore / unit), fraction = std::to_string(ore % unit + unit).substr(1);
        while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
        forms.push_back(whole + "," + fraction);
      }
    }
    if (ore % 100 != 0) forms.push_back(std::to_string(ore / 100) + "," + std::to_string(ore % 100 + 100).substr(1));
    for (const auto& p : printed)
      if (std::find(forms.begin(), forms.end(), p) != forms.end()) return;
    problems_.push_back({document_, source.line, entry + ": " + std::string(field),
                         "the amount " + value->to_string() + " printed on the line", shortened(*text)});
  }

  std::vector<source_problem> run(const grant_round& r) {
    for (const auto& f : r.funds) {
      quote("fund " + f.id, f.source, f.quote);
      if (!f.quote.empty()) amount("fund " + f.id, f.source, f.budget, f.readings, "budget");
    }
    for (const auto& u : r.rules) {
      quote("rule " + u.id, u.source, u.quote);
      amount("rule " + u.id, u.source, u.amount, {}, "amount");
    }
    for (const auto& s : r.statements) {
      quote("statement " + s.id, s.source, s.quote);
      amount("statement " + s.id, s.source, s.amount, s.readings, "amount");
    }
    for (const auto& a : r.applications) {
      const std::string entry = "application " + a.id;
      text(entry + ": applicant", a.source, a.applicant);
      amount(entry, a.source, a.requested, a.readings, "requested");
      amount(entry, a.source, a.granted, a.readings, "granted");
    }
    return std::move(problems_);
  }

 private:
  std::string document_;
  std::vector<std::string> lines_, raw_;
  std::vector<source_problem> problems_;
};

}  // namespace

std::vector<source_problem> check_sources(const grant_round& r, std::string_view text, const std::string& document) {
  return checker(text, document).run(r);
}

std::vector<source_problem> check_sources(const grant_round& r, const std::filesystem::path& document) {
  return check_sources(r, read_document_text(document), document.string());
}

}  // namespace anslag
