// The drafter's parts, private to src/ingest/draft/ (the public API is anslag/ingest/draft.hpp, and
// docs/drafting.md says what it reads and how). It works in passes over the document's lines: the
// structure first (page furniture left out, records of `label: value` lines, tables by their
// separators or column positions, paragraphs joined from hard-wrapped lines), then the head
// ([document]), the funds (decision sentences that set amounts aside), the prose sentence by
// sentence (statements, rules, lists of projects), and last the applications of the tables and
// records, whose decisions the prose lists may settle.
// The round file is written as text and loaded back with parse_round, so a draft that would not
// load is never returned. One file per concept; the class holds what the passes share.
#pragma once

#include <anslag/error.hpp>
#include <anslag/ingest/document_text.hpp>
#include <anslag/ingest/draft.hpp>
#include <anslag/io/round_file.hpp>

#include "words.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace anslag::drafting {

using detail::amount_hit;
using detail::lower;
using detail::plain_text;
using detail::words_of;

// --- Bounds that keep drafting linear in the document's size (docs/drafting.md, "Limits"). -------

// A sentence printing more amounts is not read as statements, budgets or rules (a review item):
// each statement quotes its sentence, so this bounds the copies by a constant per byte.
inline constexpr std::size_t max_amounts_per_sentence = 16;
// More funds than this are not drafted (a review item): every sentence is matched against each.
inline constexpr std::size_t max_funds = 50;

// --- What the draft holds before it is written. ------------------------------------------------

struct review_note {
  std::string field;
  std::string why;
};

struct fund_draft {
  std::string id, name;
  amount_hit budget;
  int line = 0;
  std::string quote, section;
  int last_line = 0;
  std::set<std::string> keys;  // the words that name it in the prose
  std::vector<reading> readings;
  std::vector<review_note> review;
};

struct rule_draft {
  std::string slug;
  rule_kind kind = rule_kind::required_criterion;
  std::vector<std::string> funds;
  std::string summary;
  std::optional<amount_hit> amount;
  std::optional<std::int64_t> count;
  std::optional<calendar_date> from, to;
  std::string quote, section;
  int line = 0, last_line = 0;
  std::optional<std::string> not_encoded;
  std::vector<review_note> review;
};

struct statement_draft {
  statement_kind kind = statement_kind::requested_total;
  std::vector<std::string> funds;
  std::optional<amount_hit> amount;
  std::optional<std::int64_t> count;
  std::optional<decision> of_decision;
  std::optional<std::string> applicant_kind;
  std::string quote, section, slug;
  int line = 0, last_line = 0;
  std::vector<reading> readings;
  std::vector<review_note> review;
};

struct application_draft {
  std::string fund;
  std::string applicant;
  std::optional<std::string> unit;
  std::vector<std::string> co_applicants;
  std::string project;
  std::optional<std::string> purpose;
  std::optional<std::string> requested, granted;
  std::optional<Krona> requested_value, granted_value;
  std::optional<decision> outcome;
  bool decision_inferred = false;  // read from amounts or a table's shape, not from a word
  std::string reason, section;
  int line = 0, last_line = 0;
  std::vector<reading> readings;
  std::vector<review_note> review;
};

// --- lines.cpp: the lines and sentences, and the words that name things in them. ---------------

struct line_info {
  std::string raw;
  std::string text;  // white space collapsed; a paragraph's first line holds the whole paragraph
  bool table = false;      // a line of a table or a record
  bool furniture = false;  // a running head or foot, a page number, a Dnr line: not content
  bool joined = false;     // a hard-wrapped line whose text stands in its paragraph's first line
  // A paragraph's first line: where each further line of the file begins in `text`, and its number.
  std::vector<std::pair<std::size_t, int>> breaks;
};

bool blank(const line_info& l);

bool is_list_item(const std::string& text);

