// The tables stage's output: a section's table as rows of label cells and value cells, whatever
// the input's layout was (tabs, spaces, one cell per line, PDF geometry).
#ifndef GONGKAI_MODEL_TABLE_GRID_H_
#define GONGKAI_MODEL_TABLE_GRID_H_

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace gongkai {

// kRun: the digits of several cells run together (flattened tables); the figures stage splits it.
enum class CellKind { kText, kNumber, kBlank, kRun };

struct Cell {
  std::string text;  // normalized (NFKC) and trimmed; empty for a blank cell
  int line = 0;
  std::optional<int> page;
  int col = -1;  // position among the printed row's cells, where the layout shows it
  CellKind kind = CellKind::kBlank;  // how text reads (util/number.h), set by MakeCell
  std::string key;  // text cells: the text with spaces removed, as label patterns see it
  std::optional<std::array<double, 4>> box;  // PDFs: x0, y0, x1, y1 on the page, in points
  // Cell grids: the grid's index in Document::grids, the cell's top-left slot (0-based), and
  // where in the source it stands (「table[2]/tr[5]/td[3]」).
  int grid = -1;
  int grid_row = -1;
  int grid_col = -1;
  std::string path;
};

// A cell with its kind worked out once.
Cell MakeCell(std::string text, int line, std::optional<int> page, int col = -1);
// A run of digits (signs, decimal points, a unit) that holds several cells.
Cell MakeRun(std::string text, int line, std::optional<int> page);

struct Row {
  std::vector<Cell> labels;  // the non-empty text cells before the values, left to right
  std::vector<Cell> values;  // the cells after the last label: numbers and blank cells
  int line = 0;
  std::optional<int> page;
  std::string text;  // the row as printed, cells joined by tabs (for provenance)
  // True when the layout shows where blank cells are (tab-separated cells, cell gaps, PDF
  // columns); false when blanks simply vanish (numbers separated by single spaces).
  bool explicit_blanks = false;
  // Flattened text: labels holds one text run (possibly several labels and headers glued
  // together), values at most one kRun cell with the row's digits glued together.
  bool flattened = false;
};

enum class Layout { kNone, kTabbed, kSpaced, kCellPerLine, kFlattened, kGeometry, kCellGrid };

const char* LayoutName(Layout layout);

struct TableGrid {
  std::string table;  // proactive, requests, appeals
  Layout layout = Layout::kNone;
  std::vector<Row> rows;
};

// Stable text form, one row per line: "<line>\t<label>|<label>\t=>\t<v>|<v>|_" (_ = blank cell).
std::string DumpGrid(const TableGrid& grid);

}  // namespace gongkai

#endif  // GONGKAI_MODEL_TABLE_GRID_H_
