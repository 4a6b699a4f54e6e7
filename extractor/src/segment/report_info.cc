#include "segment/report_info.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "normalize/normalize.h"
#include "segment/agency.h"
#include "util/text.h"

namespace gongkai {
namespace {

// Bytes of the opening (text before the first heading) searched for an inline title: a page's
// header, breadcrumb and first paragraph fit well within it.
constexpr size_t kMaxOpeningBytes = 24000;
// Code points an agency name can have.
constexpr size_t kMaxAgencyCodePoints = 40;

// Where an agency name was found, most trusted first.
enum class AgencyTrust { kTitle, kSignature, kPhrase, kOpening, kField, kPageTitle };

const char* SourceName(AgencyTrust t) {
  switch (t) {
    case AgencyTrust::kTitle:
      return "title";
    case AgencyTrust::kSignature:
      return "signature";
    case AgencyTrust::kPhrase:
    case AgencyTrust::kOpening:
      return "text";
    case AgencyTrust::kField:
      return "field";
    case AgencyTrust::kPageTitle:
      return "page_title";
  }
  return "text";
}

struct AgencyEvidence {
  std::string printed;
  AgencyTrust trust;
  bool full;  // a full name (河北省教育厅), not a short form (省人社厅)
};

// Chunks of a line separated by tabs or runs of two or more spaces, spaces removed.
std::vector<std::string> Chunks(std::string_view norm) {
  std::vector<std::string> out;
  std::string current;
  int spaces = 0;
  for (char c : norm) {
    if (c == ' ' || c == '\t') {
      spaces += c == '\t' ? 2 : 1;
      continue;
    }
    if (spaces >= 2 && !current.empty()) {
      out.push_back(current);
      current.clear();
    }
    spaces = 0;
    current.push_back(c);
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

// The agency a title names, without quotes, a field name and the 「关于」 around it (「《…关于」,
// 「…人民政府关于」, 「标题:…」).
std::string TrimAgency(std::string agency) {
  static constexpr std::string_view kStrip[] = {"关于", "《", "》", "\"", "“", "”"};
  for (char c : {':', '>'}) {
    if (size_t p = agency.rfind(c); p != std::string::npos) agency.erase(0, p + 1);
  }
  for (std::string_view s : kStrip) {
    if (agency.rfind(s, 0) == 0) agency.erase(0, s.size());
  }
  for (std::string_view s : kStrip) {
    if (agency.size() >= s.size() && agency.compare(agency.size() - s.size(), s.size(), s) == 0) {
      agency.erase(agency.size() - s.size());
    }
  }
  return agency;
}

// Byte length of the UTF-8 character starting at s[i].
size_t CharLen(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::min(n, s.size() - i);
}

// A CJK ideograph or a bracket of a name (「(」, 「)」 after NFKC).
bool IsNameChar(std::string_view s, size_t i) {
  if (s[i] == '(' || s[i] == ')') return true;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0xE3 || c > 0xE9 || i + 2 >= s.size()) return false;
  uint32_t cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
  return cp >= 0x3400 && cp <= 0x9FFF;
}

// The run of name characters that ends at `end`, at most kMaxAgencyCodePoints long.
std::string_view NameRunBefore(std::string_view s, size_t end) {
  size_t begin = end;
  size_t count = 0;
  while (begin > 0 && count < kMaxAgencyCodePoints) {
    size_t p = begin - 1;
    while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
    if (!IsNameChar(s, p)) break;
    begin = p;
    ++count;
  }
  return s.substr(begin, end - begin);
}

// The text without the titles of other documents (「《2017年政务公开工作要点》」).
std::string WithoutBookTitles(std::string_view s) {
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < s.size();) {
    size_t n = CharLen(s, i);
    std::string_view ch = s.substr(i, n);
    if (ch == "《") {
      ++depth;
    } else if (ch == "》") {
      if (depth > 0) --depth;
    } else if (depth == 0) {
      out.append(ch);
    }
    i += n;
  }
  return out;
}

// 「现公布泰州市人民政府」 → 「泰州市人民政府」: the verb before a title named in a sentence.
std::string StripLeadingVerbs(std::string s) {
  static constexpr std::string_view kVerbs[] = {"现予以公布", "现予公布", "现予发布", "现公布",
                                                "现发布",     "特发布",   "编制了",   "编写了",
                                                "发布",       "公布",     "编制",     "编写"};
  for (std::string_view v : kVerbs) {
    if (s.starts_with(v)) return s.substr(v.size());
  }
  return s;
}

class ReportInfoFinder {
 public:
  ReportInfoFinder(const Document& doc, const GrammarSet& grammars, size_t first_line,
                   size_t first_col, Segments* out)
      : doc_(doc),
        rules_(grammars.report()),
        first_line_(std::min(first_line, doc.lines.size())),
        first_col_(first_col),
        out_(out) {}

