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

}  // namespace

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
