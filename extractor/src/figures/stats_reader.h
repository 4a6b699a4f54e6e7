// Reading the pre-2019 政府信息公开情况统计表: a list of indicators, each with its unit and value,
// printed as label, unit, number in whatever layout the page came in.
#ifndef GONGKAI_FIGURES_STATS_READER_H_
#define GONGKAI_FIGURES_STATS_READER_H_

#include <string>
#include <vector>

#include "figures/figures.h"
#include "grammar/grammar.h"
#include "model/segments.h"
#include "model/table_grid.h"

namespace gongkai {

// The lines of the 统计表: from its 「统计指标 … 统计数」 header to the end of the document.
// Returns false when the document has no such table.
bool FindStatsTable(const Document& doc, size_t* first_line);

// One row per non-empty cell (cells split at tabs and runs of spaces), in reading order.
TableGrid BuildTokenGrid(const std::string& table, const std::vector<SpanLine>& lines);

// Reads the indicators: text cells name the next value, unit cells give its unit.
TableFigures ReadStats(const TableGrid& grid, const TableGrammar& grammar);

}  // namespace gongkai

#endif  // GONGKAI_FIGURES_STATS_READER_H_
