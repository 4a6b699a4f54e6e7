// Rows of label and value cells from cell grids (HTML and Word tables, a PDF's drawn rules): the
// one place that decides, for every format that gives its table's structure, which cells are
// labels and which are values. A cell spanning several rows labels each of them (the vertical
// 「三、本年度办理结果」); a value cell spanning columns counts once.
#ifndef GONGKAI_TABLES_CELL_GRID_READER_H_
#define GONGKAI_TABLES_CELL_GRID_READER_H_

#include <string>
#include <vector>

#include "model/cell_grid.h"
#include "model/table_grid.h"

namespace gongkai {

// The rows of the grids `which` (indices into `grids`, the Document's) in turn: a table
// continued in a second grid after a page break reads on. Grids must be normalized
// (GridCell::norm filled).
TableGrid ReadCellGrids(const std::string& table, const std::vector<CellGrid>& grids,
                        const std::vector<size_t>& which);

// The rows of one grid, the grid at `index` of the Document's.
std::vector<Row> CellGridRows(const CellGrid& grid, int index);

}  // namespace gongkai

#endif  // GONGKAI_TABLES_CELL_GRID_READER_H_
