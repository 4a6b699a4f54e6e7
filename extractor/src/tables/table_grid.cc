#include "tables/table_grid.h"

namespace gongkai {

const char* LayoutName(Layout layout) {
  switch (layout) {
    case Layout::kNone:
      return "none";
    case Layout::kTabbed:
      return "tabbed";
    case Layout::kSpaced:
      return "spaced";
    case Layout::kCellPerLine:
      return "cell-per-line";
    case Layout::kFlattened:
      return "flattened";
  }
  return "none";
}

std::string DumpGrid(const TableGrid& grid) {
  std::string out = "table " + grid.table + " layout=" + LayoutName(grid.layout) + " rows=" +
                    std::to_string(grid.rows.size()) + "\n";
  for (const Row& row : grid.rows) {
    out += std::to_string(row.line) + "\t";
    for (size_t i = 0; i < row.labels.size(); ++i) {
      if (i) out += "|";
      out += row.labels[i].text;
    }
    out += "\t=>\t";
    for (size_t i = 0; i < row.values.size(); ++i) {
      if (i) out += "|";
      out += row.values[i].text.empty() ? "_" : row.values[i].text;
    }
    out += "\n";
  }
  return out;
}

}  // namespace gongkai
