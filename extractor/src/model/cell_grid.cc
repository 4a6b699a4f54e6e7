#include "model/cell_grid.h"

namespace gongkai {

const GridCell* CellGrid::At(int row, int col) const {
  for (const GridCell& c : cells) {
    if (row >= c.row && row < c.row + c.row_span && col >= c.col && col < c.col + c.col_span) {
      return &c;
    }
  }
  return nullptr;
}

std::string DumpCellGrid(const CellGrid& grid) {
  std::string out = "grid " + grid.source + " " + grid.id + " rows=" + std::to_string(grid.rows) +
                    " cols=" + std::to_string(grid.cols) +
                    " lines=" + std::to_string(grid.first_line + 1) + "-" +
                    std::to_string(grid.last_line + 1) + "\n";
  for (const GridCell& c : grid.cells) {
    out += 'r';
    out += std::to_string(c.row);
    out += 'c';
    out += std::to_string(c.col);
    out += ' ';
    out += std::to_string(c.row_span);
    out += 'x';
    out += std::to_string(c.col_span);
    out += c.header ? " th " : " ";
    out += c.text.empty() ? std::string("_") : c.text;
    out += '\n';
  }
  return out;
}

}  // namespace gongkai
