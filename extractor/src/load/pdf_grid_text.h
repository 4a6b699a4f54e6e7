// The text of a PDF page put into the cells of the tables its rules draw (load/pdf_rules.h): each
// word goes to the cell holding its centre, or glyph by glyph when it straddles cells; a cell's
// pieces read top to bottom, left to right, joined — so a number drawn as several runs reads
// whole. Pure geometry (no poppler).
#ifndef GONGKAI_LOAD_PDF_GRID_TEXT_H_
#define GONGKAI_LOAD_PDF_GRID_TEXT_H_

#include <string>
#include <vector>

#include "load/pdf_rules.h"
#include "model/cell_grid.h"
#include "model/document.h"

namespace gongkai {

struct PdfGlyph {
  std::string text;  // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// A word as poppler's text layer gives it, with the Document line it was put on.
struct PdfWord {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::vector<PdfGlyph> glyphs;  // one per character; may be empty (then the word is one piece)
  size_t line = 0;               // index into Document::lines
  int line_number = 0;           // that line's 1-based number
};

// One CellGrid per table with text in at least two cells; `first_id` numbers them on the page
// ("p<page> rules[<id>]").
std::vector<CellGrid> GridsFromRules(const std::vector<RuleTable>& tables,
                                     const std::vector<PdfWord>& words, int page, int first_id);

// Word and LibreOffice let a table row break over a page: the first row of a table continued at
// the top of the next page then holds only the tail of a label, its value cells empty. Such a
// row (its label opens no item: no 「1.」, 「（二）」, 「四、」) is joined to the last row of the
// table on the page before, cell by cell. `lines` are the Document's lines.
void JoinBrokenRows(const std::vector<Line>& lines, std::vector<CellGrid>* grids);

}  // namespace gongkai

#endif  // GONGKAI_LOAD_PDF_GRID_TEXT_H_