// A page number ("Sida 2 av 5", "2 (5)") or a Dnr line: never content, never a title.
bool page_furniture(const std::string& text);

// The line without its list or numbering mark ("- ", "1. "): what a quote begins with.
std::string body_of(const std::string& text);

bool starts_upper(const std::string& text);

bool starts_lower(const std::string& text);

// A numbered heading ("3. Ärendet", "2 Sammanfattning", "3.2 Bedömning", "§ 3 Ärendet") is a
// heading by its words. Each number has at most two digits, so "2023 års medel" keeps its year.
std::string without_numbering(const std::string& text);

// A heading stands alone between blank lines, is short, begins with a capital and does not end
// as a sentence or a lead-in does.
bool is_heading(const std::vector<line_info>& lines, std::size_t i);

// Sentences of one prose line: split after '.', '?' or '!' followed by a space and a capital.
struct sentence {
  std::string text;
  int line = 0;
  std::size_t index = 0;  // its place among the line's sentences
  int last_line = 0;      // where it ends, when a hard-wrapped paragraph carries it past `line`
};

std::vector<sentence> sentences_of(const std::string& body, int line);

bool contains(const std::string& lowered, std::string_view what);

bool has_word(const std::vector<std::string>& words, std::string_view w);
// Whether `lowered` (whose words are `words`) holds `phrase`: a phrase of one word as a whole word,
// a phrase of several as it stands (the vocabulary's rule-like and budget words).
bool holds_phrase(const std::string& lowered, const std::vector<std::string>& words, std::string_view phrase);

// Swedish inflects by its endings: "studieresa", "studieresor" and "studieresan" name one fund, as
// "utvecklingsmedel" and "utvecklingsmedlen" do. Long words that differ only in their last two or
// three letters are one word; short ones must match exactly ("lokala" is not "lokalen").
bool same_stem(const std::string& a, const std::string& b);

// Words too common to name a fund.
extern const std::set<std::string, std::less<>> stop_words;

// The words of a phrase that can name a fund: no stop words, numbers or words under three letters.
std::set<std::string> key_words(std::string_view text);
// A text with each word hyphenated at a line's end (and joined with a space) read whole:
// "lokala utveckling- smedel" → "lokala utvecklingsmedel"; "stadsdels- och ..." stays.
std::string without_line_hyphens(const std::string& text);

std::string capitalised(std::string text);

std::string trim_end(std::string text, std::string_view chars);

// --- tables.cpp: the shapes of tables. ----------------------------------------------------------

enum class column_role { applicant, applicant_project, project, purpose, reason, decision, requested, granted, other };

struct column {
  std::string header;
  column_role role = column_role::other;
  std::string unit = "kr";
  std::size_t begin = 0, end = 0;  // column-aligned tables: the header's extent in the line
};

column_role role_of(const std::string& header, const vocabulary& words);

std::string unit_of_header(const std::string& header);

struct table_row {
  int line = 0;
  std::vector<std::string> cells;  // one per column, HTML kept (stripped where read)
  std::vector<review_note> notes;  // what the row's shape leaves for a person to check
  int last_line = 0;               // where its wrapped cells end, when they go on past `line`
};

struct table {
  int header_line = 0;
  int last_line = 0;  // a record's last line
  std::string section;
  std::vector<column> columns;
  std::vector<table_row> rows;
  std::vector<table_row> totals;
};

bool is_total(const std::string& cell);

// "Delsumma", "Summa LUM": a row that sums part of a table, neither an application nor the total.
bool is_subtotal(const std::string& cell);

// The cells of a line of a table separated by `separator` (tab, '|' or ';'); a pipe table's
// outer bars open and close the row and make no cells.
std::vector<std::string> split_cells(const std::string& raw, char separator);

// The separator of a line that has at least `cells` cells by it (tab, '|', ';'), or 0.
char separator_of(const std::string& raw, std::size_t cells);

