#include "tables/pdf_tables.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>

#include "util/text.h"

namespace gongkai {
namespace {

// A text run longer than this is prose (a paragraph line), not a table cell.
constexpr size_t kMaxCellCodePoints = 40;

struct PlacedCell {
  Cell cell;
  double x0, y0, x1, y1;
  int page;
  double cx() const { return (x0 + x1) / 2; }
  double cy() const { return (y0 + y1) / 2; }
};

struct GeoLine {
  const Line* line;
  int page;
  double y0, y1;
  std::vector<PlacedCell> labels;
  std::vector<PlacedCell> values;  // numbers and blank markers (—, /)
};

struct Column {
  double x0, x1;
};

PlacedCell Place(const Box& box, const Line& line) {
  PlacedCell p{MakeCell(std::string(Trim(box.norm)), line.number, line.page),
               box.x0,
               box.y0,
               box.x1,
               box.y1,
               line.page.value_or(0)};
  p.cell.box = std::array<double, 4>{box.x0, box.y0, box.x1, box.y1};
  return p;
}

// Whether a label opens with an enumeration (「1.」 「2、」 「（三）」 「四、」): the start of a
// new row's label, never the wrapped tail of the label above.
bool StartsItem(const std::string& text) {
  static const RE2 kItem(
      R"(^(?:\d{1,2}[.、]|\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]+条))");
  return RE2::PartialMatch(text, kItem);
}

// Joins the label cells of one column of one row (a label wrapped over lines) into one cell.
Cell JoinCells(std::vector<PlacedCell> cells) {
  std::sort(cells.begin(), cells.end(), [](const PlacedCell& a, const PlacedCell& b) {
    if (a.page != b.page) return a.page < b.page;
    return std::fabs(a.cy() - b.cy()) > 2 ? a.cy() < b.cy() : a.x0 < b.x0;
  });
  std::string text;
  std::array<double, 4> box = {cells[0].x0, cells[0].y0, cells[0].x1, cells[0].y1};
  for (const PlacedCell& c : cells) {
    text += c.cell.text;
    box[0] = std::min(box[0], c.x0);
    box[1] = std::min(box[1], c.y0);
    box[2] = std::max(box[2], c.x1);
    box[3] = std::max(box[3], c.y1);
  }
  Cell out = MakeCell(text, cells[0].cell.line, cells[0].cell.page);
  out.box = box;
  return out;
}

// Label cells grouped by left edge (one group per label column), left to right.
std::vector<Cell> LabelColumns(std::vector<PlacedCell> cells) {
  std::sort(cells.begin(), cells.end(),
            [](const PlacedCell& a, const PlacedCell& b) { return a.x0 < b.x0; });
  std::vector<Cell> out;
  std::vector<PlacedCell> group;
  for (PlacedCell& c : cells) {
    if (!group.empty() && c.x0 - group.front().x0 > 4) {
      out.push_back(JoinCells(std::move(group)));
      group.clear();
    }
    group.push_back(std::move(c));
  }
  if (!group.empty()) out.push_back(JoinCells(std::move(group)));
  return out;
}

// A label cell spanning several rows (「（三）不予公开」 over eight rows, the vertical
// 「三、本年度办理结果」 one glyph a line) is cut into pieces by the row bands. Pieces in the same
// column on consecutive rows are joined again and given to the first row they span, where they
// open their group. A row's pieces are its label cells left of its own label (all of them when
// the row has no values). Across a page break the column alone decides.
void JoinSpanningLabels(TableGrid* grid) {
  auto adjacent = [](const Cell& above, const Cell& below) {
    if (!above.box || !below.box) return false;
    if (std::fabs((*above.box)[0] - (*below.box)[0]) > 4) return false;
    if (above.page != below.page) return true;
    double height = std::max((*above.box)[3] - (*above.box)[1], 4.0);
    double gap = (*below.box)[1] - (*above.box)[3];
    return gap >= -1 && gap <= 1.5 * height;
  };
  auto pieces = [](Row& row) {
    size_t n = row.labels.size();
    return row.values.empty() ? n : (n > 0 ? n - 1 : 0);
  };
  std::vector<Row>& rows = grid->rows;
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t p = 0; p < pieces(rows[r]); ++p) {
      Cell joined = rows[r].labels[p];
      Cell last = joined;
      for (size_t next = r + 1; next < rows.size(); ++next) {
        std::vector<Cell>& labels = rows[next].labels;
        size_t limit = pieces(rows[next]);
        size_t hit = limit;
        for (size_t i = 0; i < limit; ++i) {
          if (adjacent(last, labels[i])) {
            hit = i;
            break;
          }
        }
        if (hit == limit) {
          // A row between two pieces of a tall cell holds none of it: look further, while
          // the rows are still beside the cell.
          bool beside = rows[next].page == last.page && last.box && !labels.empty() &&
                        labels.back().box &&
                        (*labels.back().box)[1] <=
                            (*last.box)[3] + 1.5 * ((*last.box)[3] - (*last.box)[1]) + 4;
          if (beside) continue;
          break;
        }
        last = labels[hit];
        Cell merged = MakeCell(joined.text + labels[hit].text, joined.line, joined.page);
        merged.box = std::array<double, 4>{
            std::min((*joined.box)[0], (*labels[hit].box)[0]), (*joined.box)[1],
            std::max((*joined.box)[2], (*labels[hit].box)[2]), (*labels[hit].box)[3]};
        joined = std::move(merged);
        labels.erase(labels.begin() + static_cast<std::ptrdiff_t>(hit));
      }
      rows[r].labels[p] = std::move(joined);
    }
  }
  std::erase_if(rows, [](const Row& row) { return row.labels.empty() && row.values.empty(); });
}

