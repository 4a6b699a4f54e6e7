#include "tables/pdf_tables.h"

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
  PlacedCell p{MakeCell(std::string(Trim(box.norm)), line.number, line.page), box.x0, box.y0,
               box.x1, box.y1, line.page.value_or(0)};
  p.cell.box = std::array<double, 4>{box.x0, box.y0, box.x1, box.y1};
  return p;
}

// Joins the label cells of one column of one row (a label wrapped over lines) into one cell.
Cell JoinCells(std::vector<PlacedCell> cells) {
  std::sort(cells.begin(), cells.end(), [](const PlacedCell& a, const PlacedCell& b) {
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
        if (hit == limit) break;
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
  // Columns: the horizontal extents of the value cells, merged where they overlap.
  std::vector<Column> columns;
  for (const GeoLine& g : geo) {
    for (const PlacedCell& v : g.values) columns.push_back({v.x0, v.x1});
  }
  std::sort(columns.begin(), columns.end(),
            [](const Column& a, const Column& b) { return a.x0 < b.x0; });
  std::vector<Column> merged;
  for (const Column& c : columns) {
    if (!merged.empty() && c.x0 <= merged.back().x1 + 1.0) {
      merged.back().x1 = std::max(merged.back().x1, c.x1);
    } else {
      merged.push_back(c);
    }
  }
  columns = std::move(merged);
  if (columns.empty()) return grid;
  grid.layout = Layout::kGeometry;

  // Each line with values is a row; its band reaches halfway to the next row above and below
  // (on the same page), and at most a line and a half beyond its own text.
  std::vector<size_t> data;
  for (size_t i = 0; i < geo.size(); ++i) {
    if (!geo[i].values.empty()) data.push_back(i);
  }
  struct Band {
    double top, bottom;
  };
  std::vector<Band> bands(data.size());
  for (size_t k = 0; k < data.size(); ++k) {
    const GeoLine& g = geo[data[k]];
    // Reach by the height of the row's label text (numbers are often set taller).
    double height = 0;
    for (const PlacedCell& c : g.labels) height = std::max(height, c.y1 - c.y0);
    if (height == 0) height = g.y1 - g.y0;
    double reach = 1.5 * std::max(height, 6.0);
    double top = g.y0 - reach, bottom = g.y1 + reach;
    if (k > 0 && geo[data[k - 1]].page == g.page) {
      top = std::max(top, (geo[data[k - 1]].y1 + g.y0) / 2);
    }
    if (k + 1 < data.size() && geo[data[k + 1]].page == g.page) {
      bottom = std::min(bottom, (g.y1 + geo[data[k + 1]].y0) / 2);
    }
    bands[k] = {top, bottom};
  }
  // Label lines inside a band belong to that row (wrapped labels, spanning labels); the others
  // are rows of their own (headers, group labels, rows that print no numbers).
  std::vector<std::vector<PlacedCell>> attached(data.size());
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
  for (size_t i = 0; i < geo.size(); ++i) {
    if (!geo[i].values.empty()) continue;
    std::vector<PlacedCell> rest;
    for (PlacedCell& c : geo[i].labels) {
      int home = -1;
      for (size_t k = 0; k < data.size() && home < 0; ++k) {
        if (geo[data[k]].page == c.page && c.cy() >= bands[k].top && c.cy() <= bands[k].bottom &&
            c.x1 <= columns.front().x0 + 1) {
          home = static_cast<int>(k);
        }
      }
      if (home >= 0) {
        attached[home].push_back(std::move(c));
      } else {
        rest.push_back(std::move(c));
      }
    }
    if (!rest.empty()) {
      geo[i].labels = std::move(rest);
      order.push_back({geo[i].page, geo[i].y0, -1, i});
    }
  }
  std::stable_sort(order.begin(), order.end(), [](const Item& a, const Item& b) {
    return a.page != b.page ? a.page < b.page : a.y < b.y;
  });
  for (const Item& item : order) {
    GeoLine& g = geo[item.geo_index];
    Row row;
    row.line = g.line->number;
    row.page = g.line->page;
    row.text = g.line->text;
    row.explicit_blanks = true;
    std::vector<PlacedCell> labels = g.labels;
    if (item.data_index >= 0) {
      for (PlacedCell& c : attached[item.data_index]) labels.push_back(std::move(c));
      // Labels right of the first value column are headers printed in the row: not its label.
      std::erase_if(labels,
                    [&](const PlacedCell& c) { return c.x0 >= columns.front().x0 - 1; });
      std::vector<const PlacedCell*> slot(columns.size(), nullptr);
      for (const PlacedCell& v : g.values) {
        for (size_t c = 0; c < columns.size(); ++c) {
          if (v.cx() >= columns[c].x0 - 1 && v.cx() <= columns[c].x1 + 1) {
            slot[c] = &v;
            break;
          }
        }
      }
      for (size_t c = 0; c < columns.size(); ++c) {
        Cell cell = slot[c] ? slot[c]->cell : MakeCell("", g.line->number, g.line->page);
        cell.col = static_cast<int>(c);
        row.values.push_back(std::move(cell));
      }
    }
    if (!labels.empty()) row.labels = LabelColumns(std::move(labels));
    if (row.labels.empty() && row.values.empty()) continue;
    grid.rows.push_back(std::move(row));
  }
  JoinSpanningLabels(&grid);
  return grid;
}

}  // namespace gongkai