// Cells of a column-aligned line: text separated by runs of two or more spaces, with where each
// begins and ends (in bytes; the layout's columns are aligned in characters, so positions are
// counted in code points).
struct laid_cell {
  std::string text;
  std::size_t begin = 0, end = 0;
};

std::vector<laid_cell> split_layout(const std::string& raw);

bool application_header(const std::vector<column>& columns);

std::vector<column> columns_of(const std::vector<std::string>& headers, const vocabulary& words);

// --- structure.cpp: page furniture, for the drafter and `anslag check` alike (one definition). --

// Marks each line of `lines` (raw and text set) that is page furniture: page numbers ("Sida 2 av
// 5", "2 (5)"), Dnr lines, and a running head or foot (a short line printed alike near two page
// breaks or more, a page break being a form feed, a page number, or a running foot and head near
// each other). A table's header printed again on a new page (by `words`) is the table's, never
// furniture. The drafter leaves furniture out of its prose and reads a table across it;
// src/ingest/source_check.cpp carries a table's columns across it the same way.
void mark_furniture(std::vector<line_info>& lines, const vocabulary& words);

// The column a laid-out cell belongs to: the one its extent overlaps most, else the nearest.
std::size_t column_for(const std::vector<column>& columns, const laid_cell& cell);

// --- The drafter: one document, drafted once by run(). -----------------------------------------

class drafter {
 public:
  // Errors name `file`: the path the caller gave, or the seed.
  drafter(std::string_view text, const draft_options& options, std::string file);

  round_draft run();

 private:
  // "Name (ABBR)" in the prose: an abbreviation of 2 to 6 capitals and the words before it.
  struct abbreviation {
    std::string id;
    std::string phrase;
    std::set<std::string> keys;
  };

  struct context {
    std::vector<std::string> funds;  // what the sentence before, on this line, named
    std::optional<statement_kind> lead_kind;
    std::optional<decision> lead_decision;
    std::vector<std::string> lead_funds;
    int lead_line = 0;
    std::string lead_words;
    enum class list_of { nothing, required, priority, projects } list = list_of::nothing;
  };

  struct budget_sentence {
    amount_hit hit;
    std::string fund;
  };

  [[noreturn]] void fail(const std::string& detail) const { throw round_file_error(file_, 0, 0, detail); }
  int line_no(std::size_t i) const { return static_cast<int>(i + 1); }

  // --- drafter.cpp: the passes in order, the head ([document]) and the sections.
  void read_head();
  // The year the title names, else the year the text says the funds are for, else the year after
  // an autumn decision; each but the first a review item.
  void read_year();
  void find_sections();

  // --- structure.cpp: the document's shape before its words are read (page furniture first, by
  // the free function mark_furniture above, which `anslag check` shares).
  // Hard-wrapped prose: a line that does not end a sentence, followed by one that goes on with it,
  // is one paragraph; its text stands in the first line, the lines after it are marked `joined`.
  void join_paragraphs();

  // The sentences of line i (a whole paragraph for its first line), each at the line it begins on.
  std::vector<sentence> sentences_at(std::size_t i) const;

  // Applications printed as blocks of `label: value` lines ("Förvaltning: Farsta", "Sökt belopp:
  // 28 000:-", "Beslut: Bevilja delvis"): each block is read as a table of one row.
  void find_records();

  // Lines that look like a table (three or more cells by a separator, or cells holding amounts)
  // but stand in no table read: on the review list, so that no row is lost silently.
  void flag_unread_tables();

  // --- tables.cpp: finding tables and reading their rows, tab-separated or column-aligned.
  void find_tables();

  std::size_t read_tab_table(std::size_t header, std::vector<column> columns, char separator);

  // A row after the total, a second total, a subtotal and a header repeated on a new page.
  void add_row(table& t, table_row row);

  // Two columns of one role (requested, granted, decision): the one for the round's year is read,
  // else neither, each on the review list.
  void settle_column_roles(table& t);

