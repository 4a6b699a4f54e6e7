#include "load/pdf_grid_text.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>

#include "util/number.h"

namespace gongkai {
namespace {

// A run of a word's glyphs inside one cell.
struct Piece {
  std::string text;
  double x0, y0, x1, y1;
  const PdfWord* word;
  double cy() const { return (y0 + y1) / 2; }
};

// Slot (row, col) → index of the cell covering it, -1 for a hole.
std::vector<std::vector<int>> Occupancy(const RuleTable& t) {
  std::vector<std::vector<int>> occ(static_cast<size_t>(t.rows()),
                                    std::vector<int>(static_cast<size_t>(t.cols()), -1));
  for (size_t i = 0; i < t.cells.size(); ++i) {
    const RuleCell& c = t.cells[i];
    for (int r = c.row; r < c.row + c.row_span; ++r) {
      for (int k = c.col; k < c.col + c.col_span; ++k) {
        int& slot = occ[static_cast<size_t>(r)][static_cast<size_t>(k)];
        if (slot < 0) slot = static_cast<int>(i);
      }
    }
  }
  return occ;
}

// The slot index holding v between boundaries, or -1 outside.
int Slot(const std::vector<double>& bounds, double v) {
  if (v < bounds.front() || v > bounds.back()) return -1;
  auto it = std::upper_bound(bounds.begin(), bounds.end(), v);
  int i = static_cast<int>(it - bounds.begin()) - 1;
  return std::min(i, static_cast<int>(bounds.size()) - 2);
}

int CellAt(const RuleTable& t, const std::vector<std::vector<int>>& occ, double x, double y) {
  int r = Slot(t.ys, y), c = Slot(t.xs, x);
  if (r < 0 || c < 0) return -1;
  return occ[static_cast<size_t>(r)][static_cast<size_t>(c)];
}

bool CrossesRule(const RuleTable& t, const PdfGlyph& g) {
  for (double x : t.xs) {
    if (x > g.x0 + 0.5 && x < g.x1 - 0.5) return true;
  }
  return false;
}

// Splits a word into runs of glyphs by the cell holding each glyph's centre.
void PlaceWord(const RuleTable& t, const std::vector<std::vector<int>>& occ, const PdfWord& w,
               std::vector<std::vector<Piece>>* pieces) {
  if (w.glyphs.empty()) {
    int cell = CellAt(t, occ, (w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2);
    if (cell >= 0)
      (*pieces)[static_cast<size_t>(cell)].push_back({w.text, w.x0, w.y0, w.x1, w.y1, &w});
    return;
  }
  // Each glyph's cell. A glyph the rule runs through overflows its cell (a label too wide for
  // a narrow column), and a glyph outside every cell overflows the table: either stays with the
  // glyphs of its word before it (or after it), never dropped, never given to a neighbour.
  std::vector<int> cells;
  for (const PdfGlyph& g : w.glyphs) {
    int cell = CellAt(t, occ, (g.x0 + g.x1) / 2, (g.y0 + g.y1) / 2);
    if (!cells.empty() && cells.back() >= 0 && (cell < 0 || CrossesRule(t, g))) cell = cells.back();
    cells.push_back(cell);
  }
  for (size_t i = cells.size(); i > 1; --i) {
    if (cells[i - 2] < 0) cells[i - 2] = cells[i - 1];
  }
  int current = -2;
  for (size_t i = 0; i < w.glyphs.size(); ++i) {
    const PdfGlyph& g = w.glyphs[i];
    int cell = cells[i];
    if (cell < 0) continue;
    std::vector<Piece>& list = (*pieces)[static_cast<size_t>(cell)];
    if (cell == current && !list.empty() && list.back().word == &w) {
      Piece& p = list.back();
      p.text += g.text;
      p.x0 = std::min(p.x0, g.x0);
      p.y0 = std::min(p.y0, g.y0);
      p.x1 = std::max(p.x1, g.x1);
      p.y1 = std::max(p.y1, g.y1);
    } else {
      list.push_back({g.text, g.x0, g.y0, g.x1, g.y1, &w});
    }
    current = cell;
  }
}

// A cell's pieces as text: grouped into lines by vertical overlap, lines top to bottom, pieces
// left to right, joined (a wrapped label reads on; digits drawn as separate runs read whole)
// unless half an em apart or overlapping.
std::string CellText(std::vector<Piece> pieces) {
  std::sort(pieces.begin(), pieces.end(),
            [](const Piece& a, const Piece& b) { return a.cy() < b.cy(); });
  std::vector<std::vector<const Piece*>> lines;
  double top = 0, bottom = 0;
  for (const Piece& p : pieces) {
    double centre = (top + bottom) / 2;
    if (!lines.empty() &&
        ((p.cy() >= top && p.cy() <= bottom) || (centre >= p.y0 && centre <= p.y1))) {
      lines.back().push_back(&p);
      top = std::min(top, p.y0);
      bottom = std::max(bottom, p.y1);
      continue;
    }
    lines.push_back({&p});
    top = p.y0;
    bottom = p.y1;
  }
  std::string text;
  for (std::vector<const Piece*>& line : lines) {
    std::sort(line.begin(), line.end(),
              [](const Piece* a, const Piece* b) { return a->x0 < b->x0; });
    for (size_t i = 0; i < line.size(); ++i) {
      // Runs of one number nearly touch; two numbers in one cell (a run moved or misplaced)
      // stand apart or over each other: a space keeps them from reading as one number.
      if (i > 0) {
        double em = std::max(line[i]->y1 - line[i]->y0, line[i - 1]->y1 - line[i - 1]->y0);
        double gap = line[i]->x0 - line[i - 1]->x1;
        if (gap > 0.5 * em || gap < -0.3 * em) text += ' ';
      }
      text += line[i]->text;
    }
  }
  return text;
}

// The Document line of each row: that of the word nearest the row's middle, else `fallback`.
// Empty cells take their top row's.
std::vector<int> RowLines(const RuleTable& t, const std::vector<const PdfWord*>& inside,
                          int fallback) {
  std::vector<int> lines(static_cast<size_t>(t.rows()), fallback);
  std::vector<double> best(lines.size(), 1e18);
  for (const PdfWord* w : inside) {
    double cy = (w->y0 + w->y1) / 2;
    int r = Slot(t.ys, cy);
    if (r < 0) continue;
    double mid = (t.ys[static_cast<size_t>(r)] + t.ys[static_cast<size_t>(r) + 1]) / 2;
    if (std::fabs(cy - mid) < best[static_cast<size_t>(r)]) {
      best[static_cast<size_t>(r)] = std::fabs(cy - mid);
      lines[static_cast<size_t>(r)] = w->line_number;
    }
  }
  return lines;
}

}  // namespace

std::vector<CellGrid> GridsFromRules(const std::vector<RuleTable>& tables,
                                     const std::vector<PdfWord>& words, int page, int first_id) {
  std::vector<CellGrid> grids;
  int id = first_id;
  for (const RuleTable& t : tables) {
    std::vector<std::vector<int>> occ = Occupancy(t);
    std::vector<std::vector<Piece>> pieces(t.cells.size());
    std::vector<const PdfWord*> inside;
    for (const PdfWord& w : words) {
      double cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
      if (cx < t.x0 || cx > t.x1 || cy < t.y0 || cy > t.y1 || w.line_number == 0) continue;
      inside.push_back(&w);
      PlaceWord(t, occ, w, &pieces);
    }
    int filled = 0;
    for (const std::vector<Piece>& p : pieces) filled += p.empty() ? 0 : 1;
    if (filled < 2) continue;
    CellGrid grid;
    grid.source = "pdf-rules";
    grid.id = "p" + std::to_string(page) + " rules[" + std::to_string(id++) + "]";
    grid.rows = t.rows();
    grid.cols = t.cols();
    grid.first_line = inside.front()->line;
    grid.last_line = inside.front()->line;
    for (const PdfWord* w : inside) {
      grid.first_line = std::min(grid.first_line, w->line);
      grid.last_line = std::max(grid.last_line, w->line);
    }
    int fallback = inside.front()->line_number;
    for (const PdfWord* w : inside) fallback = std::min(fallback, w->line_number);
    std::vector<int> row_lines = RowLines(t, inside, fallback);
    for (size_t i = 0; i < t.cells.size(); ++i) {
      const RuleCell& rc = t.cells[i];
      GridCell g;
      g.row = rc.row;
      g.col = rc.col;
      g.row_span = rc.row_span;
      g.col_span = rc.col_span;
      g.page = page;
      g.box = std::array<double, 4>{rc.x0, rc.y0, rc.x1, rc.y1};
      g.path = "r" + std::to_string(rc.row) + "c" + std::to_string(rc.col);
      if (pieces[i].empty()) {
        g.line = row_lines[static_cast<size_t>(rc.row)];
      } else {
        g.line = pieces[i].front().word->line_number;
        for (const Piece& p : pieces[i]) g.line = std::min(g.line, p.word->line_number);
        g.text = CellText(std::move(pieces[i]));
      }
      grid.cells.push_back(std::move(g));
    }
    grids.push_back(std::move(grid));
  }
  return grids;
}

namespace {

// The column boundaries a grid's cells show.
std::vector<double> ColumnEdges(const CellGrid& g) {
  std::vector<double> xs;
  for (const GridCell& c : g.cells) {
    if (!c.box) continue;
    xs.push_back((*c.box)[0]);
    xs.push_back((*c.box)[2]);
  }
  std::sort(xs.begin(), xs.end());
  std::vector<double> out;
  for (double x : xs) {
    if (out.empty() || x - out.back() > 2) out.push_back(x);
  }
  return out;
}

bool SameColumns(const CellGrid& a, const CellGrid& b) {
  if (a.cols != b.cols) return false;
  std::vector<double> xa = ColumnEdges(a), xb = ColumnEdges(b);
  if (xa.size() != xb.size()) return false;
  for (size_t i = 0; i < xa.size(); ++i) {
    if (std::fabs(xa[i] - xb[i]) > 2) return false;
  }
  return true;
}

bool OpensItem(const std::string& text) {
  static const RE2 kItem(
      R"(^\s*(?:\d{1,2}\s*[.．、]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*、|第[一二三四五六七八九十]+条))");
  return RE2::PartialMatch(text, kItem);
}

// Whether row 0 of `next` is the tail of a row broken over the page: label text only, none of
// it spanning rows or opening an item, and empty cells after it.
bool IsBrokenTail(const CellGrid& next) {
  int last_text = -1, texts = 0;
  for (const GridCell& c : next.cells) {
    if (c.row != 0 || c.text.empty()) continue;
    if (c.row_span != 1 || OpensItem(c.text)) return false;
    if (ParseCellNumber(c.text).kind != CellNumber::Kind::kText) return false;
    last_text = std::max(last_text, c.col + c.col_span - 1);
    ++texts;
  }
  return texts > 0 && last_text < next.cols - 1;
}

bool FirstOnPage(const std::vector<Line>& lines, size_t line) {
  return line < lines.size() && (line == 0 || lines[line - 1].page != lines[line].page);
}

bool LastOnPage(const std::vector<Line>& lines, size_t line) {
  return line < lines.size() &&
         (line + 1 == lines.size() || lines[line + 1].page != lines[line].page);
}

// The cell of `grid` covering (row, col), mutable.
GridCell* CellAt(CellGrid* grid, int row, int col) {
  for (GridCell& c : grid->cells) {
    if (row >= c.row && row < c.row + c.row_span && col >= c.col && col < c.col + c.col_span) {
      return &c;
    }
  }
  return nullptr;
}

bool Join(CellGrid* prev, CellGrid* next) {
  std::vector<std::pair<GridCell*, const GridCell*>> joins;
  for (const GridCell& c : next->cells) {
    if (c.row != 0 || c.text.empty()) continue;
    GridCell* into = CellAt(prev, prev->rows - 1, c.col);
    if (!into) return false;
    joins.emplace_back(into, &c);
  }
  for (auto& [into, from] : joins) into->text += from->text;
  std::erase_if(next->cells, [](const GridCell& c) { return c.row == 0 && c.row_span == 1; });
  for (GridCell& c : next->cells) {
    if (c.row == 0) {
      --c.row_span;
    } else {
      --c.row;
    }
  }
  --next->rows;
  return true;
}

}  // namespace

void JoinBrokenRows(const std::vector<Line>& lines, std::vector<CellGrid>* grids) {
  for (size_t i = 1; i < grids->size(); ++i) {
    CellGrid& prev = (*grids)[i - 1];
    CellGrid& next = (*grids)[i];
    if (prev.rows < 1 || next.rows < 1 || !LastOnPage(lines, prev.last_line) ||
        !FirstOnPage(lines, next.first_line) || !SameColumns(prev, next) || !IsBrokenTail(next)) {
      continue;
    }
    Join(&prev, &next);
  }
  std::erase_if(*grids, [](const CellGrid& g) { return g.rows < 1; });
}

}  // namespace gongkai
