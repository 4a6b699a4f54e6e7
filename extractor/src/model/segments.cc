#include "model/segments.h"

namespace gongkai {

const SectionSpan* Segments::Find(const std::string& id) const {
  for (const SectionSpan& s : spans) {
    if (s.section.id == id) return &s;
  }
  return nullptr;
}

std::vector<SpanLine> LinesOf(const Document& doc, const SectionSpan& span) {
  std::vector<SpanLine> out;
  for (size_t i = span.begin_line; i < doc.lines.size() && i <= span.end_line; ++i) {
    std::string_view norm = doc.lines[i].norm;
    size_t begin = i == span.begin_line ? span.begin_col : 0;
    size_t end = norm.size();
    if (i == span.end_line) {
      if (span.end_line >= doc.lines.size()) break;
      end = span.end_col;
    }
    if (begin > end) begin = end;
    out.push_back({&doc.lines[i], norm.substr(begin, end - begin)});
  }
  return out;
}

}  // namespace gongkai
