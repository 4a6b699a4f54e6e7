// Tables from the rules a PDF page draws, as pdfplumber's table finder reads them: horizontal and
// vertical segments are snapped to common positions and joined where collinear pieces nearly
// touch; their crossings are the corners of cells; a cell is the smallest rectangle whose four
// corners are crossings joined by rules; cells sharing corners form a table. The table's distinct
// cell edges are its column and row boundaries, so a cell spanning several gives its spans.
// Pure geometry (no poppler): the loader feeds it the segments of each page.
#ifndef GONGKAI_LOAD_PDF_RULES_H_
#define GONGKAI_LOAD_PDF_RULES_H_

#include <cstddef>
#include <vector>

namespace gongkai {

// A straight rule on the page, in points, origin top left. Horizontal: y0 == y1 (after
// NormalizeRules); vertical: x0 == x1.
struct RuleSegment {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool horizontal() const { return y1 - y0 <= x1 - x0; }
};

struct RuleCell {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int row = 0, col = 0, row_span = 1, col_span = 1;
};

struct RuleTable {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // the outer box
  std::vector<double> xs;                 // column boundaries, left to right (cols + 1)
  std::vector<double> ys;                 // row boundaries, top to bottom (rows + 1)
  std::vector<RuleCell> cells;            // row-major by top-left slot
  int rows() const { return static_cast<int>(ys.size()) - 1; }
  int cols() const { return static_cast<int>(xs.size()) - 1; }
};

struct RuleOptions {
  double snap = 3;           // segments this close across their direction share a position
  double join = 3;           // collinear pieces with a gap up to this are one rule
  double min_length = 3;     // shorter pieces are glyph strokes or dots, not rules
  double intersect = 3;      // how far a rule may stop short of the one it meets
  int max_segments = 20000;  // a page drawing more is artwork, not a table: no tables read
  // Bounds on the work a page may cost (a crafted grid of thousands of crossing rules): past
  // either, the page gives no tables. A real report's table has a few hundred crossings.
  size_t max_corners = 20000;
  size_t max_steps = 4000000;
  size_t max_tables = 100;  // a page of more is a form or artwork, not a report's tables
};

// Snaps and joins raw segments (any orientation given by their extent; others dropped) into
// horizontal and vertical rules.
void NormalizeRules(const std::vector<RuleSegment>& raw, const RuleOptions& options,
                    std::vector<RuleSegment>* horizontal, std::vector<RuleSegment>* vertical);

// The tables the segments draw: at least two columns each, top to bottom.
std::vector<RuleTable> FindRuleTables(const std::vector<RuleSegment>& raw,
                                      const RuleOptions& options = RuleOptions());

}  // namespace gongkai

#endif  // GONGKAI_LOAD_PDF_RULES_H_
