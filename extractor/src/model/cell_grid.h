// A table as its own structure gives it — HTML markup, a Word table, the rules a PDF draws —
// before anything decides which cells are labels, values or headers: rows × columns, each cell
// anchored at its top-left slot with its row and column spans. Loaders produce it; the tables
// stage interprets it once for every format (tables/cell_grid_reader.h).
#ifndef GONGKAI_MODEL_CELL_GRID_H_
#define GONGKAI_MODEL_CELL_GRID_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gongkai {

struct GridCell {
  int row = 0;  // top-left slot, 0-based
  int col = 0;
  int row_span = 1;
  int col_span = 1;
  std::string text;  // as printed; line breaks inside the cell removed, runs of spaces kept as one
  std::string norm;  // NFKC matching copy, trimmed (filled by Normalize)
  bool header = false;  // <th>, or a Word row marked as a repeated header
  int line = 0;         // the Document line (1-based number) that carries the cell's top row
  std::optional<int> page;
  std::optional<std::array<double, 4>> box;  // PDFs: x0, y0, x1, y1 on the page, in points
  std::string path;  // where in the source: "table[2]/tr[5]/td[3]" (HTML), "tbl[2]/tr[5]/tc[3]"
};

struct CellGrid {
  std::string source;  // "html", "docx", "pdf-rules"
  std::string id;      // the table's name in its source: "table[2]", "tbl[1]", "p3 rules[1]"
  int rows = 0;
  int cols = 0;
  // The Document lines (indices into Document::lines) that hold the table's text: the segmenter
  // sees the table there, the tables stage finds a section's grids by them. HTML and DOCX
  // loaders print row r's cells, joined by tabs, as line first_line + r.
  size_t first_line = 0;
  size_t last_line = 0;
  std::vector<GridCell> cells;  // in row-major order of their top-left slots

  // The cell covering slot (row, col), or null for a slot no cell covers.
  const GridCell* At(int row, int col) const;
};

// A picture standing where the report prints something: a table shown as an image.
struct Picture {
  size_t line = 0;  // index into Document::lines of the line where it stands
  std::string src;
  std::string alt;
};

// Stable text form: "grid <source> <id> rows=R cols=C lines=a-b", then one line per cell:
// "r<row>c<col> <rowspan>x<colspan> [th] <text>".
std::string DumpCellGrid(const CellGrid& grid);

}  // namespace gongkai

#endif  // GONGKAI_MODEL_CELL_GRID_H_
