#include "segment/segmenter.h"

#include <algorithm>

#include "util/text.h"

namespace gongkai {
namespace {

struct HeadingHit {
  size_t rule = 0;  // index into grammars.sections()
  size_t line = 0;
  size_t begin = 0;  // byte offsets into norm
  size_t end = 0;
  int ordinal = 0;
};

bool EndsWithChineseNumeral(std::string_view s) {
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六",
                                                   "七", "八", "九", "十", "第"};
  for (std::string_view n : kNumerals) {
    if (s.size() >= n.size() && s.substr(s.size() - n.size()) == n) return true;
  }
  return false;
}

// All heading matches in one line, in order of position: one pass of the combined pattern.
std::vector<HeadingHit> FindHeadings(const GrammarSet& grammars, const Line& line,
                                     size_t line_index) {
  std::vector<HeadingHit> hits;
  std::string_view text = line.norm;
  bool keyword = false;
  for (const std::string& k : grammars.heading_keywords()) {
    if (text.find(k) != std::string_view::npos) {
      keyword = true;
      break;
    }
  }
  if (!keyword) return hits;
  const RE2& re = grammars.any_heading();
  const int groups = 1 + re.NumberOfCapturingGroups();
  const int first_section = 2 + grammars.numbering().NumberOfCapturingGroups();
  std::vector<re2::StringPiece> m(groups);
  size_t pos = 0;
  while (pos < text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, m.data(), groups)) {
    size_t begin = m[0].data() - text.data();
    size_t end = begin + m[0].size();
    pos = end > begin ? end : begin + 1;
    // A numeral glued to another numeral or to 第 is part of something else (十一, 第三).
    if (EndsWithChineseNumeral(text.substr(0, begin))) continue;
    std::string numeral;
    RE2::PartialMatch(m[1], grammars.numbering(), &numeral);
    int ordinal = ChineseNumeralValue(numeral);
    if (ordinal < 1 || ordinal > 10) continue;
    for (int g = first_section; g < groups; ++g) {
      if (m[g].data() != nullptr) {
        hits.push_back({static_cast<size_t>(g - first_section), line_index, begin, end, ordinal});
        break;
      }
    }
  }
  return hits;
}

std::string HeadingText(const Line& line, const HeadingHit& hit) {
  std::string_view norm = line.norm;
  // A heading alone on its line is reported as printed, with any short trailing note such as
  // （无）; one that text follows on its line is reported alone.
  if ((hit.begin == 0 || Trim(norm.substr(0, hit.begin)).empty()) &&
      CodePointCount(Trim(norm.substr(hit.end))) <= 8) {
    std::string_view original = Trim(line.text);
    if (CodePointCount(original) <= 40) return std::string(original);
  }
  return std::string(norm.substr(hit.begin, hit.end - hit.begin));
}

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