// The runs standing in one column of a row as one cell: a number drawn as several runs reads
// whole; runs half an em apart or more (two numbers in one column) keep a space between them, so
// the cell reads as no number (an error downstream) instead of one of them silently.
Cell JoinRuns(std::vector<const PlacedCell*> runs) {
  if (runs.size() == 1) return runs[0]->cell;
  std::sort(runs.begin(), runs.end(),
            [](const PlacedCell* a, const PlacedCell* b) { return a->x0 < b->x0; });
  std::string text = runs[0]->cell.text;
  std::array<double, 4> box = {runs[0]->x0, runs[0]->y0, runs[0]->x1, runs[0]->y1};
  for (size_t i = 1; i < runs.size(); ++i) {
    double em = std::max(runs[i]->y1 - runs[i]->y0, runs[i - 1]->y1 - runs[i - 1]->y0);
    double gap = runs[i]->x0 - runs[i - 1]->x1;
    if (gap > 0.5 * em || gap < -0.3 * em) text += ' ';
    text += runs[i]->cell.text;
    box = {std::min(box[0], runs[i]->x0), std::min(box[1], runs[i]->y0),
           std::max(box[2], runs[i]->x1), std::max(box[3], runs[i]->y1)};
  }
  Cell out = MakeCell(text, runs[0]->cell.line, runs[0]->cell.page);
  out.box = box;
  return out;
}

// Whether a label is table 二's article line (「第二十条第（五）项」), which spans the table.
bool IsArticle(const PlacedCell& c) {
  static const RE2 kArticle(R"(^第[一二三四五六七八九十]+条)");
  return RE2::PartialMatch(c.cell.key, kArticle);
}