  void Run() {
    std::string opening = OpeningText();
    FindStatedPeriod();
    FindStandaloneTitle();
    if (title_year_) {
      Year(*title_year_, "title");
    } else {
      FindInlineTitle(opening);
      if (title_year_) Year(*title_year_, "title");
    }
    if (period_year_) Year(*period_year_, "period");
    FindOpeningSentences();
    FindPeriodWords(opening);
    FindFieldsAndPageTitle(opening);
    FindSignature();
    ChooseAgency();
    Diagnose();
  }

 private:
  ReportInfo& info() { return out_->info; }

  void Year(int year, const char* source) {
    if (info().year) return;
    info().year = year;
    info().year_source = source;
  }

  void Agency(std::string printed, AgencyTrust trust) {
    if (printed.empty()) return;
    bool full = RE2::PartialMatch(printed, *rules_.agency.strict);
    if (!full && !RE2::PartialMatch(printed, *rules_.short_agency.strict)) return;
    agencies_.push_back({std::move(printed), trust, full});
  }

  // The text before the first heading, spaces kept, lines joined by a line break.
  std::string OpeningText() const {
    std::string text;
    for (size_t i = 0; i <= first_line_ && i < doc_.lines.size(); ++i) {
      std::string_view norm = doc_.lines[i].norm;
      if (i == first_line_) norm = norm.substr(0, std::min(first_col_, norm.size()));
      text.append(norm);
      text.push_back('\n');
      if (text.size() >= kMaxOpeningBytes) break;
    }
    return text;
  }

  void FindStandaloneTitle();
  bool OwnTitle(std::string_view line, const std::string& chunk, int year) const;
  void FindInlineTitle(const std::string& opening);
  void FindStatedPeriod();
  void TakeOpening(const std::string& text);
  void FindOpeningSentences();
  void FindPeriodWords(const std::string& opening);
  void FindSignature();
  bool SignatureLines(const std::vector<std::string>& tail);
  void InlineSignature(const std::string& last);
  std::string AgencyBeforeDate(std::string_view text, size_t date_begin) const;
  void FindFieldsAndPageTitle(const std::string& opening);
  void ChooseAgency();
  std::string InferFromProvince(const std::string& short_form) const;
  void Diagnose();