  std::size_t read_layout_table(std::size_t header, std::vector<column> columns);

  // --- funds.cpp: the decision sentences that set amounts aside, the abbreviations the document
  // defines, and which funds a text names.
  std::vector<abbreviation> find_abbreviations() const;

  // The phrase after an amount of a decision sentence: "3 500 000 kronor avsätts till lokala
  // utvecklingsprojekt enligt ..." → "lokala utvecklingsprojekt".
  static std::string fund_phrase(const std::string& text, std::size_t from);

  bool is_budget_sentence(const std::string& lowered) const;

  void find_funds();

  fund_draft* match_fund(const std::set<std::string>& keys);

  fund_draft& new_fund(const std::string& phrase, const std::set<std::string>& keys,
                       const std::vector<abbreviation>& abbreviations, const sentence& s, const amount_hit& hit,
                       std::size_t i);

  // The funds a text names: by abbreviation ("LUM", "MUST-medel") or by the words of their names.
  std::vector<std::string> funds_in(const std::string& text) const;

  // All funds is written as no list.
  std::vector<std::string> as_list(std::vector<std::string> funds) const;

  // --- statements.cpp: the prose sentence by sentence (totals, counts, list leads), and the
  // tables' total rows.
  void read_prose();

  // A sentence that introduces a list: its kind, decision and funds pass to the items.
  void lead(const sentence& s, context& ctx, const std::vector<std::string>& funds);

  std::vector<std::string> funds_or_section(const std::vector<std::string>& funds, std::size_t i) const;

  void read_sentence(const sentence& s, std::size_t i, const std::vector<std::string>& funds, bool funds_from_before,
                     bool item, context& ctx);

  // "De 14 ansökningarna om ...", "sex stycken ansökningar av LUM avslås", "från 10 stadsdelsförvaltningar".
  bool read_counts(const sentence& s, std::size_t i, const std::vector<std::string>& funds, context& ctx);

  void add_statement(statement_draft st, const sentence& s, std::size_t i);

  // The funds the part of a sentence around its k-th amount names: the words since the amount
  // before it when the sentence names a fund before its first amount, else those up to the next.
  std::vector<std::string> funds_of_part(const std::string& text, const std::vector<amount_hit>& amounts, std::size_t k) const;

  void table_total(const table& t, const table_row& row, const std::string& fund);

  // --- rules.cpp: the phrasings the drafter recognises; rule-like sentences kept not_encoded.
  bool read_rule_sentence(const sentence& s, std::size_t i, const std::vector<std::string>& funds);
  // A sentence as the rule phrasings read it, made once for both passes over them.
  struct phrased {
    std::string lowered;
    std::vector<std::string> words;
    std::vector<detail::date_hit> dates;
  };
  bool read_phrased_rule(const sentence& s, const phrased& read, std::size_t i, const std::vector<std::string>& funds,
                         bool dated);

  // A sentence with the words of a rule that no recogniser took: kept, marked not_encoded.
  void rule_like(const sentence& s, std::size_t i, const std::vector<std::string>& funds);

  void criterion(const std::string& body, std::size_t i, const context& ctx);

  void add_rule(rule_draft r, const sentence& s, std::size_t i, const std::vector<std::string>& funds);

  // --- applications.cpp: from the tables' rows and the prose lists, with their decisions.
  // A project named in a prose list under a sentence that decides it ("sex stycken ansökningar
  // av LUM avslås." then "- Projektet ”BFS” bedöms ...").
  void prose_application(const std::string& body, std::size_t i, const context& ctx);

  void read_tables();

  void table_application(const table& t, const table_row& row, const std::string& fund, bool has_decision, bool has_reason);

  void settle_decision(application_draft& a, const std::string& decision_cell, const std::string& reason_cell,
                       bool has_decision, bool has_reason);

  // The prose lists settle what the tables leave open: a project of the table named in a list
  // takes the list's decision.
  static std::string title_key(const std::string& project);

