// The segment stage: the six canonical sections found by their numbered headings (also when a
// heading runs on after other text on the same line), and the report's agency, year and title.
#ifndef GONGKAI_SEGMENT_SEGMENTER_H_
#define GONGKAI_SEGMENT_SEGMENTER_H_

#include <string>
#include <vector>

#include "gongkai/record.h"
#include "grammar/grammar.h"
#include "load/document.h"

namespace gongkai {

// Where a section's body lies: from (line, byte offset into its norm text) up to the next
// section's heading (exclusive), or the end of the document.
struct SectionSpan {
  Section section;
  size_t begin_line = 0;   // index into Document::lines of the heading's line
  size_t begin_col = 0;    // byte offset into norm just after the heading
  size_t heading_col = 0;  // byte offset into norm where the heading starts
  size_t end_line = 0;     // index of the line holding the next heading (or lines.size())
  size_t end_col = 0;      // byte offset into that line's norm where the next heading starts
};

struct Segments {
  std::vector<SectionSpan> spans;  // in document order
  ReportInfo info;                 // agency, year, title (template is decided later)
  std::vector<Diagnostic> diagnostics;

  const SectionSpan* Find(const std::string& id) const;
};

// A piece of one line inside a span: the norm text between two offsets.
struct SpanLine {
  const Line* line;
  std::string_view norm;  // the part of line->norm inside the span
};

// The lines of a span in order, cut at the heading offsets.
std::vector<SpanLine> LinesOf(const Document& doc, const SectionSpan& span);

Segments Segment(const Document& doc, const GrammarSet& grammars);

// A title line: 「尖扎县教育局2021年度政府信息公开工作年度报告」 or, year first,
// 「2022年上海市政府信息公开工作年度报告」 (normalized, spaces removed). The agency is left empty
// when the title names none that looks like an agency.
bool MatchTitle(const ReportRules& rules, const std::string& title, std::string* agency,
                std::string* year);

std::string DumpSegments(const Segments& segments);

}  // namespace gongkai

#endif  // GONGKAI_SEGMENT_SEGMENTER_H_
