// Reads a table out of the text lines of a section, for the layouts real text reports use:
// tab-separated cells (PDF text copied out), cells separated by runs of spaces, and one cell per
// line where the number of line breaks between cells tells cell, row and blank cell apart.
#ifndef GONGKAI_TABLES_TEXT_TABLES_H_
#define GONGKAI_TABLES_TEXT_TABLES_H_

#include <string>
#include <vector>

#include "model/segments.h"
#include "model/table_grid.h"

namespace gongkai {

TableGrid BuildTextGrid(const std::string& table, const std::vector<SpanLine>& lines);

// True when cell text reads as a number (see util/number.h).
bool IsNumericCell(std::string_view text);

}  // namespace gongkai

#endif  // GONGKAI_TABLES_TEXT_TABLES_H_
