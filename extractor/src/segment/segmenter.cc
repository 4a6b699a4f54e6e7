#include "segment/segmenter.h"

#include <algorithm>

#include "segment/report_info.h"
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

// The value of a heading's numbering (「五、」, 「第五部分」, 「(五)」, 「5.」, 「五是」); 0 if
// none.
int NumberingValue(std::string_view numbering) {
  std::string digits, numerals;
  for (size_t i = 0; i < numbering.size();) {
    char c = numbering[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      ++i;
      continue;
    }
    size_t n = (static_cast<unsigned char>(c) & 0xE0) == 0xE0 ? 3 : 1;
    std::string_view ch = numbering.substr(i, n);
    if (n == 3 && std::string_view("一二三四五六七八九十").find(ch) != std::string_view::npos) {
      numerals.append(ch);
    }
    i += n;
  }
  if (!digits.empty()) return digits.size() <= 2 ? std::stoi(digits) : 0;
  return ChineseNumeralValue(numerals);
}

// All heading matches of one numbering style in one line, in order of position.
std::vector<HeadingHit> FindHeadings(const GrammarSet& grammars, const RE2& re, const Line& line,
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
  const int groups = 1 + re.NumberOfCapturingGroups();
  const int first_section = groups - static_cast<int>(grammars.sections().size());
  std::vector<re2::StringPiece> m(groups);
  size_t pos = 0;
  while (pos < text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, m.data(), groups)) {
    size_t begin = m[0].data() - text.data();
    size_t end = begin + m[0].size();
    pos = end > begin ? end : begin + 1;
    // A numeral glued to another numeral or to 第 is part of something else (十一, 第三, 2.5).
    std::string_view before = text.substr(0, begin);
    if (EndsWithChineseNumeral(before)) continue;
    bool digits = m[1].size() > 0 && m[1][0] >= '0' && m[1][0] <= '9';
    if (digits && !before.empty() &&
        ((before.back() >= '0' && before.back() <= '9') || before.back() == '.')) {
      continue;
    }
    int ordinal = NumberingValue(m[1]);
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

// The headings of one numbering style, in order: a heading is taken when its section comes
// later in the canonical order, or when its printed number continues the last one (the pre-2019
// order puts 收费及减免 before or after 复议、诉讼). A second run of the same headings restarts
// when the first was a table of contents.
std::vector<HeadingHit> AcceptHeadings(const Document& doc, const GrammarSet& grammars,
                                       const RE2& re) {
  std::vector<HeadingHit> accepted;
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    if (doc.lines[i].norm.empty()) continue;
    for (const HeadingHit& hit : FindHeadings(grammars, re, doc.lines[i], i)) {
      bool seen = std::any_of(accepted.begin(), accepted.end(),
                              [&](const HeadingHit& a) { return a.rule == hit.rule; });
      bool later = accepted.empty() || hit.rule > accepted.back().rule;
      bool continues = !accepted.empty() && hit.ordinal == accepted.back().ordinal + 1;
      if ((later && !seen) || continues) {
        accepted.push_back(hit);
        continue;
      }
      // The headings hold next to nothing between them: a table of contents. Restart.
      auto first_same = std::find_if(accepted.begin(), accepted.end(), [&](const HeadingHit& a) {
        return a.rule == hit.rule && a.ordinal == hit.ordinal;
      });
      if (first_same == accepted.end()) continue;
      size_t since = static_cast<size_t>(accepted.end() - first_same);
      if (hit.line - first_same->line <= 3 + since) {
        accepted.erase(first_same, accepted.end());
        accepted.push_back(hit);
      }
    }
  }
  return accepted;
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

}  // namespace

Segments Segment(const Document& doc, const GrammarSet& grammars) {
  Segments out;
  std::vector<HeadingHit> accepted = AcceptHeadings(doc, grammars, grammars.any_heading());
  // Reports numbered otherwise (第一部分, (一), 1., 一是): the style that finds most sections,
  // only when 「一、」 finds at most one (else (一)… are its sub-headings).
  if (accepted.size() <= 1) {
    for (const auto& re : grammars.alternative_headings()) {
      std::vector<HeadingHit> other = AcceptHeadings(doc, grammars, *re);
      if (other.size() >= 2 && other.size() > accepted.size() + 1) accepted = std::move(other);
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
  size_t first_col = accepted.empty() ? 0 : accepted.front().begin;
  FindReportInfo(doc, grammars, first_line, first_col, &out);
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
