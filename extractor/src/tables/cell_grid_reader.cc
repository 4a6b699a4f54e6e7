#include "tables/cell_grid_reader.h"

#include <algorithm>

namespace gongkai {
namespace {

// Slot (row, col) → index of the covering cell, -1 where no cell covers it. A cell whose spans
// overlap an earlier cell's (broken markup) gives way to the earlier one.
std::vector<std::vector<int>> Occupancy(const CellGrid& grid) {
  std::vector<std::vector<int>> occ(
      static_cast<size_t>(std::max(grid.rows, 0)),
      std::vector<int>(static_cast<size_t>(std::max(grid.cols, 0)), -1));
  for (size_t i = 0; i < grid.cells.size(); ++i) {
    const GridCell& c = grid.cells[i];
    for (int r = c.row; r < c.row + c.row_span && r < grid.rows; ++r) {
      for (int k = c.col; k < c.col + c.col_span && k < grid.cols; ++k) {
        if (r < 0 || k < 0) continue;
        int& slot = occ[static_cast<size_t>(r)][static_cast<size_t>(k)];
        if (slot < 0) slot = static_cast<int>(i);
      }
    }
  }
  return occ;
}

int LineNumberOf(const CellGrid& grid, int r, const std::vector<int>& slots) {
  for (int idx : slots) {
    if (idx >= 0 && grid.cells[static_cast<size_t>(idx)].row == r) {
      return grid.cells[static_cast<size_t>(idx)].line;
    }
  }
  for (int idx : slots) {
    if (idx >= 0) return grid.cells[static_cast<size_t>(idx)].line;
  }
  return 0;
}

}  // namespace

std::vector<Row> CellGridRows(const CellGrid& grid, int index) {
  std::vector<Row> rows;
  std::vector<std::vector<int>> occ = Occupancy(grid);
  for (int r = 0; r < grid.rows; ++r) {
    const std::vector<int>& slots = occ[static_cast<size_t>(r)];
    // The row's distinct cells, left to right.
    std::vector<int> distinct;
    for (int idx : slots) {
      if (idx >= 0 && (distinct.empty() || distinct.back() != idx)) distinct.push_back(idx);
    }
    if (distinct.empty()) continue;
    Row row;
    row.line = LineNumberOf(grid, r, slots);
    row.explicit_blanks = true;
    std::vector<Cell> cells;
    for (int idx : distinct) {
      const GridCell& g = grid.cells[static_cast<size_t>(idx)];
      // A value cell spanning rows holds one figure, at its top row; below it the slot reads as
      // blank. Label cells spanning rows label every row they cover.
      Cell c = MakeCell(g.norm, g.line, g.page, g.col);
      if (g.row != r && c.kind == CellKind::kNumber) c = MakeCell("", row.line, g.page, g.col);
      c.box = g.box;
      c.grid = index;
      c.grid_row = g.row;
      c.grid_col = g.col;
      c.path = g.path;
      if (!row.page) row.page = g.page;
      cells.push_back(std::move(c));
      if (!row.text.empty() || cells.size() > 1) row.text += '\t';
      row.text += g.text;
    }
    // Labels: the text cells before the first number; values: every cell after the last label.
    size_t first_number = cells.size();
    for (size_t i = 0; i < cells.size(); ++i) {
      if (cells[i].kind == CellKind::kNumber) {
        first_number = i;
        break;
      }
    }
    size_t values_from = 0;
    for (size_t i = 0; i < first_number; ++i) {
      if (cells[i].kind == CellKind::kText) values_from = i + 1;
    }
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i < values_from) {
        if (cells[i].kind == CellKind::kText) row.labels.push_back(std::move(cells[i]));
      } else {
        row.values.push_back(std::move(cells[i]));
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

TableGrid ReadCellGrids(const std::string& table, const std::vector<CellGrid>& grids,
                        const std::vector<size_t>& which) {
  TableGrid out;
  out.table = table;
  for (size_t i : which) {
    for (Row& row : CellGridRows(grids[i], static_cast<int>(i))) out.rows.push_back(std::move(row));
  }
  if (!out.rows.empty()) out.layout = Layout::kCellGrid;
  return out;
}

}  // namespace gongkai
