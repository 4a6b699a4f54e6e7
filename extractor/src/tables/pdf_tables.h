// Tables from PDF geometry: rows from the lines that hold numbers, columns from where the numbers
// stand on the page, labels from the text to the left and above/below within each row's band —
// which is how wrapped labels, labels spanning several rows and blank cells are read.
#ifndef GONGKAI_TABLES_PDF_TABLES_H_
#define GONGKAI_TABLES_PDF_TABLES_H_

#include <string>
#include <vector>

#include "model/segments.h"
#include "model/table_grid.h"

namespace gongkai {

TableGrid BuildGeometryGrid(const std::string& table, const std::vector<SpanLine>& lines);

}  // namespace gongkai

#endif  // GONGKAI_TABLES_PDF_TABLES_H_