// The columns the header above a block's first row names: its text right of the row labels,
// on the header lines just above (same page), less the cells standing over others (a parent
// such as 「申请人情况」 or 「法人或其他组织」); wrapped pieces of one header cell overlap and
// make one column. Left to right.
std::vector<Column> HeaderColumns(const std::vector<GeoLine>& geo, size_t first_row,
                                  double label_right) {
  std::vector<const PlacedCell*> cells;
  for (size_t n = 0, i = first_row; i > 0 && n < 8; ++n) {
    --i;
    if (!geo[i].values.empty() || geo[i].page != geo[first_row].page) break;
    for (const PlacedCell& c : geo[i].labels) {
      if (c.x0 >= label_right - 2 && !IsArticle(c)) cells.push_back(&c);
    }
  }
  std::vector<Column> leaves;
  for (const PlacedCell* c : cells) {
    bool parent = std::any_of(cells.begin(), cells.end(), [&](const PlacedCell* d) {
      return d != c && d->y0 > c->y1 - 1 && d->cx() >= c->x0 - 1 && d->cx() <= c->x1 + 1;
    });
    if (!parent) leaves.push_back({c->x0, c->x1});
  }
  std::sort(leaves.begin(), leaves.end(),
            [](const Column& a, const Column& b) { return a.x0 < b.x0; });
  std::vector<Column> out;
  for (const Column& c : leaves) {
    if (!out.empty() && c.x0 < out.back().x1 - 0.5) {
      out.back().x1 = std::max(out.back().x1, c.x1);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Replaces a block's columns (where its values stand) by those its header names, when the header
// accounts for every value (each inside one header column). A column no row prints a value in
// (科研机构 empty top to bottom) keeps its place; two runs under one header join into one cell
// (JoinRuns), which reads as no number when they are two.
void ApplyHeaderColumns(const std::vector<GeoLine>& geo, const std::vector<int>& block, int b,
                        double value_start, std::vector<Column>* columns) {
  size_t first = geo.size();
  double label_right = -1e18;
  for (size_t i = 0; i < geo.size(); ++i) {
    if (block[i] != b || geo[i].values.empty()) continue;
    first = std::min(first, i);
    for (const PlacedCell& c : geo[i].labels) {
      if (c.x1 <= value_start + 1) label_right = std::max(label_right, c.x1);
    }
  }
  if (first == geo.size()) return;
  if (label_right < -1e17) label_right = value_start;
  std::vector<Column> header = HeaderColumns(geo, first, label_right);
  if (header.size() < 2 || header.size() < columns->size()) return;
  std::vector<double> centre;
  for (const Column& h : header) centre.push_back((h.x0 + h.x1) / 2);
  double spacing = 1e18;
  for (size_t k = 1; k < centre.size(); ++k) spacing = std::min(spacing, centre[k] - centre[k - 1]);
  std::vector<Column> slots(header.size());
  for (size_t k = 0; k < slots.size(); ++k) {
    slots[k].x0 = k > 0 ? (centre[k - 1] + centre[k]) / 2 : centre[k] - spacing / 2;
    slots[k].x1 = k + 1 < slots.size() ? (centre[k] + centre[k + 1]) / 2 : centre[k] + spacing / 2;
  }
  auto slot_of = [&](double x) {
    for (size_t k = 0; k < slots.size(); ++k) {
      if (x >= slots[k].x0 && x < slots[k].x1) return static_cast<int>(k);
    }
    return -1;
  };
  for (size_t i = 0; i < geo.size(); ++i) {
    if (block[i] != b) continue;
    for (const PlacedCell& v : geo[i].values) {
      if (slot_of(v.cx()) < 0) return;
    }
  }
  *columns = std::move(slots);
}

}  // namespace

TableGrid BuildGeometryGrid(const std::string& table, const std::vector<SpanLine>& lines) {
  TableGrid grid;
  grid.table = table;
  std::vector<GeoLine> geo;
  for (const SpanLine& sl : lines) {
    // The heading's line and the next heading's line are cut by the span: not table lines.
    if (sl.norm.size() != sl.line->norm.size() || sl.line->boxes.empty()) continue;
    GeoLine g{sl.line, sl.line->page.value_or(0), 1e9, -1e9, {}, {}};
    bool prose = false;
    for (const Box& box : sl.line->boxes) {
      if (CodePointCount(box.norm) > kMaxCellCodePoints) prose = true;
      PlacedCell p = Place(box, *sl.line);
      g.y0 = std::min(g.y0, p.y0);
      g.y1 = std::max(g.y1, p.y1);
      if (p.cell.kind == CellKind::kText) {
        g.labels.push_back(std::move(p));
      } else if (!p.cell.text.empty()) {
        g.values.push_back(std::move(p));
      }
    }
    if (prose) continue;
    geo.push_back(std::move(g));
  }
  // Blocks: a header line whose cells reach into the value columns of the next row with values
  // starts a new block, with columns of its own (table 二's sub-tables need not line up).
  std::vector<int> block(geo.size(), 0);
  std::vector<bool> header(geo.size(), false);
  int current = 0;
  bool any_values = false;
  for (size_t i = 0; i < geo.size(); ++i) {
    any_values |= !geo[i].values.empty();
    if (geo[i].values.empty() && geo[i].labels.size() >= 2) {
      size_t next = i + 1;
      while (next < geo.size() && geo[next].values.empty()) ++next;
      if (next < geo.size()) {
        double first_value = 1e9;
        for (const PlacedCell& v : geo[next].values) first_value = std::min(first_value, v.x0);
        int spread = 0;
        for (const PlacedCell& c : geo[i].labels) spread += c.x0 >= first_value - 2 ? 1 : 0;
        if (spread >= 1) {
          ++current;
          header[i] = true;
        }
      }
    }
    block[i] = current;
  }
  if (!any_values) return grid;
  grid.layout = Layout::kGeometry;
  // Columns of each block: the horizontal extents of its value cells, merged where they overlap.
  std::vector<std::vector<Column>> columns(current + 1);
  std::vector<double> value_start(current + 1, 1e9);
  for (size_t i = 0; i < geo.size(); ++i) {
    for (const PlacedCell& v : geo[i].values) {
      columns[block[i]].push_back({v.x0, v.x1});
      value_start[block[i]] = std::min(value_start[block[i]], v.x0);
    }
  }
  for (std::vector<Column>& cols : columns) {
    std::sort(cols.begin(), cols.end(),
              [](const Column& a, const Column& b) { return a.x0 < b.x0; });
    std::vector<Column> merged;
    for (const Column& c : cols) {
      if (!merged.empty() && c.x0 <= merged.back().x1 + 1.0) {
        merged.back().x1 = std::max(merged.back().x1, c.x1);
      } else {
        merged.push_back(c);
      }
    }
    cols = std::move(merged);
  }
  for (int b = 0; b <= current; ++b) {
    ApplyHeaderColumns(geo, block, b, value_start[b], &columns[b]);
  }
  // A label cell stands left of its block's values (a block of headers only: anywhere).
  auto in_label_area = [&](const PlacedCell& c, size_t line) {
    return c.x1 <= value_start[block[line]] + 1;
  };

  // Rows: the lines with values. Their label cells: those on the line, then the label lines
  // around them — a wrapped label continues its row's cell line by line (top-aligned cells
  // wrap downwards, centred ones both ways), anything else goes to the row whose band (halfway
  // to the neighbouring rows) holds it, or stands alone (headers, group labels, rows that print
  // no numbers).
  std::vector<size_t> data;
  for (size_t i = 0; i < geo.size(); ++i) {
    if (!geo[i].values.empty()) data.push_back(i);
  }
  std::vector<std::vector<PlacedCell>> labels(data.size());
  for (size_t k = 0; k < data.size(); ++k) {
    for (PlacedCell& c : geo[data[k]].labels) {
      if (in_label_area(c, data[k])) labels[k].push_back(std::move(c));
    }
  }
  struct Free {
    PlacedCell cell;
    size_t line;
    bool header = false;  // on a header line: stays there
    bool used = false;    // attached to a row
  };
  std::vector<Free> free;
  for (size_t i = 0; i < geo.size(); ++i) {
    if (!geo[i].values.empty()) continue;
    // Header lines stay rows of their own: their cells are column headings, never part of a
    // row's label. So do table 二's article lines (「第二十条第（五）项」), which span the table.
    static const RE2 kArticle(R"(^第[一二三四五六七八九十]+条)");
    bool article = !geo[i].labels.empty() && RE2::PartialMatch(geo[i].labels[0].cell.key, kArticle);
    for (PlacedCell& c : geo[i].labels) {
      free.push_back({std::move(c), i, header[i] || article});
    }
  }
  // The data row just above (or below) a line on the same page, or -1.
  auto above = [&](size_t line) {
    int best = -1;
    for (size_t k = 0; k < data.size(); ++k) {
      if (data[k] < line && geo[data[k]].page == geo[line].page) best = static_cast<int>(k);
    }
    return best;
  };
  auto below = [&](size_t line) {
    for (size_t k = 0; k < data.size(); ++k) {
      if (data[k] > line && geo[data[k]].page == geo[line].page) return static_cast<int>(k);
    }
    return -1;
  };
  // Whether lower continues upper's cell: same column, the next line down, nothing between.
  auto continues = [&](const PlacedCell& upper, const PlacedCell& lower) {
    double h = std::max(std::min(upper.y1 - upper.y0, lower.y1 - lower.y0), 4.0);
    double gap = lower.y0 - upper.y1;
    if (std::fabs(upper.x0 - lower.x0) > 4 || gap < -1 || gap > 1.2 * h) return false;
    for (const Free& other : free) {
      const PlacedCell& c = other.cell;
      if (c.page == upper.page && std::fabs(c.x0 - upper.x0) <= 4 && c.cy() > upper.cy() + 1 &&
          c.cy() < lower.cy() - 1) {
        return false;
      }
    }
    return true;
  };
  // The last data row before a line, on any page (a row may break over a page).
  auto before = [&](size_t line) {
    int best = -1;
    for (size_t k = 0; k < data.size() && data[k] < line; ++k) best = static_cast<int>(k);
    return best;
  };
  for (Free& f : free) {  // downwards, top to bottom
    if (f.header || !in_label_area(f.cell, f.line) || StartsItem(f.cell.cell.text)) continue;
    int k = above(f.line);
    bool across = false;
    if (k < 0) {
      // The top of a page, before any row on it: the tail of the previous page's last row.
      k = before(f.line);
      across = k >= 0;
    }
    if (k < 0) continue;
    for (const PlacedCell& c : labels[k]) {
      bool same_column = std::fabs(c.x0 - f.cell.x0) <= 4;
      if (across ? same_column && c.page != f.cell.page : continues(c, f.cell)) {
        labels[k].push_back(f.cell);
        f.used = true;
        break;
      }
    }
  }
  for (size_t n = free.size(); n > 0; --n) {  // upwards, bottom to top
    Free& f = free[n - 1];
    if (f.header || f.used || !in_label_area(f.cell, f.line)) continue;
    int k = below(f.line);
    if (k < 0) continue;
    for (const PlacedCell& c : labels[k]) {
      if (continues(f.cell, c) && !StartsItem(c.cell.text)) {
        labels[k].push_back(f.cell);
        f.used = true;
        break;
      }
    }
  }
  for (Free& f : free) {  // the rest: by band
    if (f.header || f.used || !in_label_area(f.cell, f.line)) continue;
    int k = above(f.line), j = below(f.line);
    // Above the table's first row is the header zone: nothing there labels a row.
    if (k < 0 && j == 0) continue;
    auto reach = [&](int r) {
      double h = 0;
      for (const PlacedCell& c : labels[r]) h = std::max(h, c.y1 - c.y0);
      return 1.5 * std::max(h > 0 ? h : geo[data[r]].y1 - geo[data[r]].y0, 6.0);
    };
    double dk = k >= 0 ? f.cell.cy() - geo[data[k]].y1 : 1e9;
    double dj = j >= 0 ? geo[data[j]].y0 - f.cell.cy() : 1e9;
    int home = dk <= dj ? k : j;
    if (home >= 0 && std::min(dk, dj) <= reach(home)) {
      labels[home].push_back(f.cell);
      f.used = true;
    }
  }

  struct Item {
    int page;
    double y;
    int data_index;  // -1: a label line of its own
    size_t geo_index;
  };
  std::vector<Item> order;
  for (size_t k = 0; k < data.size(); ++k) {
    order.push_back({geo[data[k]].page, geo[data[k]].y0, static_cast<int>(k), data[k]});
  }
  std::vector<std::vector<PlacedCell>> alone(geo.size());
  for (Free& f : free) {
    if (!f.used) alone[f.line].push_back(std::move(f.cell));
  }
  for (size_t i = 0; i < geo.size(); ++i) {
    if (!alone[i].empty()) order.push_back({geo[i].page, geo[i].y0, -1, i});
  }
  std::stable_sort(order.begin(), order.end(), [](const Item& a, const Item& b) {
    return a.page != b.page ? a.page < b.page : a.y < b.y;
  });
  for (const Item& item : order) {
    const GeoLine& g = geo[item.geo_index];
    Row row;
    row.line = g.line->number;
    row.page = g.line->page;
    row.text = g.line->text;
    row.explicit_blanks = true;
    std::vector<PlacedCell> cells;
    if (item.data_index >= 0) {
      cells = std::move(labels[item.data_index]);
      const std::vector<Column>& cols = columns[block[item.geo_index]];
      std::vector<std::vector<const PlacedCell*>> slot(cols.size());
      for (const PlacedCell& v : g.values) {
        for (size_t c = 0; c < cols.size(); ++c) {
          if (v.cx() >= cols[c].x0 - 1 && v.cx() <= cols[c].x1 + 1) {
            slot[c].push_back(&v);
            break;
          }
        }
      }
      for (size_t c = 0; c < cols.size(); ++c) {
        Cell cell =
            slot[c].empty() ? MakeCell("", g.line->number, g.line->page) : JoinRuns(slot[c]);
        // A blank cell's box: its column across the row's line.
        if (slot[c].empty()) cell.box = std::array<double, 4>{cols[c].x0, g.y0, cols[c].x1, g.y1};
        cell.col = static_cast<int>(c);
        row.values.push_back(std::move(cell));
      }
    } else {
      cells = std::move(alone[item.geo_index]);
    }
    if (!cells.empty()) row.labels = LabelColumns(std::move(cells));
    if (row.labels.empty() && row.values.empty()) continue;
    grid.rows.push_back(std::move(row));
  }
  JoinSpanningLabels(&grid);
  return grid;
}

}  // namespace gongkai
