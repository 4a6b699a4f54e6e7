#include "model/table_grid.h"

#include "util/number.h"
#include "util/text.h"

namespace gongkai {

Cell MakeCell(std::string text, int line, std::optional<int> page, int col) {
  Cell c;
  switch (ParseCellNumber(text).kind) {
    case CellNumber::Kind::kNumber:
      c.kind = CellKind::kNumber;
      break;
    case CellNumber::Kind::kBlank:
      c.kind = CellKind::kBlank;
      break;
    case CellNumber::Kind::kText:
      c.kind = CellKind::kText;
      c.key = StripSpaces(text);
      break;
  }
  c.text = std::move(text);
  c.line = line;
  c.page = page;
  c.col = col;
  return c;
}

Cell MakeRun(std::string text, int line, std::optional<int> page) {
  Cell c;
  c.kind = CellKind::kRun;
  c.text = std::move(text);
  c.line = line;
  c.page = page;
  return c;
}

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
    case Layout::kGeometry:
      return "pdf-geometry";
    case Layout::kCellGrid:
      return "cell-grid";
  }
  return "none";
}

std::string DumpGrid(const TableGrid& grid) {
  std::string out = "table " + grid.table + " layout=" + LayoutName(grid.layout) +
                    " rows=" + std::to_string(grid.rows.size()) + "\n";
  for (const Row& row : grid.rows) {
    out += std::to_string(row.line) + "\t";
    for (size_t i = 0; i < row.labels.size(); ++i) {
      if (i) out += "|";
      out += row.labels[i].text;
    }
    out += "\t=>\t";
    for (size_t i = 0; i < row.values.size(); ++i) {
      if (i) out += "|";
      const Cell& c = row.values[i];
      out += c.text.empty() ? "_" : (c.kind == CellKind::kRun ? "[" + c.text + "]" : c.text);
    }
    out += "\n";
  }
  return out;
}

}  // namespace gongkai