// The agency a title names, without quotes and the 「关于」 around it (「《…关于」,
// 「…人民政府关于」).
std::string TrimAgency(std::string agency) {
  static constexpr std::string_view kStrip[] = {"关于", "《", "》", "\"", "“", "”"};
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

// 「2021年，河北省教育厅坚持…」 at the start of text: the year and agency it names, where not
// known.
void TakeOpening(const ReportRules& rules, const std::string& text, ReportInfo* info) {
  std::string year, agency;
  if (!RE2::PartialMatch(text, *rules.opening.strict, &year, &agency)) return;
  if (!info->year) {
    info->year = std::stoi(year);
    info->year_source = "text";
  }
  if (info->agency.empty() && RE2::PartialMatch(agency, *rules.agency.strict)) {
    info->agency = agency;
    info->agency_source = "text";
  }
}

void FindReportInfo(const Document& doc, const GrammarSet& grammars, size_t first_heading_line,
                    Segments* out) {
  const ReportRules& rules = grammars.report();
  ReportInfo& info = out->info;
  // 1. The title, among the lines before the first section (at most 40 of them).
  size_t limit = std::min(first_heading_line + 1, doc.lines.size());
  std::string previous_chunk;
  int seen = 0;
  for (size_t i = 0; i < limit && seen < 40 && info.title.empty(); ++i) {
    const Line& line = doc.lines[i];
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
      // A title is short; prose that mentions a 报告 is not one. A title wrapped over two lines
      // (「河北省教育厅2021年度」 「政府信息公开工作年度报告」) is read joined.
      bool matched = chunk.size() <= 240 && MatchTitle(rules, chunk, &agency, &year);
      if (!matched && !previous_chunk.empty() && previous_chunk.size() + chunk.size() <= 240 &&
          MatchTitle(rules, previous_chunk + chunk, &agency, &year)) {
        matched = true;
        chunk = previous_chunk + chunk;
        previous_chunk.clear();
      }
      if (matched) {
        if (agency.empty() && RE2::PartialMatch(previous_chunk, *rules.agency.strict)) {
          agency = previous_chunk;
          info.title = previous_chunk;
        }
        if (!agency.empty() && !RE2::PartialMatch(agency, *rules.agency.strict)) agency.clear();
        info.title += chunk;
        info.year = std::stoi(year);
        info.year_source = "title";
        if (!agency.empty()) {
          info.agency = agency;
          info.agency_source = "title";
        }
        break;
      }
      previous_chunk = piece;
    }
  }
  // 2. The statistics period, 「由…编制」 (or 「现公布…年度报告」) and the opening sentence, in the
  // first 60 lines of text.
  int text_lines = 0;
  for (size_t i = 0; i < doc.lines.size() && text_lines < 60; ++i) {
    const std::string& norm = doc.lines[i].norm;
    if (Trim(norm).empty()) continue;
    ++text_lines;
    std::string year;
    std::string agency;
    bool period = !info.year && norm.find("12月31日") != std::string::npos;
    bool phrase = info.agency.empty() && (norm.find("编制") != std::string::npos ||
                                          norm.find("编写") != std::string::npos ||
                                          norm.find("公布") != std::string::npos);
    if (period || phrase) {
      std::string stripped = StripSpaces(norm);
      if (period && RE2::PartialMatch(stripped, *rules.period.strict, &year)) {
        info.year = std::stoi(year);
        info.year_source = "period";
      }
      if (phrase && RE2::PartialMatch(stripped, *rules.agency_phrase.strict, &agency) &&
          RE2::PartialMatch(agency, *rules.agency.strict)) {
        info.agency = agency;
        info.agency_source = "text";
      }
    }
    if ((info.year && !info.agency.empty()) ||
        (norm.find("年,") == std::string::npos && norm.find("年以来,") == std::string::npos)) {
      continue;
    }
    for (const std::string& chunk : Chunks(norm)) {
      if (chunk.size() >= 6 && (chunk[0] == '1' || chunk[0] == '2'))
        TakeOpening(rules, chunk, &info);
    }
  }
  // 3. The opening sentence of 总体情况, also when it runs on after the heading on one line.
  if (const SectionSpan* overview = out->Find("overview");
      overview && (info.agency.empty() || !info.year)) {
    std::string opening;
    for (const SpanLine& sl : LinesOf(doc, *overview)) {
      opening += StripSpaces(sl.norm);
      if (opening.size() >= 200) break;
    }
    TakeOpening(rules, opening, &info);
  }
  // 4. The signature: an agency line followed by a date line, near the end.
  std::vector<std::string> tail;
  for (size_t i = doc.lines.size(); i > 0 && tail.size() < 8; --i) {
    std::string_view line = Trim(doc.lines[i - 1].norm);
    if (line.empty()) continue;
    // Signature lines are short; a long last line is prose.
    tail.push_back(line.size() <= 150 ? StripSpaces(line) : std::string());
  }
  for (size_t t = 0; t + 1 < tail.size(); ++t) {
    std::string year;
    if (!RE2::PartialMatch(tail[t], *rules.signature_date.strict, &year)) continue;
    if (!RE2::PartialMatch(tail[t + 1], *rules.agency.strict)) continue;
    if (info.agency.empty() || info.agency_source == "text") {
      info.agency = tail[t + 1];
      info.agency_source = "signature";
    }
    if (!info.year) {
      info.year = std::stoi(year) - 1;  // reports are published early in the following year
      info.year_source = "signature";
    }
    break;
  }
  if (info.agency.empty()) {
    out->diagnostics.push_back({Severity::kWarning, "report.agency_missing",
                                "no title, signature or sentence names the agency"});
  }
  if (!info.year) {
    out->diagnostics.push_back({Severity::kWarning, "report.year_missing",
                                "no title, statistics period or signature gives the year"});
  } else if (info.year_source == "signature" || info.year_source == "text") {
    Diagnostic d{Severity::kInfo, "report.year_inferred",
                 "year taken from the " + info.year_source + ", not from a title"};
    out->diagnostics.push_back(std::move(d));
  }
}

}  // namespace