  const Document& doc_;
  const ReportRules& rules_;
  size_t first_line_;
  size_t first_col_;
  Segments* out_;
  std::vector<AgencyEvidence> agencies_;
  std::optional<int> title_year_;
  std::optional<int> period_year_;
  std::optional<int> signature_year_;
  std::optional<int> inline_year_;  // a title without its agency
};

// 1. A title standing alone in a line (or a chunk of one) before the first heading, possibly
// wrapped over two lines or with the agency on the line above.
void ReportInfoFinder::FindStandaloneTitle() {
  std::string previous_chunk;
  size_t seen = 0;
  for (size_t i = 0; i <= first_line_ && i < doc_.lines.size() && seen < 400; ++i) {
    const Line& line = doc_.lines[i];
    if (Trim(line.norm).empty()) continue;
    ++seen;
    bool titled =
        line.norm.find("报告") != std::string::npos || line.norm.find("年报") != std::string::npos;
    if (!titled) {
      // An agency printed alone above the title line.
      if (CodePointCount(Trim(line.norm)) <= 40) previous_chunk = StripSpaces(line.norm);
      continue;
    }
    for (const std::string& piece : Chunks(line.norm)) {
      std::string agency, year;
      std::string chunk = piece;
      // A title is short; prose that mentions a 报告 is not one.
      bool matched = chunk.size() <= 240 && MatchTitle(rules_, chunk, &agency, &year);
      if (!matched && !previous_chunk.empty() && previous_chunk.size() + chunk.size() <= 240 &&
          MatchTitle(rules_, previous_chunk + chunk, &agency, &year)) {
        matched = true;
        chunk = previous_chunk + chunk;
        previous_chunk.clear();
      }
      if (!matched || !OwnTitle(line.norm, chunk, std::stoi(year))) {
        previous_chunk = piece;
        continue;
      }
      if (agency.empty() && RE2::PartialMatch(previous_chunk, *rules_.agency.strict)) {
        agency = previous_chunk;
        info().title = previous_chunk;
      }
      info().title +=
          chunk.substr(chunk.rfind(':') == std::string::npos ? 0 : chunk.rfind(':') + 1);
      title_year_ = std::stoi(year);
      Agency(agency, AgencyTrust::kTitle);
      return;
    }
  }
}

// A title line is the report's own unless a link word stands before it (上一篇), or, printed
// as part of a breadcrumb or field (「首页 > …」, 「标题:…」), it names another year than the
// statistics period.
bool ReportInfoFinder::OwnTitle(std::string_view line, const std::string& chunk, int year) const {
  if (RE2::PartialMatch(chunk, *rules_.link.strict)) return false;
  bool labelled = chunk.find(':') != std::string::npos || chunk.find('>') != std::string::npos ||
                  StripSpaces(line).size() > chunk.size();
  return !labelled || !period_year_ || *period_year_ == year;
}

// 2. A title inside running text: a page's breadcrumb or header (「年报 平潭综合实验区2021年度
// 政府信息公开工作年度报告 来源：」), 「现发布《…报告》」. Links (上一篇) and titles naming another
// year than the statistics period are skipped.
void ReportInfoFinder::FindInlineTitle(const std::string& opening) {
  std::string text = ArabicYears(opening);
  re2::StringPiece input(text);
  re2::StringPiece m[2];
  size_t pos = 0;
  while (pos < text.size() &&
         rules_.title_inline.strict->Match(input, pos, text.size(), RE2::UNANCHORED, m, 2)) {
    size_t begin = m[0].data() - text.data();
    size_t end = begin + m[0].size();
    pos = end;
    // The title ends where the text does, or before a space, bracket or punctuation; else it is
    // a phrase such as 「关于编制2021年政府信息公开工作年度报告有关事项的通知」.
    if (end < text.size()) {
      std::string_view after(text.data() + end, CharLen(text, end));
      static constexpr std::string_view kEnds[] = {" ", "\n", "\t", "》", "」", "”", "\"", ")", "(",
                                                   ",", ".",  "。", ";",  ":",  "!", "?",  "、"};
      if (std::find(std::begin(kEnds), std::end(kEnds), after) == std::end(kEnds)) continue;
    }
    std::string_view run = NameRunBefore(text, begin);
    size_t line_start = text.rfind('\n', begin);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    size_t look = std::max(line_start, begin - std::min<size_t>(begin, run.size() + 24));
    if (RE2::PartialMatch(std::string_view(text).substr(look, begin - look), *rules_.link.strict)) {
      continue;
    }
    int year = std::stoi(std::string(m[1].data(), m[1].size()));
    if (period_year_ && *period_year_ != year) continue;
    std::string agency = StripLeadingVerbs(TrimAgency(std::string(run)));
    if (size_t about = agency.find("关于"); about != std::string::npos) agency.resize(about);
    bool full = RE2::PartialMatch(agency, *rules_.agency.strict);
    bool short_form = RE2::PartialMatch(agency, *rules_.short_agency.strict);
    if (!full && !short_form) {
      // A title named without its agency (「编制了2019年政府信息公开工作年度报告」) gives only a
      // year, weaker than the statistics period.
      if (!inline_year_) inline_year_ = year;
      continue;
    }
    title_year_ = year;
    info().title = agency + StripSpaces(std::string_view(m[0].data(), m[0].size()));
    Agency(agency, AgencyTrust::kTitle);
    return;
  }
}

// 3. The statistics period (「统计期限为2021年1月1日至12月31日」, 「统计时间为2017年度」) and
// 「由…编制」, in the first 60 lines of text.
void ReportInfoFinder::FindStatedPeriod() {
  int text_lines = 0;
  for (size_t i = 0; i < doc_.lines.size() && text_lines < 60; ++i) {
    const std::string& norm = doc_.lines[i].norm;
    if (Trim(norm).empty()) continue;
    ++text_lines;
    bool period = norm.find("12月31日") != std::string::npos;
    bool statistics = norm.find("统计") != std::string::npos;
    bool phrase = norm.find("编制") != std::string::npos ||
                  norm.find("编写") != std::string::npos || norm.find("公布") != std::string::npos;
    if (!period && !statistics && !phrase) continue;
    std::string stripped = StripSpaces(norm);
    std::string year, agency;
    if (!period_year_ && period && RE2::PartialMatch(stripped, *rules_.period.strict, &year)) {
      period_year_ = std::stoi(year);
    }
    if (!period_year_ && statistics &&
        RE2::PartialMatch(stripped, *rules_.statistics_time.strict, &year)) {
      period_year_ = std::stoi(year);
    }
    if (phrase && RE2::PartialMatch(stripped, *rules_.agency_phrase.strict, &agency)) {
      Agency(agency, AgencyTrust::kPhrase);
    }
  }
}

// 「2021年，河北省教育厅坚持…」 at the start of text: the year, and the agency (or its short
// form 「省人社厅」).
void ReportInfoFinder::TakeOpening(const std::string& text) {
  std::string year, agency;
  if (!RE2::PartialMatch(text, *rules_.opening.strict, &year, &agency)) return;
  Year(std::stoi(year), "text");
  Agency(agency, AgencyTrust::kOpening);
}

void ReportInfoFinder::FindOpeningSentences() {
  int text_lines = 0;
  for (size_t i = 0; i < doc_.lines.size() && text_lines < 60; ++i) {
    const std::string& norm = doc_.lines[i].norm;
    if (Trim(norm).empty()) continue;
    ++text_lines;
    if (norm.find("年,") == std::string::npos && norm.find("年以来,") == std::string::npos) {
      continue;
    }
    for (const std::string& chunk : Chunks(norm)) {
      if (chunk.size() >= 6 && (chunk[0] == '1' || chunk[0] == '2')) TakeOpening(chunk);
    }
  }
  // The opening sentence of 总体情况, also when it runs on after the heading on one line.
  if (const SectionSpan* overview = out_->Find("overview")) {
    std::string opening;
    for (const SpanLine& sl : LinesOf(doc_, *overview)) {
      opening += StripSpaces(sl.norm.substr(0, 400));
      if (opening.size() >= 200) break;
    }
    TakeOpening(opening);
  }
}

// 4. Period words: the year most often written 「2017年度」 in the opening and the start of
// 总体情况, outside the titles of other documents; else a title named without its agency.
void ReportInfoFinder::FindPeriodWords(const std::string& opening) {
  if (info().year) return;
  std::string text = opening;
  if (const SectionSpan* overview = out_->Find("overview")) {
    for (const SpanLine& sl : LinesOf(doc_, *overview)) {
      text.append(sl.norm.substr(0, 1500));
      if (text.size() >= opening.size() + 1500) break;
    }
  }
  std::string plain = WithoutBookTitles(StripSpaces(ArabicYears(text)));
  re2::StringPiece input(plain);
  std::map<int, int> votes;
  int first = 0;
  std::string year;
  while (RE2::FindAndConsume(&input, *rules_.period_words.strict, &year)) {
    int y = std::stoi(year);
    if (!first) first = y;
    ++votes[y];
  }
  int best = first, count = votes.empty() ? 0 : votes[first];
  for (const auto& [y, n] : votes) {
    if (n > count) best = y, count = n;
  }
  if (best) {
    Year(best, "text");
  } else if (inline_year_) {
    Year(*inline_year_, "text");
  }
}

// 5. The signature: the agency on the line above or below its date line, or before the date on
// one line; in flattened text, run into the end of the last sentence.
void ReportInfoFinder::FindSignature() {
  std::vector<std::string> tail;  // last lines first
  std::string last_long;
  for (size_t i = doc_.lines.size(); i > 0 && tail.size() < 8; --i) {
    std::string_view line = Trim(doc_.lines[i - 1].norm);
    if (line.empty()) continue;
    // Signature lines are short; a long last line is prose that may end in the signature.
    if (line.size() > 150 && tail.empty()) {
      last_long = StripSpaces(line.substr(line.size() > 900 ? line.size() - 900 : 0));
    }
    tail.push_back(line.size() <= 150 ? ArabicYears(StripSpaces(line)) : std::string());
  }
  if (!SignatureLines(tail) && !last_long.empty()) InlineSignature(last_long);
  if (signature_year_) Year(*signature_year_ - 1, "signature");
}

bool ReportInfoFinder::SignatureLines(const std::vector<std::string>& tail) {
  for (size_t t = 0; t < tail.size(); ++t) {
    re2::StringPiece m[2];
    const std::string& line = tail[t];
    if (line.empty() || !rules_.date.strict->Match(line, 0, line.size(), RE2::UNANCHORED, m, 2)) {
      continue;
    }
    size_t begin = m[0].data() - line.data();
    if (line.size() - (begin + m[0].size()) > 6) continue;  // a sentence with a date
    std::string agency = line.substr(0, begin);
    if (!RE2::PartialMatch(agency, *rules_.agency.strict)) agency = AgencyBeforeDate(line, begin);
    if (agency.empty() && t + 1 < tail.size() &&
        RE2::PartialMatch(tail[t + 1], *rules_.agency.strict)) {
      agency = tail[t + 1];
    }
    if (agency.empty() && t > 0 && RE2::PartialMatch(tail[t - 1], *rules_.agency.strict)) {
      agency = tail[t - 1];
    }
    if (agency.empty() && t > 0) continue;  // a date that signs nothing, above the last line
    signature_year_ = std::stoi(std::string(m[1].data(), m[1].size()));
    Agency(agency, AgencyTrust::kSignature);
    return true;
  }
  return false;
}

void ReportInfoFinder::InlineSignature(const std::string& last) {
  std::string text = ArabicYears(last);
  re2::StringPiece input(text);
  re2::StringPiece m[2];
  size_t pos = 0;
  std::optional<std::pair<size_t, int>> found;  // the last date near the end
  while (pos < text.size() &&
         rules_.date.strict->Match(input, pos, text.size(), RE2::UNANCHORED, m, 2)) {
    size_t begin = m[0].data() - text.data();
    pos = begin + m[0].size();
    if (CodePointCount(std::string_view(text).substr(pos)) <= 120) {
      found = {begin, std::stoi(std::string(m[1].data(), m[1].size()))};
    }
  }
  if (!found) return;
  std::string agency = AgencyBeforeDate(text, found->first);
  if (agency.empty()) return;
  signature_year_ = found->second;
  Agency(agency, AgencyTrust::kSignature);
}

// The agency run into the text before a signature's date (「…其他需要报告的事项无河北省人力资源
// 和社会保障厅」): a name the report gives elsewhere, else one starting at a province name, else
// the text after the last section's 「事项」 (and its 「无」).
std::string ReportInfoFinder::AgencyBeforeDate(std::string_view text, size_t date_begin) const {
  std::string run(NameRunBefore(text, date_begin));
  for (const AgencyEvidence& e : agencies_) {
    if (e.full && run.ends_with(e.printed)) return e.printed;
  }
  re2::StringPiece input(run);
  re2::StringPiece m[2];
  size_t pos = 0;
  while (pos < run.size() &&
         rules_.place.strict->Match(input, pos, run.size(), RE2::UNANCHORED, m, 2)) {
    size_t begin = m[0].data() - run.data();
    std::string candidate = run.substr(begin);
    if (RE2::PartialMatch(candidate, *rules_.agency.strict)) return candidate;
    pos = begin + m[0].size();
  }
  std::string rest = run;
  if (size_t p = rest.rfind("事项"); p != std::string::npos) rest.erase(0, p + 6);
  if (rest.starts_with("无")) rest.erase(0, 3);
  if (CodePointCount(rest) <= 24 && RE2::PartialMatch(rest, *rules_.agency.strict)) return rest;
  return "";
}

// 6. A scraped page's source field (「来源：平潭县人民政府」) and its <title>.
void ReportInfoFinder::FindFieldsAndPageTitle(const std::string& opening) {
  for (std::string_view line : SplitOn(opening, '\n')) {
    if (line.find(':') == std::string_view::npos) continue;
    std::string agency;
    if (RE2::PartialMatch(StripSpaces(line), *rules_.agency_field.strict, &agency)) {
      Agency(agency, AgencyTrust::kField);
      break;
    }
  }
  if (doc_.page_title.empty()) return;
  std::string agency, year;
  if (MatchTitle(rules_, StripSpaces(Normalizer().Normalize(doc_.page_title)), &agency, &year)) {
    Agency(agency, AgencyTrust::kPageTitle);
    Year(std::stoi(year), "page_title");
  }
}

// 「省工业和信息化厅」 in a report that names one province only (「河北省实施…办法」):
// 河北省工业和信息化厅.
std::string ReportInfoFinder::InferFromProvince(const std::string& short_form) const {
  if (!short_form.starts_with("省")) return "";
  std::set<std::string> provinces;
  for (const Line& line : doc_.lines) {
    if (line.norm.find("省") == std::string::npos) continue;
    re2::StringPiece input(line.norm);
    std::string name;
    while (RE2::FindAndConsume(&input, *rules_.place.strict, &name)) {
      if (name.ends_with("省")) provinces.insert(name);
      if (provinces.size() > 1) return "";
    }
  }
  if (provinces.size() != 1) return "";
  std::string full = *provinces.begin() + short_form.substr(3);
  return RE2::PartialMatch(full, *rules_.agency.strict) ? full : "";
}

void ReportInfoFinder::ChooseAgency() {
  std::stable_sort(agencies_.begin(), agencies_.end(),
                   [](const AgencyEvidence& a, const AgencyEvidence& b) {
                     return static_cast<int>(a.trust) < static_cast<int>(b.trust);
                   });
  const AgencyEvidence* chosen = nullptr;
  for (const AgencyEvidence& e : agencies_) {
    if (e.full) {
      chosen = &e;
      break;
    }
  }
  std::string agency, source;
  if (chosen) {
    agency = chosen->printed;
    source = SourceName(chosen->trust);
  } else {
    for (const AgencyEvidence& e : agencies_) {
      agency = InferFromProvince(e.printed);
      if (!agency.empty()) {
        source = "text";
        break;
      }
    }
  }
  if (agency.empty()) return;
  info().agency = agency;
  info().agency_source = source;
  info().agency_printed = agency;
  // The form printed: the title's, else a short form standing for this agency (省人社厅).
  for (const AgencyEvidence& e : agencies_) {
    if (e.trust == AgencyTrust::kTitle && (e.full || ShortFormOf(e.printed, agency))) {
      info().agency_printed = e.printed;
      return;
    }
  }
  for (const AgencyEvidence& e : agencies_) {
    if (!e.full && ShortFormOf(e.printed, agency)) {
      info().agency_printed = e.printed;
      return;
    }
  }
}

void ReportInfoFinder::Diagnose() {
  if (info().agency.empty()) {
    out_->diagnostics.push_back({Severity::kWarning, "report.agency_missing",
                                 "no title, signature or sentence names the agency"});
  }
  if (!info().year) {
    out_->diagnostics.push_back({Severity::kWarning, "report.year_missing",
                                 "no title, statistics period or signature gives the year"});
  } else if (info().year_source == "signature" || info().year_source == "text") {
    Diagnostic d{Severity::kInfo, "report.year_inferred",
                 "year taken from the " + info().year_source + ", not from a title"};
    out_->diagnostics.push_back(std::move(d));
  }
}

}  // namespace

void FindReportInfo(const Document& doc, const GrammarSet& grammars, size_t first_line,
                    size_t first_col, Segments* out) {
  ReportInfoFinder(doc, grammars, first_line, first_col, out).Run();
}

std::string ArabicYears(const std::string& s) {
  static constexpr std::pair<std::string_view, char> kDigits[] = {
      {"〇", '0'}, {"○", '0'},  {"零", '0'}, {"O", '0'},  {"一", '1'}, {"二", '2'}, {"三", '3'},
      {"四", '4'}, {"五", '5'}, {"六", '6'}, {"七", '7'}, {"八", '8'}, {"九", '9'}};
  if (s.find("年") == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    std::string digits;
    size_t j = i;
    while (digits.size() < 4) {
      bool found = false;
      for (const auto& [glyph, digit] : kDigits) {
        if (s.compare(j, glyph.size(), glyph) == 0) {
          digits.push_back(digit);
          j += glyph.size();
          found = true;
          break;
        }
      }
      if (!found) break;
    }
    if (digits.size() == 4 && (digits.starts_with("19") || digits.starts_with("20")) &&
        s.compare(j, std::string_view("年").size(), "年") == 0) {
      out += digits;
      i = j;
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

bool MatchTitle(const ReportRules& rules, const std::string& printed, std::string* agency,
                std::string* year) {
  const std::string chunk = ArabicYears(printed);
  if (RE2::PartialMatch(chunk, *rules.title.strict, agency, year)) {
    *agency = TrimAgency(*agency);
    return true;
  }
  if (!RE2::PartialMatch(chunk, *rules.title_year_first.strict, year, agency)) return false;
  *agency = TrimAgency(*agency);
  // The shortest agency stops before 「政府信息公开」, whose 政府 may be the agency's own
  // (「淮安市人民政府信息公开…」, 「上海市政府信息公开…」).
  if (!RE2::PartialMatch(*agency, *rules.agency.strict)) {
    std::string longer = *agency + "政府";
    if (chunk.find(longer + "信息公开") != std::string::npos &&
        RE2::PartialMatch(longer, *rules.agency.strict)) {
      *agency = std::move(longer);
    }
  }
  return true;
}

}  // namespace gongkai
