// The segment stage's output: where each of the six sections lies in a Document, and the
// report's agency, year and title. Every later stage reads section bodies through LinesOf.
#ifndef GONGKAI_MODEL_SEGMENTS_H_
#define GONGKAI_MODEL_SEGMENTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "gongkai/record.h"
#include "model/document.h"

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

}  // namespace gongkai

#endif  // GONGKAI_MODEL_SEGMENTS_H_
