#include <anslag/synthetic/documents.hpp>

#include <anslag/error.hpp>
#include <anslag/io/round_file.hpp>
#include <anslag/krona/krona.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

namespace anslag {
namespace {

const std::vector<layout_knob> knobs{
    {"head", "the document's head: a tjänsteutlåtande with 'Till', a protokoll or protokollsutdrag with '§ N', a delegationsbeslut",
     {"tjansteutlatande", "protokoll", "protokollsutdrag", "delegationsbeslut"}},
    {"date", "where the date stands: a line of its own, inside a header line, in words ('den 12 december 2023')",
     {"own-line", "header-line", "words"}},
    {"applications", "how the applications are printed: a table (tabs, aligned columns, pipes, semicolons, multi-line "
                     "cells, its header repeated on each page), blocks of 'label: value' lines, a list in the prose",
     {"tabs", "aligned", "pipes", "semicolons", "multiline-cells", "repeated-header", "records", "prose"}},
    {"amounts", "how amounts are written: '25 000 kr', '25 000 kronor', '25 000:-', '25 000:–', 'SEK 25 000', "
                "'kr 25 000', '25 tkr', totals in mnkr",
     {"kr", "kronor", "colon-dash", "colon-en-dash", "sek", "kr-first", "tkr", "mnkr"}},
    {"decisions", "the decision words: beviljas, bevilja, bifall, tillstyrks, beviljas ej, till viss del, a Förslag column",
     {"beviljas", "imperative", "bifall", "tillstyrks", "beviljas-ej", "till-viss-del", "forslag-column"}},
    {"wrap", "the width prose is hard-wrapped at, in columns", {"none", "60", "72", "80", "100"}},
    {"hyphenation", "whether a long word at the margin is hyphenated", {"no", "yes"}},
    {"furniture", "page furniture: a running head and foot, 'Sida 2 av 5', '2 (5)', a Dnr line",
     {"none", "running", "sida-av", "page-of", "dnr"}},
    {"fund-order", "the funds in the round's order or reversed", {"round", "reversed"}},
    {"fund-naming", "an abbreviation defined and used in the headings, names only, abbreviations alone in the headings",
     {"abbreviation", "name-only", "short-headings"}},
    {"joint-figures", "whether one sentence states several funds' figures", {"no", "yes"}},
};

std::string join_names(const std::vector<std::string_view>& names) {
  std::string out;
  for (const auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

const layout_knob& knob_named(std::string_view name) {
  for (const auto& k : knobs)
    if (k.name == name) return k;
  std::vector<std::string_view> names;
  for (const auto& k : knobs) names.push_back(k.name);
  throw invalid_argument_error("unknown layout knob '" + std::string(name) + "' (" + join_names(names) + ")");
}

void check_value(const layout_knob& knob, std::string_view value) {
  if (std::find(knob.values.begin(), knob.values.end(), value) == knob.values.end())
    throw invalid_argument_error("unknown value '" + std::string(value) + "' for layout knob '" + std::string(knob.name) +
                                 "' (" + join_names(knob.values) + ")");
}

std::uint64_t mix(std::uint64_t x) {  // splitmix64: the layout's draws independent of the round's LCG
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Digits grouped by three with `separator`.
std::string grouped(std::int64_t n, std::string_view separator = " ") {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

// Whole kronor as thousands (`scale` 1000) or millions, with a decimal comma and no trailing zeros.
std::string scaled(Krona amount, std::int64_t scale) {
  const std::int64_t kronor = amount.ore() / 100;
  std::string out = grouped(kronor / scale);
  std::string fraction = std::to_string(scale + kronor % scale).substr(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return fraction.empty() ? out : out + "," + fraction;
}

// Inside a prose amount, U+00A0 keeps its words on one line while wrapping; printed as a space.
constexpr std::string_view keep = "\u00A0";

struct amount_writer {
  std::string style;

  // An amount in a sentence.
  std::string prose(Krona k, bool total) const {
    const std::string whole = grouped(k.ore() / 100, keep);
    if (style == "kr") return whole + std::string(keep) + "kr";
    if (style == "kronor") return whole + std::string(keep) + "kronor";
    if (style == "colon-dash") return whole + ":-";
    if (style == "colon-en-dash") return whole + ":\u2013";
    if (style == "sek") return "SEK" + std::string(keep) + whole;
    if (style == "kr-first") return "kr" + std::string(keep) + whole;
    if (style == "mnkr" && total) return scaled(k, 1000000) + std::string(keep) + "mnkr";
    return scaled(k, 1000) + std::string(keep) + "tkr";
  }
  // The unit a table's amount columns name in their header ("" when each cell carries it).
  std::string column_unit() const {
    if (style == "kr") return " (kr)";
    if (style == "tkr" || style == "mnkr") return " (tkr)";
    return "";
  }
  std::string cell(Krona k) const {
    if (style == "kr") return grouped(k.ore() / 100);
    if (style == "tkr" || style == "mnkr") return scaled(k, 1000);
    return printed(prose(k, false));
  }
  static std::string printed(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
      const bool kept = text.substr(at, keep.size()) == keep;
      out += kept ? ' ' : text[at];
      at += kept ? keep.size() : 1;
    }
    return out;
  }
};

// The decision words of a vocabulary: granted, partly granted, rejected.
std::array<std::string, 3> decision_words(std::string_view vocabulary) {
  if (vocabulary == "imperative") return {"Bevilja", "Bevilja delvis", "Avslå"};
  if (vocabulary == "bifall") return {"Bifall", "Bifall delvis", "Avslag"};
  if (vocabulary == "tillstyrks") return {"Tillstyrks", "Tillstyrks delvis", "Avstyrks"};
  if (vocabulary == "beviljas-ej") return {"Beviljas", "Beviljas delvis", "Beviljas ej"};
  if (vocabulary == "till-viss-del") return {"Beviljas", "Till viss del", "Avslås"};
  if (vocabulary == "forslag-column") return {"Bifall", "Delvis bifall", "Avslag"};
  return {"Beviljas", "Beviljas delvis", "Avslås"};
}

std::size_t outcome_index(decision d) {
  return d == decision::granted ? 0 : d == decision::partly_granted ? 1 : 2;
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The byte offset after `n` code points of `s`.
std::size_t offset_of(std::string_view s, std::size_t n) {
  std::size_t at = 0;
  for (std::size_t seen = 0; at < s.size(); ++at) {
    if ((s[at] & 0xC0) != 0x80) {
      if (seen == n) break;
      ++seen;
    }
  }
  return at;
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// Where an entry's citation begins or ends: the line it is attached to sets the entry's
// source.line (`last` false) or, with its first line set, its source.lines (`last` true).
struct anchor {
  source_ref* ref = nullptr;
  bool last = false;
};

// Both ends of a citation of one line.
std::vector<anchor> on_line(source_ref& ref) { return {{&ref, false}, {&ref, true}}; }

// One line of the document and the citations that begin or end on it.
struct line {
  std::string text;
  std::vector<anchor> anchors;
  int table = -1;             // the table whose header or row it is
  bool keep_with_previous = false;  // a row's continuation: on the page of the row
};

// Part of a sentence that an entry cites: bytes [begin, end) of its text. The entry's quote is
// set to the sentence's words up to the end of that part, as the document prints them (a word
// hyphenated at the margin as "utveck- ling", the way `anslag check` joins the cited lines), and
// its source to the lines those words stand on: a quote that begins on the citation's first line
// and ends on its last, so that a citation moved by a line no longer holds it.
struct cite {
  std::size_t begin = 0, end = 0;
  source_ref* ref = nullptr;
  shared_text* quote = nullptr;
};

// A sentence of a paragraph, with the entries it is the source of.
struct sentence {
  std::string text;
  std::vector<cite> cites;

  // Appends `part`, cited by each of `refs` (a source and the quote to set).
  void cited(const std::string& part, std::initializer_list<std::pair<source_ref*, shared_text*>> refs) {
    for (const auto& [ref, quote] : refs) cites.push_back({text.size(), text.size() + part.size(), ref, quote});
    text += part;
  }
};

// What a document names of its own organisation, from the registry, so that a synthetic document
// is any organisation's: the administration that writes it (the first of that kind, or a plain
// "Förvaltningen" where the registry holds none) and the word its applicants' column is headed by.
struct organisation_words {
  std::string administration;     // "Socialförvaltningen"
  std::string administration_id;  // "socialforvaltningen", the running foot's address
  std::string applicant_column;   // "Stadsdelsförvaltning"
};

organisation_words organisation_of(const unit_registry& units) {
  organisation_words words{"Förvaltningen", "forvaltningen", "Förvaltning"};
  for (const auto& u : units.units())
    if (u.kind == unit_kind::administration) {
      words.administration = u.name;
      words.administration_id = u.id;
      break;
    }
  if (std::string district = units.kinds().of(unit_kind::district).singular; !district.empty()) {
    district[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(district[0])));
    words.applicant_column = district;
  }
  return words;
}

class renderer {
 public:
  renderer(const document_layout& layout, organisation_words words) : layout_(layout), words_(std::move(words)) {}

  const organisation_words& words() const { return words_; }

  const std::string& knob(std::string_view name) const { return layout_.find(name)->second; }

  void add(std::string text, std::vector<anchor> anchors = {}, int table = -1, bool keep_with_previous = false) {
    lines_.push_back({std::move(text), std::move(anchors), table, keep_with_previous});
  }
  void blank() { add(""); }
  // An anchor on the last line added.
  void add_anchor(anchor a) { lines_.back().anchors.push_back(a); }

  // A paragraph, hard-wrapped at the layout's width (hyphenating a long word at the margin when
  // the layout says so), then a blank line. Each sentence's cited parts get their quote as
  // printed and their lines.
  void paragraph(const std::vector<sentence>& sentences) {
    const std::size_t width = knob("wrap") == "none" ? 0 : std::stoul(knob("wrap"));
    const bool hyphenate = knob("hyphenation") == "yes";
    std::string current;
    // A word as placed: its bytes in the sentence, the lines (indices of lines_) it stands on, and
    // how it reads once the lines are joined.
    struct placed {
      std::size_t begin, end, first, last;
      std::string printed;
    };
    std::vector<std::pair<std::size_t, anchor>> anchors;  // a line's index → a citation's end on it
    const auto flush = [&] {
      lines_.push_back({amount_writer::printed(current), {}, -1, false});
      current.clear();
    };
    for (const auto& s : sentences) {
      std::vector<placed> words;
      for (std::size_t start = 0; start < s.text.size();) {
        std::size_t end = s.text.find(' ', start);
        if (end == std::string::npos) end = s.text.size();
        std::string word = s.text.substr(start, end - start);
        placed at{start, end, 0, 0, amount_writer::printed(word)};
        start = end + 1;
        const std::size_t used = code_points(current) + (current.empty() ? 0 : 1);
        if (width == 0 || used + code_points(word) <= width) {
          current += (current.empty() ? "" : " ") + word;
          at.first = at.last = lines_.size();
          words.push_back(std::move(at));
          continue;
        }
        const std::size_t room = width > used + 1 ? width - used - 1 : 0;  // one column for the hyphen
        at.first = lines_.size() + (current.empty() ? 0 : 1);
        if (hyphenate && word.find(keep) == std::string::npos && room >= 3 && code_points(word) >= room + 4) {
          const std::size_t cut = offset_of(word, room);
          current += (current.empty() ? "" : " ") + word.substr(0, cut) + "-";
          at.first = lines_.size();
          at.printed = amount_writer::printed(word.substr(0, cut)) + "- " + amount_writer::printed(word.substr(cut));
          word = word.substr(cut);
        }
        if (!current.empty()) flush();
        current = word;
        at.last = lines_.size();
        words.push_back(std::move(at));
      }
      for (const cite& c : s.cites) {
        std::string quote;
        std::size_t first = 0, last = 0;
        bool any = false;
        // The quote and the citation run from the sentence's first word (the line a reader, and
        // a draft, cites it by; `check` finds a citation moved off it) to the cited part's last.
        for (const auto& w : words) {
          if (w.begin >= c.end) break;
          quote += (any ? " " : "") + w.printed;
          if (!any) first = w.first;
          last = w.last;
          any = true;
        }
        if (c.quote) *c.quote = quote;
        anchors.push_back({first, {c.ref, false}});
        anchors.push_back({last, {c.ref, true}});
      }
    }
    if (!current.empty()) flush();
    for (const auto& [index, a] : anchors) lines_[index].anchors.push_back(a);
    blank();
  }

  // The lines with page furniture between pages, each anchor set to its line number.
  std::string finish(int& lines_per_page, const std::vector<std::string>& table_headers, const std::string& dnr) {
    constexpr int body = 48;
    const std::string& furniture = knob("furniture");
    const bool repeat_header = knob("applications") == "repeated-header";
    std::vector<std::string> head, foot;  // {P} and {N}: this page's number and the count
    if (furniture == "running") {
      head = {"Kommunen – " + words_.administration, ""};
      foot = {"", words_.administration_id + "@kommunen.se   Växel 08-508 25 000"};
    } else if (furniture == "sida-av") {
      foot = {"", "Sida {P} av {N}"};
    } else if (furniture == "page-of") {
      head = {std::string(64, ' ') + "{P} ({N})", ""};
    } else if (furniture == "dnr") {
      head = {"Dnr " + dnr + std::string(40, ' ') + "Sida {P} ({N})", ""};
    }
    // Pages: `body` lines each, a table's header repeated at the top of a page that starts inside it.
    std::vector<std::vector<const line*>> pages(1);
    std::vector<line> repeats;
    repeats.reserve(lines_.size());
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (static_cast<int>(pages.back().size()) == body) {
        // A row's continuation takes the row with it to the next page: a citation of the two
        // lines holds no page furniture.
        const bool carry = lines_[i].keep_with_previous && pages.back().size() > 1;
        if (carry) pages.back().pop_back();
        const std::size_t first = carry ? i - 1 : i;
        pages.emplace_back();
        const int t = lines_[first].table;
        if (repeat_header && t >= 0 && first > 0 && lines_[first - 1].table == t) {
          repeats.push_back({table_headers[static_cast<std::size_t>(t)], {}, t, false});
          pages.back().push_back(&repeats.back());
        }
        if (carry) pages.back().push_back(&lines_[i - 1]);
      }
      pages.back().push_back(&lines_[i]);
    }
    const std::string count = std::to_string(pages.size());
    const auto fill = [&count](std::string text, std::size_t page) {
      for (const auto& [key, value] : {std::pair<std::string, std::string>{"{P}", std::to_string(page)}, {"{N}", count}})
        for (std::size_t at; (at = text.find(key)) != std::string::npos;) text.replace(at, key.size(), value);
      return text;
    };
    std::string out;
    int number = 0;
    const auto emit = [&](const std::string& text) {
      out += text;
      out += '\n';
      ++number;
    };
    for (std::size_t p = 0; p < pages.size(); ++p) {
      for (const auto& h : head) emit(fill(h, p + 1));
      for (const line* l : pages[p]) {
        for (const anchor& a : l->anchors)
          if (!a.last) a.ref->line = number + 1;
        for (const anchor& a : l->anchors)
          if (a.last) a.ref->lines = number + 1 - a.ref->line + 1;
        emit(l->text);
      }
      if (p + 1 < pages.size())
        for (int pad = static_cast<int>(pages[p].size()); pad < body; ++pad) emit("");
      for (const auto& f : foot) emit(fill(f, p + 1));
    }
    lines_per_page = static_cast<int>(head.size() + body + foot.size());
    return out;
  }

 private:
  const document_layout& layout_;
  organisation_words words_;
  std::vector<line> lines_;
};

constexpr std::array<std::string_view, 12> topics{
    "Stöd till",          "Samverkan kring",     "Digital mottagning för", "Träffpunkt för",
    "Tidiga insatser för", "Nätverk för",        "Motiverande samtal med", "Kartläggning av",
    "Uppsökande arbete bland", "Föräldraskapsstöd för", "Metodutveckling för", "Samordnat stöd till"};
constexpr std::array<std::string_view, 8> groups{
    "unga vuxna", "anhöriga", "äldre", "nyanlända", "barn i skolåldern", "personer med missbruk", "våldsutsatta",
    "ensamkommande"};

// A title of its own for each application: 96 distinct ones (37 is prime to 96, so the first 96
// applications each get another topic and group), then numbered.
std::string project_title(std::size_t i, std::uint64_t seed) {
  constexpr std::size_t distinct = topics.size() * groups.size();
  const std::size_t j = (i * 37 + seed) % distinct;
  std::string title = std::string(topics[j % topics.size()]) + " " + std::string(groups[j / topics.size()]);
  if (i >= distinct) title += " (" + std::to_string(i / distinct + 1) + ")";
  return title;
}

const std::array<std::string_view, 12> months{"januari", "februari", "mars",      "april",   "maj",      "juni",
                                              "juli",    "augusti",  "september", "oktober", "november", "december"};

struct fund_text {
  std::string id;
  std::string name;  // lower case, as inside a sentence
};

// The synthetic round's funds in the round's order, named as a decision document names a
// project fund and a study-trip fund: the ids (F1, F2) are the generator's, not an organisation's.
fund_text fund_text_of(const std::string& id, std::size_t position) {
  constexpr std::array<std::string_view, 2> names{"lokala utvecklingsmedel", "medel för utveckling och lärande"};
  return {id, std::string(names[position % names.size()])};
}

// One column of a table: its header and each row's cell.
struct column {
  std::string header;
  std::vector<std::string> cells;
  bool amount = false;
};

std::string toml_quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04X", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string source_toml(const source_ref& s) {
  if (!s.derived.empty()) return "{ derived = " + toml_quoted(s.derived) + " }";
  return "{ line = " + std::to_string(s.line) + (s.lines > 1 ? ", lines = " + std::to_string(s.lines) : "") + " }";
}

// The round file (format 1) of a synthetic document's round: the entries synthetic_round writes,
// each with its quote and source as the document prints it, [document].seed set to `seed`.
std::string round_file_of(const grant_round& r, const std::string& seed) {
  std::string out = "format = 1\nyear = " + std::to_string(r.year) + "\n\n[document]\ntitle = " +
                    toml_quoted(r.document.title) + "\ndate = " + r.document.dated.to_string() +
                    "\nseed = " + toml_quoted(seed) + "\ndeciding_body = " + toml_quoted(r.document.deciding_body) +
                    "\nkind = " + toml_quoted(r.document.kind) + "\n";
  for (const auto& f : r.funds)
    out += "\n[[funds]]\nid = " + toml_quoted(f.id) + "\nname = " + toml_quoted(f.name) + "\nbudget = " +
           toml_quoted(f.budget.to_string()) + "\nquote = " + toml_quoted(f.quote) + "\nsource = " +
           source_toml(f.source) + "\n";
  for (const auto& st : r.statements) {
    out += "\n[[statements]]\nid = " + toml_quoted(st.id) + "\nkind = " + toml_quoted(to_string(st.kind)) +
           "\nfunds = [";
    for (std::size_t k = 0; k < st.funds.size(); ++k) out += (k ? ", " : "") + toml_quoted(st.funds[k]);
    out += "]\n";
    if (st.amount) out += "amount = " + toml_quoted(st.amount->to_string()) + "\n";
    if (st.count) out += "count = " + std::to_string(*st.count) + "\n";
    out += "quote = " + toml_quoted(st.quote) + "\nsource = " + source_toml(st.source) + "\n";
  }
  for (const auto& a : r.applications) {
    out += "\n[[applications]]\nid = " + toml_quoted(a.id) + "\nfund = " + toml_quoted(a.fund) +
           "\napplicant = " + toml_quoted(a.applicant) + "\nproject = " + toml_quoted(a.project) + "\n";
    if (a.requested) out += "requested = " + toml_quoted(a.requested->to_string()) + "\n";
    if (a.granted) out += "granted = " + toml_quoted(a.granted->to_string()) + "\n";
    out += "decision = " + toml_quoted(to_string(a.outcome)) + "\nreason = " + toml_quoted(a.reason) +
           "\nsource = " + source_toml(a.source) + "\n";
  }
  return out;
}

}  // namespace

const std::vector<layout_knob>& layout_knobs() { return knobs; }

std::string synthetic_round_file(const synthetic_document& document, const std::string& seed) {
  return round_file_of(document.source, seed);
}

document_layout draw_layout(std::uint64_t seed, const document_layout& fixed) {
  for (const auto& [name, value] : fixed) check_value(knob_named(name), value);
  document_layout layout;
  std::uint64_t state = mix(seed);
  for (const auto& k : knobs) {
    state = mix(state);
    const auto given = fixed.find(k.name);
    layout.emplace(std::string(k.name),
                   given != fixed.end() ? given->second : std::string(k.values[state % k.values.size()]));
  }
  return layout;
}

synthetic_document synthetic_document_of(const unit_registry& units, const synthetic_options& options,
                                         const document_layout& given) {
  const document_layout layout = draw_layout(options.seed, given);
  synthetic_document doc;
  doc.layout = layout;
  doc.round_text = synthetic_round(units, options);
  doc.source = parse_round(doc.round_text, "synthetic.toml");
  grant_round& r = doc.source;
  renderer out(layout, organisation_of(units));
  const amount_writer amounts{layout.at("amounts")};
  const auto words = decision_words(layout.at("decisions"));
  const std::string& naming = layout.at("fund-naming");
  const bool joint = layout.at("joint-figures") == "yes";

  std::vector<fund_text> funds;
  for (std::size_t i = 0; i < r.funds.size(); ++i) funds.push_back(fund_text_of(r.funds[i].id, i));
  if (layout.at("fund-order") == "reversed") std::reverse(funds.begin(), funds.end());
  const auto fund_of = [&r](const std::string& id) -> fund& {
    return *std::find_if(r.funds.begin(), r.funds.end(), [&](const fund& f) { return f.id == id; });
  };
  for (auto& f : funds) fund_of(f.id).name = f.name;
  for (std::size_t i = 0; i < r.applications.size(); ++i) r.applications[i].project = project_title(i, options.seed);

  // The rows' sums, printed in each table's Totalt row and recorded as statements of their own.
  const bool table = layout.at("applications") != "records" && layout.at("applications") != "prose";
  if (table) {
    for (const auto& f : funds) {
      Krona requested, granted;
      for (const auto& a : r.applications)
        if (a.fund == f.id) {
          requested += a.requested.value_or(Krona{});
          granted += a.granted.value_or(Krona{});
        }
      for (const auto& [kind, sum] : {std::pair{statement_kind::requested_total, requested},
                                      std::pair{statement_kind::granted_total, granted}}) {
        statement s;
        s.id = std::string(kind == statement_kind::requested_total ? "table-requested-" : "table-granted-") + f.id;
        s.kind = kind;
        s.funds = {f.id};
        s.amount = sum;
        s.quote = "Totalt";
        r.statements.push_back(s);
      }
    }
  }
  // synthetic_round writes each fund's requested and granted totals and count; the tables' totals
  // were added above: each looked up is there.
  const auto statement_of = [&r](const std::string& id) -> statement& {
    return *std::find_if(r.statements.begin(), r.statements.end(), [&](const statement& s) { return s.id == id; });
  };
  const auto defined = [&naming](const fund_text& f, bool capital) {
    const std::string name = capital ? capitalised(f.name) : f.name;
    return naming == "name-only" ? name : name + " (" + f.id + ")";
  };

  const calendar_date dated = r.document.dated;
  const std::string iso = dated.to_string();
  const std::string in_words = "den " + std::to_string(dated.day()) + " " +
                               std::string(months[static_cast<std::size_t>(dated.month() - 1)]) + " " +
                               std::to_string(dated.year());
  const std::string& date_at = layout.at("date");
  const std::string& head = layout.at("head");
  const std::string dnr = "3.1.2-" + std::to_string(100 + options.seed % 900) + "/" + std::to_string(dated.year());
  std::string names;
  for (std::size_t i = 0; i < funds.size(); ++i)
    names += (i == 0 ? "" : i + 1 == funds.size() ? " och " : ", ") + funds[i].name;
  const std::string title = "Fördelning av " + names + " " + std::to_string(r.year);
  r.document.title = title;
  r.document.kind = head == "tjansteutlatande" ? "tjänsteutlåtande" : head;
  const std::string body = head == "delegationsbeslut" ? out.words().administration : "Socialnämnden";

  // The head.
  out.blank();
  if (head == "tjansteutlatande") {
    out.add(out.words().administration);
    out.add("Avdelningen för stadsövergripande sociala frågor");
    out.blank();
    out.add(date_at == "header-line" ? "Tjänsteutlåtande" + std::string(30, ' ') + iso : "Tjänsteutlåtande");
    out.blank();
    out.add("Till");
    out.add("Socialnämnden");
    if (date_at == "own-line") out.add(iso);
    if (date_at == "words") out.add("Stockholm " + in_words);
  } else if (head == "delegationsbeslut") {
    out.add(date_at == "header-line" ? "Delegationsbeslut" + std::string(30, ' ') + iso : "Delegationsbeslut");
    out.add(out.words().administration);
    if (date_at == "own-line") out.add(iso);
    if (date_at == "words") out.add("Stockholm " + in_words);
    out.add("Beslut fattat med stöd av socialnämndens delegationsordning");
  } else {
    out.add(head == "protokoll" ? "Protokoll" : "Protokollsutdrag");
    out.add("Socialnämnden");
    if (date_at == "own-line") {
      out.add("Sammanträde");
      out.add(iso);
    }
    if (date_at == "header-line") out.add("Sammanträdesdag " + iso);
    if (date_at == "words") out.add("Sammanträdesdag " + in_words);
    out.blank();
    out.add("§ " + std::to_string(1 + options.seed % 40));
  }
  out.blank();
  out.add(title);
  out.blank();
  out.add(head == "tjansteutlatande" ? "Förvaltningens förslag till beslut" : "Beslut");
  out.blank();

  // The decision: one sentence for every fund, or one numbered sentence each. A fund and its
  // granted total cite the words setting its amount aside ("1 000 kronor till lokala
  // utvecklingsmedel (UTV)").
  const auto set_aside = [&](sentence& s, const fund_text& f) {
    statement& granted = statement_of("granted-" + f.id);
    fund& into = fund_of(f.id);
    s.cited(amounts.prose(*granted.amount, true) + " till " + defined(f, false),
            {{&granted.source, &granted.quote}, {&into.source, &into.quote}});
  };
  if (joint) {
    sentence s{body + " fördelar ", {}};
    for (std::size_t i = 0; i < funds.size(); ++i) {
      s.text += i == 0 ? "" : i + 1 == funds.size() ? " och " : ", ";
      set_aside(s, funds[i]);
    }
    s.text += " i enlighet med bilagorna.";
    out.paragraph({s});
  } else {
    for (std::size_t i = 0; i < funds.size(); ++i) {
      sentence s{std::to_string(i + 1) + ". " + body + " fördelar ", {}};
      set_aside(s, funds[i]);
      s.text += " i enlighet med bilaga " + std::to_string(i + 1) + ".";
      out.paragraph({s});
    }
  }

  out.add("Ärendet");
  out.blank();
  std::string purpose;
  for (std::size_t i = 0; i < funds.size(); ++i)
    purpose += (i == 0 ? "" : i + 1 == funds.size() ? " och " : ", ") + defined(funds[i], i == 0);
  out.paragraph({{purpose + " ska bidra till utveckling av socialtjänsten och till bättre resultat för brukarna.", {}}});

  // The requested totals and the counts, each statement citing the words that state it.
  std::vector<sentence> figures;
  if (joint) {
    sentence requested{"", {}}, counted{"Det inkom ", {}};
    for (std::size_t i = 0; i < funds.size(); ++i) {
      statement& total = statement_of("requested-" + funds[i].id);
      statement& count = statement_of("count-" + funds[i].id);
      const std::string sep = i == 0 ? "" : i + 1 == funds.size() ? " och " : ", ";
      requested.text += sep;
      requested.cited((i == 0 ? "Ansökningarna om " : "ansökningarna om ") + funds[i].name +
                          (i == 0 ? " uppgick till " : " till ") + amounts.prose(*total.amount, true),
                      {{&total.source, &total.quote}});
      counted.text += sep;
      counted.cited(std::to_string(*count.count) + " ansökningar om " + funds[i].name, {{&count.source, &count.quote}});
    }
    requested.text += ".";
    counted.text += ".";
    figures = {requested, counted};
  } else {
    for (const auto& f : funds) {
      statement& total = statement_of("requested-" + f.id);
      statement& count = statement_of("count-" + f.id);
      sentence s{"Under ansökningsperioden inkom ", {}};
      s.cited(std::to_string(*count.count) + " ansökningar om " + f.name, {{&count.source, &count.quote}});
      s.text += " ";
      s.cited("för totalt " + amounts.prose(*total.amount, true) + ".", {{&total.source, &total.quote}});
      figures.push_back(s);
    }
  }
  out.paragraph(figures);

  // The applications of each fund, under a heading naming the fund.
  const std::string& shape = layout.at("applications");
  const bool forslag = layout.at("decisions") == "forslag-column";
  std::vector<std::string> table_headers;
  for (std::size_t fi = 0; fi < funds.size(); ++fi) {
    const fund_text& f = funds[fi];
    const std::string heading = naming == "short-headings" ? f.id : defined(f, true);
    out.add("Bilaga " + std::to_string(fi + 1) + " – " + heading);
    out.blank();
    std::vector<application*> rows;
    for (auto& a : r.applications)
      if (a.fund == f.id) rows.push_back(&a);
    const auto word = [&words](const application& a) { return words[outcome_index(a.outcome)]; };
    if (shape == "records") {
      for (auto* a : rows) {
        // The record of five lines, cited whole.
        out.add("Förvaltning: " + a->applicant, {{&a->source, false}});
        out.add("Projekt: " + a->project);
        out.add("Sökt belopp: " + amount_writer::printed(amounts.prose(*a->requested, false)));
        out.add("Beviljat belopp: " + amount_writer::printed(amounts.prose(*a->granted, false)));
        out.add((forslag ? "Förslag: " : "Beslut: ") + word(*a), {{&a->source, true}});
        out.blank();
      }
      continue;
    }
    if (shape == "prose") {
      out.paragraph({{"Följande ansökningar om " + f.name + " har behandlats:", {}}});
      for (auto* a : rows) {
        std::string item = "- " + a->applicant + ": ”" + a->project + "”, ansökt belopp " +
                           amounts.prose(*a->requested, false) + ". " + word(*a);
        if (a->outcome != decision::rejected) item += " " + amounts.prose(*a->granted, false);
        out.add(amount_writer::printed(item + "."), on_line(a->source));
      }
      out.blank();
      continue;
    }
    const std::string unit = amounts.column_unit();
    std::vector<column> columns{{out.words().applicant_column, {}, false},
                                {"Projekt", {}, false},
                                {"Ansökt belopp" + unit, {}, true},
                                {"Beviljat belopp" + unit, {}, true},
                                {forslag ? "Förslag" : "Beslut", {}, false}};
    Krona requested_sum, granted_sum;
    for (auto* a : rows) {
      columns[0].cells.push_back(a->applicant);
      columns[1].cells.push_back(a->project);
      columns[2].cells.push_back(amounts.cell(*a->requested));
      columns[3].cells.push_back(amounts.cell(*a->granted));
      columns[4].cells.push_back(word(*a));
      requested_sum += *a->requested;
      granted_sum += *a->granted;
    }
    const std::vector<std::string> total{"Totalt", "", amounts.cell(requested_sum), amounts.cell(granted_sum), ""};
    statement& requested_total = statement_of("table-requested-" + f.id);
    statement& granted_total = statement_of("table-granted-" + f.id);
    const int t = static_cast<int>(table_headers.size());
    // Multi-line cells: the project column narrow enough that a title wraps onto a second line.
    const std::size_t project_width = shape == "multiline-cells" ? 18 : 0;
    std::vector<std::size_t> widths;
    for (const auto& c : columns) {
      std::size_t w = code_points(c.header);
      for (const auto& cell : c.cells) w = std::max(w, code_points(cell));
      widths.push_back(w);
    }
    widths[0] = std::max(widths[0], code_points("Totalt"));
    widths[2] = std::max(widths[2], code_points(total[2]));
    widths[3] = std::max(widths[3], code_points(total[3]));
    if (project_width) widths[1] = project_width;
    const auto format_row = [&](const std::vector<std::string>& cells) {
      std::string row;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const std::string& cell = cells[c];
        if (shape == "tabs") row += (c ? "\t" : "") + cell;
        else if (shape == "semicolons") row += (c ? ";" : "") + cell;
        else if (shape == "pipes") row += (c ? " | " : "| ") + cell + (c + 1 == cells.size() ? " |" : "");
        else {
          const std::size_t pad = widths[c] > code_points(cell) ? widths[c] - code_points(cell) : 0;
          const bool right = columns[c].amount && !cells.empty() && c != 0;
          if (c) row += "  ";  // the narrowest gap that keeps columns apart: neighbouring amounts at their closest
          row += right ? std::string(pad, ' ') + cell : cell + (c + 1 == cells.size() ? "" : std::string(pad, ' '));
        }
      }
      while (!row.empty() && row.back() == ' ') row.pop_back();
      return row;
    };
    std::vector<std::string> header_cells;
    for (const auto& c : columns) header_cells.push_back(c.header);
    table_headers.push_back(format_row(header_cells));
    out.add(table_headers.back(), {}, t);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      std::vector<std::string> cells;
      for (const auto& c : columns) cells.push_back(c.cells[i]);
      std::string rest;
      if (project_width && code_points(cells[1]) > project_width) {
        // Wrap the title at the last space that fits; the rest goes on the next line.
        const std::size_t fit = cells[1].rfind(' ', offset_of(cells[1], project_width));
        if (fit != std::string::npos) {
          rest = cells[1].substr(fit + 1);
          cells[1].resize(fit);
        }
      }
      // A row cites its line, and the next where its title wraps onto it.
      out.add(format_row(cells), {{&rows[i]->source, false}}, t);
      if (!rest.empty()) {
        std::vector<std::string> continuation(cells.size());
        continuation[1] = rest;
        out.add(format_row(continuation), {}, t, true);
      }
      out.add_anchor({&rows[i]->source, true});
    }
    std::vector<anchor> totals = on_line(requested_total.source);
    for (const anchor& e : on_line(granted_total.source)) totals.push_back(e);
    out.add(format_row(total), totals, t);
    out.blank();
  }

  doc.text = out.finish(doc.lines_per_page, table_headers, dnr);
  // The answer is the round its round file loads as: what the file says is what is compared.
  doc.source = parse_round(round_file_of(r, r.document.seed), "synthetic.toml");
  return doc;
}

std::vector<synthetic_document> synthetic_documents(const unit_registry& units, std::size_t count,
                                                    const synthetic_options& round, const document_layout& fixed) {
  std::vector<synthetic_document> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    synthetic_options one = round;
    one.seed = round.seed + i;
    out.push_back(synthetic_document_of(units, one, fixed));
  }
  return out;
}

}  // namespace anslag
