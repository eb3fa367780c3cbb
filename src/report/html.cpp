#include <anslag/report/html.hpp>

#include <anslag/detail/text.hpp>
#include <anslag/error.hpp>
#include "../io/regular_file.hpp"
#include "../krona/wide.hpp"
#include "quotes.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <vector>

namespace anslag {
namespace {

// --- The Content-Security-Policy allows the inline style sheet and script by their SHA-256.

std::array<std::uint8_t, 32> sha256(std::string_view data) {
  static constexpr std::uint32_t k[64] = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
      0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
      0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
      0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
      0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
      0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
  std::uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::string message(data);
  const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
  message += static_cast<char>(0x80);
  while (message.size() % 64 != 56) message += '\0';
  for (int shift = 56; shift >= 0; shift -= 8) message += static_cast<char>((bits >> shift) & 0xFF);
  const auto rotr = [](std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
  for (std::size_t block = 0; block < message.size(); block += 64) {
    std::uint32_t w[64];
    for (std::size_t i = 0; i < 16; ++i) {
      w[i] = 0;
      for (std::size_t b = 0; b < 4; ++b)
        w[i] = (w[i] << 8) | static_cast<std::uint8_t>(message[block + 4 * i + b]);
    }
    for (std::size_t i = 16; i < 64; ++i) {
      const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (std::size_t i = 0; i < 64; ++i) {
      const std::uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
      const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
  }
  std::array<std::uint8_t, 32> digest{};
  for (std::size_t i = 0; i < 32; ++i) digest[i] = static_cast<std::uint8_t>(h[i / 4] >> (24 - 8 * (i % 4)));
  return digest;
}

std::string csp_hash(std::string_view source) {
  static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const auto digest = sha256(source);
  std::string out = "'sha256-";
  for (std::size_t i = 0; i < digest.size(); i += 3) {
    const std::uint32_t n = static_cast<std::uint32_t>(digest[i]) << 16 |
                            (i + 1 < digest.size() ? static_cast<std::uint32_t>(digest[i + 1]) << 8 : 0u) |
                            (i + 2 < digest.size() ? digest[i + 2] : 0u);
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += i + 1 < digest.size() ? alphabet[(n >> 6) & 63] : '=';
    out += i + 2 < digest.size() ? alphabet[n & 63] : '=';
  }
  return out + "'";
}

// --- Escaping: every text from the round file or the document goes through `h`.

void append_html(std::string& out, std::string_view shown) {
  for (const char c : shown) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#x27;"; break;
      default: out += c;
    }
  }
}

std::string h(std::string_view text) {
  std::string out;
  append_html(out, escape_controls(text));
  return out;
}

// The palette: every pair of text and background passes WCAG AA (4.5:1), the bars and marks 3:1
// against white; tests/browser computes the ratios on the rendered page.
constexpr std::string_view style_sheet = R"css(
.ar{margin:0;font:15px/1.5 "DejaVu Sans",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
.ar *{box-sizing:border-box}
.ar a{color:#0b57a4}
.ar a:focus-visible,.ar input:focus-visible,.ar select:focus-visible{outline:3px solid #0b57a4;outline-offset:2px}
.ar .skip{position:absolute;left:-9999px}
.ar .skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:3}
.ar header{padding:20px 32px 14px;border-bottom:4px solid #1d3557;background:#f4f6f9}
.ar h1{margin:0 0 4px;font-size:24px;color:#1d3557}
.ar header p{margin:2px 0}
.ar .doc-title{font-size:17px;font-weight:600}
.ar .meta{color:#4a4a4a;font-size:13px}
.ar main{padding:0 32px 32px}
.ar h2{font-size:20px;margin:26px 0 12px;border-bottom:1px solid #c9ced6;padding-bottom:4px;color:#1d3557}
.ar h3{font-size:17px;margin:18px 0 8px}
.ar .verdict{font-size:16px;padding:10px 16px;border-left:6px solid #1e6b34;margin:0 0 16px;background:#e9f5ec}
.ar .verdict.error{border-color:#b00020;background:#fdecee}
.ar .verdict.warning{border-color:#8a5a00;background:#fff6e0}
.ar .verdict span{display:block}
.ar .verdict span[lang=en]{color:#3d3d3d;font-size:15px}
.ar .summary{display:flex;flex-wrap:wrap;gap:20px 40px;align-items:flex-start;margin-top:20px}
.ar table{border-collapse:collapse;font-size:14px}
.ar th,.ar td{border-bottom:1px solid #d5d9e0;padding:4px 10px;text-align:left;vertical-align:top}
.ar th{background:#eef1f5;font-weight:600}
.ar .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.ar .unknown{font-style:italic;color:#4a4a4a}
.ar figure{margin:0}
.ar caption{text-align:left;padding:0 0 4px}
.ar figcaption{font-size:13px;color:#4a4a4a;max-width:760px}
.ar svg text{font:13px "DejaVu Sans",system-ui,sans-serif;fill:#1a1a1a}
.ar svg .fund{font-weight:700}
.ar .badge{display:inline-block;font-size:12px;font-weight:700;letter-spacing:.03em;padding:1px 8px;border-radius:10px;color:#fff;background:#1d5c96;white-space:nowrap}
.ar .badge.error{background:#b00020}
.ar .badge.warning{background:#8a5a00}
.ar .columns{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:28px;align-items:start}
.ar #document{align-self:stretch}
.ar .doc{position:sticky;top:8px;max-height:calc(100vh - 16px);overflow:auto;border:1px solid #d5d9e0;background:#fbfbfc;font:13px/1.5 "DejaVu Sans Mono",ui-monospace,monospace}
.ar .line{display:grid;grid-template-columns:3.2em minmax(0,1fr);white-space:pre-wrap;overflow-wrap:anywhere;padding-right:8px;border-left:5px solid transparent;tab-size:4}
.ar .line .n{color:#595959;text-align:right;padding-right:10px;user-select:none}
.ar .line.cited{background:#eef3fa;border-left-color:#1d5c96}
.ar .line.f-info{background:#e8f1fa;border-left-color:#1d5c96}
.ar .line.f-warning{background:#fff6e0;border-left-color:#8a5a00}
.ar .line.f-error{background:#fdecee;border-left-color:#b00020}
.ar .line.check-failed{border-left-color:#b00020}
.ar .refs .check{color:#b00020;font-weight:700}
.ar .line:target,.ar tr:target,.ar .finding:target{outline:3px solid #0b57a4;outline-offset:-3px}
.ar .refs{grid-column:2;font:12px/1.4 "DejaVu Sans",system-ui,sans-serif;color:#3d3d3d;white-space:normal;padding-bottom:3px}
.ar mark{background:#ffe066;color:#1a1a1a;font-weight:700;padding:0 1px;border-bottom:2px solid #8a5a00}
.ar .finding{border:1px solid #d5d9e0;border-left:6px solid #1d5c96;border-radius:4px;padding:10px 14px;margin:0 0 12px;background:#fff}
.ar .finding.error{border-left-color:#b00020}
.ar .finding.warning{border-left-color:#8a5a00}
.ar .finding h4{margin:0 0 6px;font-size:15px;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.ar .finding h4 .fid{color:#4a4a4a;font-weight:400;font-size:13px}
.ar code{font:13px "DejaVu Sans Mono",ui-monospace,monospace;overflow-wrap:anywhere}
.ar .finding p{margin:4px 0}
.ar .finding p[lang=en]{color:#3d3d3d}
.ar dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:2px 12px;margin:8px 0 0;font-size:14px}
.ar dt{color:#4a4a4a}
.ar dd{margin:0;overflow-wrap:anywhere}
.ar blockquote{margin:8px 0 0;padding:4px 12px;border-left:3px solid #c9ced6;color:#333;font-style:italic}
.ar #filters{display:flex;gap:10px 20px;flex-wrap:wrap;align-items:center;padding:8px 14px;background:#f4f6f9;border:1px solid #d5d9e0;margin:16px 0;font-size:14px}
.ar #filters fieldset{border:0;margin:0;padding:0;display:flex;gap:12px;flex-wrap:wrap}
.ar #filters legend{float:left;margin-right:8px;font-weight:600}
.ar #filters input[type=search]{font:inherit;padding:2px 6px;border:1px solid #6b6b6b;border-radius:3px}
.ar #filters select{font:inherit;border:1px solid #6b6b6b;border-radius:3px;background:#fff;color:#1a1a1a}
.ar .rows td,.ar .rows th{font-size:13px}
.ar .rows th[scope=row],.ar dd a{white-space:nowrap}
.ar .top{margin:0 0 16px;padding:0;list-style:none}
.ar .top li{margin:4px 0}
.ar footer{padding:12px 32px;color:#4a4a4a;font-size:13px;border-top:1px solid #d5d9e0}
.ar [hidden]{display:none!important}
@media (max-width:1000px){.ar .columns{grid-template-columns:minmax(0,1fr)}.ar .doc{position:static;max-height:none}}
@media print{
.ar{font-size:10.5pt}
.ar header{background:none;padding:0 0 8px}
.ar main,.ar footer{padding:0}
.ar .skip,.ar #filters{display:none!important}
.ar .finding[hidden],.ar .group[hidden]{display:block!important}
.ar .columns{display:block}
.ar .doc{position:static;max-height:none;overflow:visible;border:0;background:none}
.ar .finding,.ar .line,.ar tr,.ar figure{break-inside:avoid}
.ar h2,.ar h3{break-after:avoid}
.ar #document{break-before:page}
.ar a{color:inherit;text-decoration:none}
.ar .badge{border:1px solid #1a1a1a}
}
)css";

// Conveniences only: the page is whole without them. Filters by severity and fund, a search.
constexpr std::string_view script = R"js(
(function(){
var f=document.getElementById('filters');if(!f)return;f.hidden=false;
var items=[].slice.call(document.querySelectorAll('.finding'));
var groups=[].slice.call(document.querySelectorAll('.group'));
var sev=[].slice.call(f.querySelectorAll('input[name=sev]'));
var fund=document.getElementById('f-fund'),q=document.getElementById('f-q'),out=document.getElementById('f-count');
function apply(){
var on={};sev.forEach(function(c){on[c.value]=c.checked;});
var g=fund.value,t=q.value.trim().toLowerCase(),n=0;
items.forEach(function(a){
var show=on[a.getAttribute('data-severity')]&&(g===''||a.parentNode.getAttribute('data-group')===g)&&(t===''||a.textContent.toLowerCase().indexOf(t)>=0);
a.hidden=!show;if(show)n++;});
groups.forEach(function(s){s.hidden=!s.querySelector('.finding:not([hidden])');});
out.textContent=n+' av '+items.length+' fynd visas / '+n+' of '+items.length+' findings shown';}
f.addEventListener('input',apply);f.addEventListener('change',apply);apply();
})();
)js";

// --- What the page knows about the round.

const char* severity_words(severity s) {
  switch (s) {
    case severity::error: return "Fel · error";
    case severity::warning: return "Varning · warning";
    case severity::info: return "Info · info";
  }
  return "";
}

const char* decision_words(decision d) {
  switch (d) {
    case decision::granted: return "beviljas";
    case decision::partly_granted: return "delvis beviljas";
    case decision::rejected: return "avslås";
  }
  return "";
}

// A sum over rows, some of which may be unknown: the known part and how many are unknown. A sum
// too large for a Krona is unknown too (the audit reports the overflow), never a wrapped figure.
struct partial_sum {
  std::optional<Krona> known = Krona{};
  std::size_t unknown = 0;
  std::size_t rows = 0;

  void add(const std::optional<Krona>& value) {
    ++rows;
    if (!value) {
      ++unknown;
      return;
    }
    if (!known) return;
    try {
      *known += *value;
    } catch (const overflow_error&) {
      known.reset();
    }
  }
};

struct fund_figures {
  std::string id;
  std::optional<Krona> budget;
  partial_sum requested;
  partial_sum granted;
};

std::vector<fund_figures> figures_per_fund(const grant_round& audited) {
  std::vector<fund_figures> out;
  std::map<std::string, std::size_t, std::less<>> index;
  for (const auto& f : audited.funds) {
    index.emplace(f.id, out.size());
    out.push_back({f.id, f.budget, {}, {}});
  }
  for (const auto& a : audited.applications) {
    const auto it = index.find(a.fund);
    if (it == index.end()) continue;
    out[it->second].requested.add(a.requested);
    out[it->second].granted.add(a.granted);
  }
  return out;
}

// The marks of one document line: who cites it, and which amounts on it are in question.
struct line_marks {
  std::vector<std::size_t> findings;  // 1-based numbers of shown findings
  std::optional<severity> worst;
  std::vector<std::string> rules;
  std::vector<std::string> statements;
  std::vector<std::size_t> rows;      // 1-based row numbers
  std::set<std::int64_t> amounts;     // öre
  std::vector<std::string> failed_checks;  // what `anslag check` finds wrong where the line is cited
};

// A run of digits in a line read as an amount in kronor: "6 558 400", "3 000 000", "25 000",
// "1 234,50" (groups separated by a space, U+00A0 or U+202F). Returns its length in bytes and value
// in öre, or nullopt.
struct number_token {
  std::size_t length;
  std::int64_t ore;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<number_token> number_at(std::string_view line, std::size_t start) {
  if (start > 0 && is_digit(line[start - 1])) return std::nullopt;
  const auto separator_width = [&](std::size_t i) -> std::size_t {
    if (line.substr(i, 1) == " ") return 1;
    if (line.substr(i, 2) == "\xC2\xA0") return 2;
    if (line.substr(i, 3) == "\xE2\x80\xAF") return 3;
    return 0;
  };
  std::size_t i = start;
  std::int64_t kronor = 0;
  std::size_t digits = 0;
  constexpr std::int64_t limit = std::int64_t{1} << 50;  // far above any krona amount, far below overflow
  while (i < line.size() && is_digit(line[i])) {
    kronor = kronor * 10 + (line[i] - '0');
    ++i, ++digits;
    if (kronor > limit) return std::nullopt;
  }
  if (digits <= 3) {
    for (;;) {
      const std::size_t width = separator_width(i);
      if (width == 0 || i + width + 3 > line.size()) break;
      const std::string_view group = line.substr(i + width, 3);
      if (!is_digit(group[0]) || !is_digit(group[1]) || !is_digit(group[2])) break;
      if (i + width + 3 < line.size() && is_digit(line[i + width + 3])) break;
      kronor = kronor * 1000 + (group[0] - '0') * 100 + (group[1] - '0') * 10 + (group[2] - '0');
      if (kronor > limit) return std::nullopt;
      i += width + 3;
    }
  }
  std::int64_t ore = kronor * 100;
  if (i + 2 < line.size() && line[i] == ',' && is_digit(line[i + 1]) && is_digit(line[i + 2]) &&
      (i + 3 == line.size() || !is_digit(line[i + 3]))) {
    ore += (line[i + 1] - '0') * 10 + (line[i + 2] - '0');
    i += 3;
  }
  return number_token{i - start, ore};
}

// One document line as HTML: escaped, tabs kept, the amounts in question inside <mark>.
std::string line_html(std::string_view line, const std::set<std::int64_t>& amounts) {
  std::string out;
  std::size_t plain_from = 0;
  for (std::size_t i = 0; i < line.size();) {
    if (!is_digit(line[i]) || amounts.empty()) {
      ++i;
      continue;
    }
    const auto token = number_at(line, i);
    if (!token) {
      while (i < line.size() && is_digit(line[i])) ++i;
      continue;
    }
    if (amounts.count(token->ore)) {
      append_html(out, escape_controls(line.substr(plain_from, i - plain_from), true));
      out += "<mark>";
      append_html(out, escape_controls(line.substr(i, token->length), true));
      out += "</mark>";
      plain_from = i + token->length;
    }
    i += token->length;
  }
  append_html(out, escape_controls(line.substr(plain_from), true));
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t from = 0;
  while (from <= text.size()) {
    std::size_t to = text.find('\n', from);
    if (to == std::string_view::npos) to = text.size();
    std::string_view line = text.substr(from, to - from);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    from = to + 1;
  }
  // A final newline ends the last line; it does not begin another.
  if (!text.empty() && text.back() == '\n') lines.pop_back();
  return lines;
}

std::string kr(const Krona& k) { return h(k.to_string()); }

// "3 000 000 kr", "≥ 2 300 000 kr, 9 okända / unknown", "okänt / unknown".
std::string sum_html(const partial_sum& s) {
  if (!s.known) return "<span class=\"unknown\">okänt (för stort) / unknown (too large)</span>";
  if (s.unknown == 0) return kr(*s.known);
  if (s.unknown == s.rows) return "<span class=\"unknown\">okänt / unknown</span>";
  return "≥ " + kr(*s.known) + " <span class=\"unknown\">+ " + std::to_string(s.unknown) + " okända / unknown</span>";
}

constexpr std::size_t max_rows_listed = 50;

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

class page {
 public:
  page(const report& r, const grant_round& audited, const std::optional<std::string>& document,
       const report_options& options, bool fragment, const std::vector<failed_check>& failed_checks = {})
      : r_(r), round_(audited), fragment_(fragment), failed_checks_(failed_checks) {
    for (const auto& f : r.findings) {
      if (!shown(f, options)) continue;
      findings_.push_back(&f);
      number_.emplace(&f, findings_.size());
    }
    groups_ = grouped(r, options);
    if (document && !fragment) lines_ = split_lines(*document), have_document_ = true;
    for (std::size_t i = 0; i < audited.applications.size(); ++i) row_of_.emplace(audited.applications[i].id, i + 1);
    mark_lines();
  }

  std::string render() {
    if (fragment_) {
      out_ += "<div class=\"ar\"><style>";
      out_ += style_sheet;
      out_ += "</style>";
      summary();
      findings();
      out_ += "</div>";
      return std::move(out_);
    }
    out_ += "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src " +
            csp_hash(style_sheet) + "; script-src " + csp_hash(script) +
            "; img-src 'none'; base-uri 'none'; form-action 'none'\">\n";
    out_ += "<meta name=\"referrer\" content=\"no-referrer\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<title>Granskning " + std::to_string(r_.year) + ": " + h(r_.title) + "</title>\n<style>";
    out_ += style_sheet;
    out_ += "</style>\n</head>\n<body class=\"ar\">\n";
    out_ += "<a class=\"skip\" href=\"#findings\">Till fynden / Skip to the findings</a>\n";
    header();
    out_ += "<main>\n";
    summary();
    filters();
    out_ += "<div class=\"columns\">\n";
    findings();
    document();
    out_ += "</div>\n";
    rows();
    out_ += "</main>\n<footer>Skapad av anslag ur omgångsfilen och beslutsdokumentet; belopp är exakta (öre), okända värden visas som okända. "
            "Made by anslag from the round file and the decision document; amounts are exact, unknowns shown as unknown."
            "</footer>\n<script>";
    out_ += script;
    out_ += "</script>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  bool line_exists(const source_ref& s) const {
    return have_document_ && s.line >= 1 && static_cast<std::size_t>(s.line) <= lines_.size() &&
           (s.document.empty() || s.document == round_.document.seed);
  }

  line_marks& marks(int line) { return marks_[line]; }

  void mark_lines() {
    const auto mark_amount = [](line_marks& m, const std::optional<Krona>& k) {
      if (k) m.amounts.insert(k->ore());
    };
    for (std::size_t i = 0; i < findings_.size(); ++i) {
      const finding& f = *findings_[i];
      if (!line_exists(f.source)) continue;
      auto& m = marks(f.source.line);
      m.findings.push_back(i + 1);
      if (!m.worst || f.level < *m.worst) m.worst = f.level;
      if (f.expected) mark_amount(m, f.expected->amount);
      if (f.actual) mark_amount(m, f.actual->amount);
    }
    for (const auto& rule : round_.rules) {
      if (!line_exists(rule.source)) continue;
      auto& m = marks(rule.source.line);
      m.rules.push_back(rule.id);
      mark_amount(m, rule.amount);
    }
    for (const auto& s : round_.statements) {
      if (!line_exists(s.source)) continue;
      auto& m = marks(s.source.line);
      m.statements.push_back(s.id);
      mark_amount(m, s.amount);
    }
    for (std::size_t i = 0; i < round_.applications.size(); ++i) {
      const auto& a = round_.applications[i];
      if (!line_exists(a.source)) continue;
      auto& m = marks(a.source.line);
      m.rows.push_back(i + 1);
      mark_amount(m, a.requested);
      mark_amount(m, a.granted);
    }
    mark_failed_checks();
  }

  // Each value `anslag check` does not find where its entry cites the document, beside that line.
  void mark_failed_checks() {
    if (!have_document_) return;
    for (const auto& failed : failed_checks_)
      if (failed.line >= 1 && static_cast<std::size_t>(failed.line) <= lines_.size())
        marks(failed.line).failed_checks.push_back(failed.what);
  }

  void header() {
    out_ += "<header>\n<h1>Granskning / Audit " + std::to_string(r_.year) + "</h1>\n";
    out_ += "<p class=\"doc-title\">" + h(r_.title) + "</p>\n";
    out_ += "<p class=\"meta\">Beslutsdokument daterat / decision document dated " + r_.dated.to_string();
    if (!round_.document.deciding_body.empty()) out_ += " · " + h(round_.document.deciding_body);
    out_ += " · omgångsfil / round file <code>" + h(r_.file) + "</code>";
    out_ += " · underlag / source <code>" + h(round_.document.seed) + "</code></p>\n</header>\n";
  }

  void verdict() {
    // Errors that rest on a reading do not hold on every reading: they are counted apart.
    const std::size_t on_reading = r_.count_on_a_reading(severity::error);
    const std::size_t errors = r_.count(severity::error) - on_reading, warnings = r_.count(severity::warning),
                      infos = r_.count(severity::info);
    const char* level = errors || on_reading ? "error" : warnings ? "warning" : "clean";
    std::string sv, en;
    if (errors) {
      sv = "Dokumentet innehåller " + plural(errors, "fel", "fel") +
           " som gäller oavsett läsning; därtill " + plural(warnings, "varning", "varningar") + " och " +
           plural(infos, "upplysning", "upplysningar") + ".";
      en = "The document has " + plural(errors, "error", "errors") + (errors == 1 ? " that holds" : " that hold") +
           " on every reading, " +
           plural(warnings, "warning", "warnings") + " and " + plural(infos, "note", "notes") + ".";
      if (on_reading) {
        sv += " Ytterligare " + plural(on_reading, "fel", "fel") + " vilar på en läsning.";
        en += " " + plural(on_reading, "more error", "more errors") + (on_reading == 1 ? " rests" : " rest") +
              " on a reading.";
      }
    } else if (on_reading) {
      sv = "Inga fel som gäller oavsett läsning; " + plural(on_reading, "fel", "fel") + " som vilar på en läsning, " +
           plural(warnings, "varning", "varningar") + " och " + plural(infos, "upplysning", "upplysningar") + ".";
      en = "No errors that hold on every reading; " + plural(on_reading, "error", "errors") +
           (on_reading == 1 ? " that rests" : " that rest") + " on a reading, " +
           plural(warnings, "warning", "warnings") + " and " + plural(infos, "note", "notes") + ".";
    } else if (warnings) {
      sv = "Inga fel; " + plural(warnings, "varning", "varningar") + " att granska och " +
           plural(infos, "upplysning", "upplysningar") + " om vad som inte kunde prövas.";
      en = "No errors; " + plural(warnings, "warning", "warnings") + " to review and " +
           plural(infos, "note", "notes") + " on what could not be checked.";
    } else {
      sv = "Inga fel och inga varningar; " + plural(infos, "upplysning", "upplysningar") + ".";
      en = "No errors and no warnings; " + plural(infos, "note", "notes") + ".";
    }
    out_ += "<p class=\"verdict " + std::string(level) + "\"><span lang=\"sv\">" + sv + "</span><span lang=\"en\">" +
            en + "</span></p>\n";
    // The errors and warnings first, one line each, linked to where they are argued.
    std::string top;
    for (const severity wanted : {severity::error, severity::warning}) {
      for (std::size_t i = 0; i < findings_.size(); ++i) {
        const finding& f = *findings_[i];
        if (f.level != wanted) continue;
        const std::string id = "F" + std::to_string(i + 1);
        top += "<li><span class=\"badge " + std::string(to_string(f.level)) + "\">" + severity_words(f.level) + "</span> " +
               (fragment_ ? id : "<a href=\"#" + id + "\">" + id + "</a>") + " <code>" +
               std::string(to_string(f.code)) + "</code> " + (f.fund.empty() ? "" : h(f.fund) + ": ") + h(f.message_sv) +
               "</li>\n";
      }
    }
    if (!top.empty()) out_ += "<ul class=\"top\" aria-label=\"Fel och varningar / errors and warnings\">\n" + top + "</ul>\n";
  }

  void summary() {
    out_ += "<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Sammanfattning / Summary</h2>\n";
    verdict();
    funds_table();
    out_ += "<div class=\"summary\">\n<table>\n<caption class=\"unknown\">Fynd per allvarlighet / findings by severity</caption>\n"
            "<thead><tr><th scope=\"col\">allvarlighet / severity</th><th scope=\"col\" class=\"num\">fynd / findings</th>"
            "<th scope=\"col\" class=\"num\">därav på en läsning / of them on a reading</th></tr></thead><tbody>\n";
    for (severity s : {severity::error, severity::warning, severity::info})
      out_ += "<tr><td><span class=\"badge " + std::string(to_string(s)) + "\">" + severity_words(s) +
              "</span></td><td class=\"num\">" + std::to_string(r_.count(s)) + "</td><td class=\"num\">" +
              std::to_string(r_.count_on_a_reading(s)) + "</td></tr>\n";
    out_ += "</tbody></table>\n";
    chart();
    out_ += "</div>\n</section>\n";
  }

  std::array<std::size_t, 3> counts_of(std::string_view fund) const {
    std::array<std::size_t, 3> counts{};
    for (const auto& f : r_.findings)
      if (f.fund == fund) ++counts[static_cast<std::size_t>(f.level)];
    return counts;
  }

  void funds_table() {
    if (round_.funds.empty()) return;
    out_ += "<table class=\"funds\">\n<caption class=\"unknown\">Per fond / per fund</caption>\n<thead><tr><th scope=\"col\">fond / fund</th>"
            "<th scope=\"col\" class=\"num\">budget</th><th scope=\"col\" class=\"num\">sökt / requested</th>"
            "<th scope=\"col\" class=\"num\">beviljat / granted</th><th scope=\"col\" class=\"num\">fel</th>"
            "<th scope=\"col\" class=\"num\">varningar</th><th scope=\"col\" class=\"num\">info</th></tr></thead><tbody>\n";
    const auto counts_cells = [&](std::string_view fund) {
      const auto c = counts_of(fund);
      for (const std::size_t n : c) out_ += "<td class=\"num\">" + std::to_string(n) + "</td>";
    };
    // Beside what the rows sum to, what the document states for the fund alone (the audit says
    // whether the two agree).
    const auto stated = [&](const std::string& fund, statement_kind kind) -> std::string {
      for (const auto& s : round_.statements)
        if (s.kind == kind && s.amount && s.funds.size() == 1 && s.funds.front() == fund)
          return "<br><span class=\"unknown\">anges / stated " + kr(*s.amount) + "</span>";
      return "";
    };
    for (const auto& f : figures_per_fund(round_)) {
      out_ += "<tr><th scope=\"row\">" + h(f.id) + "</th><td class=\"num\">" + (f.budget ? kr(*f.budget) : "") +
              "</td><td class=\"num\">" + sum_html(f.requested) + stated(f.id, statement_kind::requested_total) +
              "</td><td class=\"num\">" + sum_html(f.granted) + stated(f.id, statement_kind::granted_total) + "</td>";
      counts_cells(f.id);
      out_ += "</tr>\n";
    }
    out_ += "<tr><th scope=\"row\">Hela omgången / whole round</th><td></td><td></td><td></td>";
    counts_cells("");
    out_ += "</tr>\n</tbody></table>\n";
  }

  // Granted against requested per fund, to scale; the budget a dashed line; what is unknown a
  // hatched block of no length that says so, never a bar of 0.
  void chart() {
    const auto funds = figures_per_fund(round_);
    if (funds.empty()) return;
    constexpr int label_width = 90, bar_width = 420, row_height = 64, top = 34;
    std::int64_t largest = 0;
    for (const auto& f : funds) {
      for (const auto& k : {f.budget, f.requested.known, f.granted.known})
        if (k && k->ore() > largest) largest = k->ore();
    }
    const auto length = [&](const Krona& k) -> std::int64_t {
      if (largest <= 0 || k.ore() <= 0) return 0;
      // ore ≤ largest < 2^63 and bar_width < 2^10: the product fits 128 bits.
      return detail::narrow(detail::wide(k.ore()) * bar_width / largest);
    };
    const int height = top + row_height * static_cast<int>(funds.size()) + 6;
    const std::string w = std::to_string(label_width + bar_width + 270);
    out_ += "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-t\" width=\"" + w +
            "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + w + " " + std::to_string(height) + "\">\n";
    out_ += "<title id=\"chart-t\">Beviljat mot sökt per fond / granted against requested per fund</title>\n";
    out_ += "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#595959\" stroke-width=\"3\"/></pattern></defs>\n";
    // Legend.
    out_ += "<rect x=\"0\" y=\"6\" width=\"14\" height=\"12\" fill=\"#6b87b0\"/><text x=\"20\" y=\"17\">sökt / requested</text>"
            "<rect x=\"150\" y=\"6\" width=\"14\" height=\"12\" fill=\"#1d3557\"/><text x=\"170\" y=\"17\">beviljat / granted</text>"
            "<rect x=\"300\" y=\"6\" width=\"14\" height=\"12\" fill=\"url(#hatch)\" stroke=\"#595959\"/><text x=\"320\" y=\"17\">okänt / unknown</text>"
            "<line x1=\"452\" y1=\"4\" x2=\"452\" y2=\"20\" stroke=\"#b00020\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/><text x=\"460\" y=\"17\">budget</text>\n";
    int y = top;
    for (const auto& f : funds) {
      out_ += "<text class=\"fund\" x=\"0\" y=\"" + std::to_string(y + 25) + "\">" + h(f.id) + "</text>\n";
      bar(y, label_width, "#6b87b0", "sökt", f.requested, length);
      bar(y + 24, label_width, "#1d3557", "beviljat", f.granted, length);
      if (f.budget) {
        const std::string x = std::to_string(label_width + length(*f.budget));
        out_ += "<line x1=\"" + x + "\" y1=\"" + std::to_string(y - 4) + "\" x2=\"" + x + "\" y2=\"" +
                std::to_string(y + 46) + "\" stroke=\"#b00020\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>\n";
      }
      y += row_height;
    }
    out_ += "</svg>\n<figcaption>Staplarna är summan av de kända raderna; en streckad ruta betyder att raderna i fråga "
            "saknar belopp i dokumentet (okänt, inte 0). The bars sum the known rows; a hatched block means those rows "
            "have no amount in the document (unknown, not 0). Same figures as the table above.</figcaption>\n</figure>\n";
  }

  template <typename Length>
  void bar(int y, int x0, const char* colour, const char* word, const partial_sum& s, const Length& length) {
    std::int64_t x = x0;
    if (s.known) {
      const std::int64_t l = length(*s.known);
      if (l > 0)
        out_ += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" + std::to_string(l) +
                "\" height=\"20\" fill=\"" + colour + "\"/>";
      x += l;
    }
    if (s.unknown > 0 || !s.known) {
      out_ += "<rect x=\"" + std::to_string(x + 2) + "\" y=\"" + std::to_string(y) +
              "\" width=\"36\" height=\"20\" fill=\"url(#hatch)\" stroke=\"#595959\"/>";
      x += 38;
    }
    std::string label = std::string(word) + " ";
    if (!s.known)
      label += "okänt (för stort)";
    else if (s.unknown == s.rows && s.rows > 0)
      label += "okänt (" + std::to_string(s.unknown) + " rader)";
    else if (s.unknown > 0)
      label += "≥ " + kr(*s.known) + " + " + std::to_string(s.unknown) + " okända";
    else
      label += kr(*s.known);
    out_ += "<text x=\"" + std::to_string(x + 6) + "\" y=\"" + std::to_string(y + 15) + "\">" + label + "</text>\n";
  }

  void filters() {
    out_ += "<div id=\"filters\" role=\"search\" aria-label=\"Filter\" hidden>\n<fieldset><legend>Visa / show</legend>";
    for (severity s : {severity::error, severity::warning, severity::info})
      out_ += "<label><input type=\"checkbox\" name=\"sev\" value=\"" + std::string(to_string(s)) + "\" checked> " +
              severity_words(s) + "</label>";
    out_ += "</fieldset>\n<label>Fond / fund <select id=\"f-fund\"><option value=\"\">alla / all</option>";
    for (std::size_t g = 0; g < groups_.size(); ++g)
      out_ += "<option value=\"" + std::to_string(g) + "\">" + group_name(groups_[g].first) + "</option>";
    out_ += "</select></label>\n<label>Sök / search <input type=\"search\" id=\"f-q\"></label>\n"
            "<output id=\"f-count\" aria-live=\"polite\"></output>\n</div>\n";
  }

  static std::string group_name(const std::string& fund) {
    return fund.empty() ? std::string("Hela omgången / whole round") : h(fund);
  }


  const rule* rule_of(const std::string& id) const {
    for (const auto& rule : round_.rules)
      if (rule.id == id) return &rule;
    return nullptr;
  }

  void findings() {
    out_ += "<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Fynd / Findings (" +
            std::to_string(findings_.size()) + ")</h2>\n";
    if (findings_.empty()) out_ += "<p>Inga fynd att visa. / No findings to show.</p>\n";
    const auto& all = groups_;
    for (std::size_t g = 0; g < all.size(); ++g) {
      out_ += "<section class=\"group\" data-group=\"" + std::to_string(g) + "\" aria-labelledby=\"G" +
              std::to_string(g) + "\">\n<h3 id=\"G" + std::to_string(g) + "\">" + group_name(all[g].first) + "</h3>\n";
      for (const finding* f : all[g].second) finding_html(number_.at(f) - 1);
      out_ += "</section>\n";
    }
    out_ += "</section>\n";
  }

  void finding_html(std::size_t i) {
    const finding& f = *findings_[i];
    const std::string id = "F" + std::to_string(i + 1);
    const std::string level(to_string(f.level));
    out_ += "<article class=\"finding " + level + "\" id=\"" + id + "\" data-severity=\"" + level +
            "\" aria-labelledby=\"" + id + "-h\">\n<h4 id=\"" + id + "-h\"><span class=\"badge " + level + "\">" +
            severity_words(f.level) + "</span> <code>" + std::string(to_string(f.code)) + "</code> <span class=\"fid\">" +
            id + (f.fund.empty() ? "" : " · " + h(f.fund)) + "</span></h4>\n";
    out_ += "<p lang=\"sv\">" + h(f.message_sv) + "</p>\n<p lang=\"en\">" + h(f.message_en) + "</p>\n<dl>\n";
    if (f.expected) out_ += "<dt>väntat / expected</dt><dd class=\"amount\">" + h(f.expected->to_string()) + "</dd>\n";
    if (f.actual) out_ += "<dt>faktiskt / actual</dt><dd class=\"amount\">" + h(f.actual->to_string()) + "</dd>\n";
    if (!f.rule.empty()) {
      out_ += "<dt>regel / rule</dt><dd><code>" + h(f.rule) + "</code>";
      if (const rule* rule = rule_of(f.rule)) {
        if (!rule->summary.empty()) out_ += " — " + h(rule->summary);
        if (!rule->quote.empty() && rule->quote != f.quote) out_ += quote_html(rule->quote);
      }
      out_ += "</dd>\n";
    }
    if (!f.statement.empty()) out_ += "<dt>uppgift / statement</dt><dd><code>" + h(f.statement) + "</code></dd>\n";
    if (!f.rows.empty()) {
      out_ += "<dt>rader / rows</dt><dd>";
      // A page stays readable, and its size linear in the round's, however many rows one finding
      // concerns: the first ones linked, the rest counted (JSON lists them all).
      const std::size_t listed = std::min(f.rows.size(), max_rows_listed);
      for (std::size_t k = 0; k < listed; ++k) {
        if (k) out_ += ", ";
        const auto row = row_of_.find(f.rows[k]);
        if (row != row_of_.end() && !fragment_)
          out_ += "<a href=\"#R" + std::to_string(row->second) + "\">" + h(f.rows[k]) + "</a>";
        else
          out_ += h(f.rows[k]);
      }
      if (listed < f.rows.size())
        out_ += " och " + std::to_string(f.rows.size() - listed) + " till / and " +
                std::to_string(f.rows.size() - listed) + " more";
      out_ += "</dd>\n";
    }
    if (!f.source.document.empty()) out_ += "<dt>källa / source</dt><dd>" + source_html(f.source) + "</dd>\n";
    if (f.reading) out_ += "<dt>läsning / reading</dt><dd>" + h(*f.reading) + "</dd>\n";
    out_ += "</dl>\n";
    if (!f.quote.empty()) out_ += quote_html(f.quote) + "\n";
    out_ += "</article>\n";
  }

  // A quote as a blockquote at every finding citing it; a long one (quotes.hpp) only at its first,
  // with an anchor, and as a link to it at the later ones.
  std::string quote_html(const shared_text& quote) {
    const auto use = quotes_.of(quote);
    if (quote.size() <= report_detail::quote_numbers::repeated_up_to)
      return "<blockquote lang=\"sv\">\u201C" + h(quote) + "\u201D</blockquote>";
    const std::string id = "Q" + std::to_string(use.number);
    if (use.in_full) return "<blockquote lang=\"sv\" id=\"" + id + "\">\u201C" + h(quote) + "\u201D</blockquote>";
    return "<p class=\"quote-ref\"><a href=\"#" + id + "\">citat / quote " + std::to_string(use.number) +
           "</a>: som ovan / as above</p>";
  }

  std::string source_html(const source_ref& s) const {
    std::string where = h(s.document);
    if (s.line > 0) {
      const std::string line = "rad / line " + std::to_string(s.line);
      where += ", " + (line_exists(s) ? "<a href=\"#L" + std::to_string(s.line) + "\">" + line + "</a>" : line);
    }
    if (!s.section.empty()) where += " (" + h(s.section) + ")";
    return where;
  }

  void document() {
    out_ += "<section id=\"document\" aria-labelledby=\"document-h\">\n<h2 id=\"document-h\">Beslutsdokumentet / "
            "The decision document</h2>\n";
    if (!have_document_) {
      out_ += "<p class=\"unknown\">Dokumentet <code>" + h(round_.document.seed) +
              "</code> hittades inte; raderna kan inte visas. The document was not found; its lines cannot be shown.</p>\n"
              "</section>\n";
      return;
    }
    out_ += "<p class=\"meta\"><code>" + h(round_.document.seed) +
            "</code>: markerade rader citeras av fynd (färg efter allvarlighet), regler, uppgifter eller rader; "
            "<mark>belopp</mark> i fråga är markerade. Marked lines are cited by findings, rules, statements or rows; "
            "the amounts in question are highlighted.</p>\n<div class=\"doc\">\n";
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const int number = static_cast<int>(i + 1);
      const auto m = marks_.find(number);
      std::string cls = "line";
      if (m != marks_.end()) cls += m->second.worst ? " f-" + std::string(to_string(*m->second.worst)) : " cited";
      if (m != marks_.end() && !m->second.failed_checks.empty()) cls += " check-failed";
      out_ += "<div class=\"" + cls + "\" id=\"L" + std::to_string(number) + "\"><span class=\"n\">" +
              std::to_string(number) + "</span><span class=\"t\">" +
              line_html(lines_[i], m == marks_.end() ? std::set<std::int64_t>{} : m->second.amounts) + "</span>";
      if (m != marks_.end()) refs(m->second);
      out_ += "</div>\n";
    }
    out_ += "</div>\n</section>\n";
  }

  void refs(const line_marks& m) {
    std::vector<std::string> parts;
    for (const std::size_t f : m.findings)
      parts.push_back("<a href=\"#F" + std::to_string(f) + "\">F" + std::to_string(f) + " " +
                      std::string(to_string(findings_[f - 1]->level)) + "</a>");
    for (std::size_t k = 0; k < std::min(m.rows.size(), max_rows_listed); ++k)
      parts.push_back("<a href=\"#R" + std::to_string(m.rows[k]) + "\">" + h(round_.applications[m.rows[k] - 1].id) +
                      "</a>");
    if (m.rows.size() > max_rows_listed)
      parts.push_back("och " + std::to_string(m.rows.size() - max_rows_listed) + " rader till / and " +
                      std::to_string(m.rows.size() - max_rows_listed) + " more rows");
    for (const auto& rule : m.rules) parts.push_back("regel " + h(rule));
    for (const auto& s : m.statements) parts.push_back("uppgift " + h(s));
    for (std::size_t k = 0; k < std::min(m.failed_checks.size(), max_rows_listed); ++k)
      parts.push_back("<span class=\"check\">kontroll misslyckad / check failed: " + h(m.failed_checks[k]) + "</span>");
    if (m.failed_checks.size() > max_rows_listed)
      parts.push_back("<span class=\"check\">och " + std::to_string(m.failed_checks.size() - max_rows_listed) +
                      " misslyckade kontroller till / and " + std::to_string(m.failed_checks.size() - max_rows_listed) +
                      " more failed checks</span>");
    out_ += "<span class=\"refs\">" + detail::joined(parts) + "</span>";
  }

  void rows() {
    out_ += "<section id=\"rows\" aria-labelledby=\"rows-h\">\n<h2 id=\"rows-h\">Ansökningarna / The applications (" +
            std::to_string(round_.applications.size()) + ")</h2>\n<table class=\"rows\">\n<thead><tr>"
            "<th scope=\"col\">ansökan</th><th scope=\"col\">fond</th><th scope=\"col\">sökande / applicant</th>"
            "<th scope=\"col\">projekt / project</th><th scope=\"col\" class=\"num\">sökt / requested</th>"
            "<th scope=\"col\" class=\"num\">beviljat / granted</th><th scope=\"col\">beslut / decision</th>"
            "<th scope=\"col\">rad / line</th></tr></thead><tbody>\n";
    const auto amount = [](const std::optional<Krona>& k) {
      return k ? "<td class=\"num\">" + kr(*k) + "</td>" : std::string("<td class=\"num unknown\">okänt</td>");
    };
    for (std::size_t i = 0; i < round_.applications.size(); ++i) {
      const auto& a = round_.applications[i];
      out_ += "<tr id=\"R" + std::to_string(i + 1) + "\"><th scope=\"row\">" + h(a.id) + "</th><td>" + h(a.fund) +
              "</td><td>" + h(a.applicant) + "</td><td>" + h(a.project) + "</td>" + amount(a.requested) +
              amount(a.granted) + "<td>" + decision_words(a.outcome) + "</td><td>";
      if (line_exists(a.source))
        out_ += "<a href=\"#L" + std::to_string(a.source.line) + "\">rad " + std::to_string(a.source.line) + "</a>";
      else if (a.source.line > 0)
        out_ += std::to_string(a.source.line);
      out_ += "</td></tr>\n";
    }
    out_ += "</tbody></table>\n</section>\n";
  }

  const report& r_;
  const grant_round& round_;
  bool fragment_;
  std::vector<const finding*> findings_;
  report_detail::quote_numbers quotes_;
  std::vector<std::string_view> lines_;
  bool have_document_ = false;
  std::map<std::string, std::size_t, std::less<>> row_of_;
  const std::vector<failed_check>& failed_checks_;
  std::map<int, line_marks> marks_;
  std::vector<std::pair<std::string, std::vector<const finding*>>> groups_;
  std::map<const finding*, std::size_t> number_;  // a shown finding's number: F1, F2, ... in the report's order
  std::string out_;
};

}  // namespace

std::string format_report_html(const report& r, const grant_round& audited, const std::optional<std::string>& document,
                               const report_options& options, const std::vector<failed_check>& failed_checks) {
  return page(r, audited, document, options, false, failed_checks).render();
}

std::string format_report_html_fragment(const report& r, const grant_round* audited, const report_options& options) {
  static const grant_round no_round;
  return page(r, audited ? *audited : no_round, std::nullopt, options, true).render();
}

std::optional<std::filesystem::path> find_document(const grant_round& audited, const std::filesystem::path& round_file,
                                                   const std::filesystem::path& bundled_seeds) {
  const std::filesystem::path seed = audited.document.seed;
  // A seed is a file name, not a path: a round file cannot send the reader elsewhere.
  if (seed.empty() || seed.has_parent_path() || seed.is_absolute() || seed == "." || seed == "..") return std::nullopt;
  for (const auto& folder : {round_file.parent_path(), bundled_seeds}) {
    std::error_code ignored;
    const auto candidate = folder / seed;
    if (std::filesystem::is_regular_file(candidate, ignored)) return candidate;
  }
  return std::nullopt;
}

std::string read_document(const std::filesystem::path& path) {
  auto text = detail::read_regular_file(path, detail::max_document_bytes);
  if (!text) throw round_file_error(path.string(), 0, 0, "document larger than 64 MiB");
  return std::move(*text);
}

}  // namespace anslag