// 「二〇二一年」 → 「2021年」: formal titles print the year in Chinese digits.
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

Segments Segment(const Document& doc, const GrammarSet& grammars) {
  Segments out;
  std::vector<HeadingHit> accepted;
  size_t order_of_last = 0;
  bool any = false;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    if (doc.lines[i].norm.empty()) continue;
    for (const HeadingHit& hit : FindHeadings(grammars, doc.lines[i], i)) {
      if (!any || hit.rule > order_of_last) {
        accepted.push_back(hit);
        order_of_last = hit.rule;
        any = true;
        continue;
      }
      // A second run of the same headings: the first was a table of contents if its sections
      // hold next to nothing. Restart from this heading.
      auto first_same = std::find_if(accepted.begin(), accepted.end(),
                                     [&](const HeadingHit& a) { return a.rule == hit.rule; });
      if (first_same == accepted.end()) continue;
      size_t since = static_cast<size_t>(accepted.end() - first_same);
      if (hit.line - first_same->line <= 3 + since) {
        accepted.erase(first_same, accepted.end());
        accepted.push_back(hit);
        order_of_last = hit.rule;
      }
    }
  }
  for (size_t k = 0; k < accepted.size(); ++k) {
    const HeadingHit& hit = accepted[k];
    const Line& line = doc.lines[hit.line];
    SectionSpan span;
    span.section.id = grammars.sections()[hit.rule].key;
    span.section.ordinal = hit.ordinal;
    span.section.heading = HeadingText(line, hit);
    span.section.page = line.page;
    span.section.line = line.number;
    span.begin_line = hit.line;
    span.heading_col = hit.begin;
    span.begin_col = hit.end;
    if (k + 1 < accepted.size()) {
      span.end_line = accepted[k + 1].line;
      span.end_col = accepted[k + 1].begin;
    } else {
      span.end_line = doc.lines.size();
      span.end_col = 0;
    }
    out.spans.push_back(std::move(span));
  }
  size_t first_line = accepted.empty() ? doc.lines.size() : accepted.front().line;
  FindReportInfo(doc, grammars, first_line, &out);
  return out;
}

std::string DumpSegments(const Segments& segments) {
  std::string out;
  const ReportInfo& info = segments.info;
  out += "report agency=" + info.agency + " (" + info.agency_source +
         ") year=" + (info.year ? std::to_string(*info.year) : std::string("?")) + " (" +
         info.year_source + ") title=" + info.title + "\n";
  for (const SectionSpan& s : segments.spans) {
    out += "section " + s.section.id + " ordinal=" + std::to_string(s.section.ordinal) +
           " line=" + std::to_string(s.section.line) + " col=" + std::to_string(s.heading_col) +
           " heading=" + s.section.heading + "\n";
  }
  for (const Diagnostic& d : segments.diagnostics) out += "diagnostic " + d.code + "\n";
  return out;
}

}  // namespace gongkai