  void settle_from_lists();

  // --- units.cpp: applicants split from the project and resolved to units, with their readings.
  void split_applicant(application_draft& a, const std::string& cell);

  // The readings the drafter can make and mark when the registry does not know the applicant as
  // printed: co-applicants in brackets, a word the extraction split ("Socialförvaltning en"), and
  // a misspelling with exactly one near name.
  void resolve_unit(application_draft& a);

  // Names repeat from row to row, and a failed lookup is an exception with suggestions: each
  // spelling is looked up once.
  const unit* find_unit(const std::string& name);

  bool resolve_with_co_applicants(application_draft& a);

  static std::string detail_list(const std::vector<std::string>& names);

  // "Socialförvaltning en" → "Socialförvaltningen": a short ending the extraction split off.
  static std::string join_split_words(const std::string& text);

  // --- write.cpp: the round file (TOML) with its # REVIEW: comments, loaded back.
  static std::string toml_string(std::string_view text);

  static std::string list(const std::vector<std::string>& items);

  static std::string readings_of(const std::vector<reading>& readings);

  // Review notes of an entry (and every reading it carries) go to the list and beside it.
  void note(std::string& out, const std::string& entry, int line, const std::vector<review_note>& notes,
            const std::vector<reading>& readings);

  // The draft's lines mapped to the document lines their entries came from, so that a draft that
  // does not load names the line of the document to look at.
  struct entry_line {
    std::size_t offset = 0;  // where the entry begins in the draft
    int document_line = 0;
    char list = 0;           // 'f'unds, 'r'ules, 's'tatements, 'a'pplications; 0 for the head
    std::size_t index = 0;   // its place in that list
  };
  void entry_at(const std::string& out, int document_line, char list, std::size_t index);

  // Where an entry stands: its first line; `last_line` is where a wrapped sentence or a record
  // ends, written as the range once round files cite ranges (the check's `source.lines`).
  static std::string source_range(int line, int last_line, const std::string& section);

  std::string unique(std::set<std::string>& used, std::string id);

  std::string prefix(const std::vector<std::string>& funds) const;

  round_draft write();

  draft_options options_;
  const vocabulary& vocabulary_;  // the caller's, else the bundled data/vocabulary/sv.toml
  std::string file_;
  std::vector<line_info> lines_;
  std::vector<std::string> section_of_;  // the heading each line stands under
  std::vector<table> tables_;
  std::optional<calendar_date> dated_;
  std::string title_, deciding_body_, kind_;
  int title_line_ = 0;
  int year_ = 0;
  std::vector<review_item> head_review_;
  std::vector<fund_draft> funds_;
  // The decision sentences' amounts, by (paragraph line index, sentence index): each sentence looks
  // up its own, so that N copies of one sentence cost N, not N².
  std::map<std::pair<std::size_t, std::size_t>, std::vector<budget_sentence>> budget_sentences_;

  // A sentence printing more than max_amounts_per_sentence amounts: on the review list, not read.
  bool too_many_amounts(const sentence& s, std::size_t amounts);
  std::vector<rule_draft> rules_;
  std::vector<statement_draft> statements_;
  std::vector<application_draft> prose_apps_, table_apps_, applications_;
  std::vector<review_item> review_;
  std::set<rule_kind> drafted_dated_kinds_;  // an application window, a repayment notice: once each
  std::vector<entry_line> entry_lines_;
  // Entries left out because the draft did not load with them; past this many, the draft fails.
  static constexpr int max_rewrites = 8;
  int rewrites_ = 0;
  std::set<int> reported_long_;
  std::map<std::string, int> suffixes_;  // unique(): the last number each id was given  // lines whose sentence with too many amounts is on the list  // (offset in the draft, document line)
  std::map<std::string, const unit*, std::less<>> looked_up_;
};

}  // namespace anslag::drafting
