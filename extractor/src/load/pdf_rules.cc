#include "load/pdf_rules.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <utility>

namespace gongkai {
namespace {

// Sets each segment's cross position (y of horizontal rules) to the mean of its cluster: rules
// drawn a fraction of a point apart (a cell's bottom border and the next cell's top border)
// become one.
void Snap(std::vector<RuleSegment>* segments, bool horizontal, double tolerance) {
  auto pos = [&](const RuleSegment& s) { return horizontal ? s.y0 : s.x0; };
  std::sort(segments->begin(), segments->end(),
            [&](const RuleSegment& a, const RuleSegment& b) { return pos(a) < pos(b); });
  size_t begin = 0;
  for (size_t i = 1; i <= segments->size(); ++i) {
    if (i < segments->size() && pos((*segments)[i]) - pos((*segments)[i - 1]) <= tolerance) {
      continue;
    }
    double sum = 0;
    for (size_t k = begin; k < i; ++k) sum += pos((*segments)[k]);
    double mean = sum / static_cast<double>(i - begin);
    for (size_t k = begin; k < i; ++k) {
      RuleSegment& s = (*segments)[k];
      if (horizontal) {
        s.y0 = s.y1 = mean;
      } else {
        s.x0 = s.x1 = mean;
      }
    }
    begin = i;
  }
}

// Joins collinear pieces whose gap is at most `tolerance` (rules drawn cell by cell).
std::vector<RuleSegment> Join(std::vector<RuleSegment> segments, bool horizontal,
                              double tolerance) {
  auto cross = [&](const RuleSegment& s) { return horizontal ? s.y0 : s.x0; };
  auto start = [&](const RuleSegment& s) { return horizontal ? s.x0 : s.y0; };
  std::sort(segments.begin(), segments.end(), [&](const RuleSegment& a, const RuleSegment& b) {
    return cross(a) != cross(b) ? cross(a) < cross(b) : start(a) < start(b);
  });
  std::vector<RuleSegment> out;
  for (const RuleSegment& s : segments) {
    if (!out.empty() && cross(out.back()) == cross(s)) {
      RuleSegment& last = out.back();
      double& end = horizontal ? last.x1 : last.y1;
      if (start(s) <= end + tolerance) {
        end = std::max(end, horizontal ? s.x1 : s.y1);
        continue;
      }
    }
    out.push_back(s);
  }
  return out;
}

// A crossing of rules and the rules through it.
struct Corner {
  std::vector<int> h, v;
};

bool Share(const std::vector<int>& a, const std::vector<int>& b) {
  for (int x : a) {
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  }
  return false;
}

using Key = std::pair<double, double>;  // (x, y)

// Empty when there are more than max_corners crossings or the search takes over max_steps.
std::map<Key, Corner> Crossings(const std::vector<RuleSegment>& h,
                                const std::vector<RuleSegment>& v, double tol,
                                const RuleOptions& options) {
  size_t steps = 0;
  std::map<Key, Corner> corners;
  std::vector<int> by_x(v.size());
  std::iota(by_x.begin(), by_x.end(), 0);
  std::sort(by_x.begin(), by_x.end(), [&](int a, int b) { return v[a].x0 < v[b].x0; });
  for (size_t j = 0; j < h.size(); ++j) {
    auto first = std::lower_bound(by_x.begin(), by_x.end(), h[j].x0 - tol,
                                  [&](int i, double x) { return v[i].x0 < x; });
    for (auto it = first; it != by_x.end() && v[*it].x0 <= h[j].x1 + tol; ++it) {
      if (++steps > options.max_steps) return {};
      const RuleSegment& s = v[*it];
      if (h[j].y0 < s.y0 - tol || h[j].y0 > s.y1 + tol) continue;
      Corner& c = corners[{s.x0, h[j].y0}];
      c.h.push_back(static_cast<int>(j));
      c.v.push_back(*it);
      if (corners.size() > options.max_corners) return {};
    }
  }
  return corners;
}

struct Box {
  double x0, y0, x1, y1;
};

// pdfplumber's intersections_to_cells: from each corner, the nearest corners below and to the
// right joined to it by rules, and a fourth corner closing the rectangle. False when it would
// take more than `max_steps`.
bool CellsOf(const std::map<Key, Corner>& corners, size_t max_steps, std::vector<Box>* cells) {
  size_t steps = 0;
  std::map<double, std::vector<double>> column_ys, row_xs;  // sorted by construction
  for (const auto& [key, corner] : corners) {
    column_ys[key.first].push_back(key.second);
    row_xs[key.second].push_back(key.first);
  }
  for (auto& [x, ys] : column_ys) std::sort(ys.begin(), ys.end());
  for (const auto& [key, corner] : corners) {
    const auto [x, y] = key;
    const std::vector<double>& ys = column_ys[x];
    const std::vector<double>& xs = row_xs[y];
    bool found = false;
    for (auto by = std::upper_bound(ys.begin(), ys.end(), y); by != ys.end() && !found; ++by) {
      const Corner& below = corners.at({x, *by});
      if (!Share(corner.v, below.v)) continue;
      for (auto rx = std::upper_bound(xs.begin(), xs.end(), x); rx != xs.end(); ++rx) {
        if (++steps > max_steps) return false;
        const Corner& right = corners.at({*rx, y});
        if (!Share(corner.h, right.h)) continue;
        auto br = corners.find({*rx, *by});
        if (br == corners.end()) continue;
        if (Share(br->second.v, right.v) && Share(br->second.h, below.h)) {
          cells->push_back({x, y, *rx, *by});
          found = true;
          break;
        }
      }
    }
  }
  return true;
}

int Find(std::vector<int>& parent, int i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Cells sharing a corner belong to one table.
std::vector<std::vector<Box>> GroupCells(const std::vector<Box>& cells) {
  std::vector<int> parent(cells.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::map<Key, int> owner;
  for (size_t i = 0; i < cells.size(); ++i) {
    const Box& b = cells[i];
    for (Key k : {Key{b.x0, b.y0}, Key{b.x1, b.y0}, Key{b.x0, b.y1}, Key{b.x1, b.y1}}) {
      auto [it, fresh] = owner.emplace(k, static_cast<int>(i));
      if (!fresh) parent[Find(parent, static_cast<int>(i))] = Find(parent, it->second);
    }
  }
  std::map<int, std::vector<Box>> groups;
  for (size_t i = 0; i < cells.size(); ++i) {
    groups[Find(parent, static_cast<int>(i))].push_back(cells[i]);
  }
  std::vector<std::vector<Box>> out;
  for (auto& [root, group] : groups) out.push_back(std::move(group));
  return out;
}

int IndexOf(const std::vector<double>& bounds, double v) {
  return static_cast<int>(std::lower_bound(bounds.begin(), bounds.end(), v) - bounds.begin());
}

RuleTable MakeTable(const std::vector<Box>& cells) {
  RuleTable t;
  for (const Box& b : cells) {
    t.xs.push_back(b.x0);
    t.xs.push_back(b.x1);
    t.ys.push_back(b.y0);
    t.ys.push_back(b.y1);
  }
  for (std::vector<double>* v : {&t.xs, &t.ys}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  t.x0 = t.xs.front();
  t.x1 = t.xs.back();
  t.y0 = t.ys.front();
  t.y1 = t.ys.back();
  for (const Box& b : cells) {
    RuleCell c{b.x0, b.y0, b.x1, b.y1};
    c.row = IndexOf(t.ys, b.y0);
    c.col = IndexOf(t.xs, b.x0);
    c.row_span = IndexOf(t.ys, b.y1) - c.row;
    c.col_span = IndexOf(t.xs, b.x1) - c.col;
    t.cells.push_back(c);
  }
  std::sort(t.cells.begin(), t.cells.end(), [](const RuleCell& a, const RuleCell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  return t;
}

}  // namespace

void NormalizeRules(const std::vector<RuleSegment>& raw, const RuleOptions& options,
                    std::vector<RuleSegment>* horizontal, std::vector<RuleSegment>* vertical) {
  std::vector<RuleSegment> h, v;
  for (RuleSegment s : raw) {
    if (s.x0 > s.x1) std::swap(s.x0, s.x1);
    if (s.y0 > s.y1) std::swap(s.y0, s.y1);
    double w = s.x1 - s.x0, ht = s.y1 - s.y0;
    if (!std::isfinite(w) || !std::isfinite(ht)) continue;
    if (ht <= 1 && w >= options.min_length) {
      s.y0 = s.y1 = (s.y0 + s.y1) / 2;
      h.push_back(s);
    } else if (w <= 1 && ht >= options.min_length) {
      s.x0 = s.x1 = (s.x0 + s.x1) / 2;
      v.push_back(s);
    }
  }
  Snap(&h, true, options.snap);
  Snap(&v, false, options.snap);
  *horizontal = Join(std::move(h), true, options.join);
  *vertical = Join(std::move(v), false, options.join);
}

std::vector<RuleTable> FindRuleTables(const std::vector<RuleSegment>& raw,
                                      const RuleOptions& options) {
  std::vector<RuleTable> tables;
  if (raw.size() > static_cast<size_t>(options.max_segments)) return tables;
  std::vector<RuleSegment> h, v;
  NormalizeRules(raw, options, &h, &v);
  if (h.size() < 2 || v.size() < 2) return tables;
  std::map<Key, Corner> corners = Crossings(h, v, options.intersect, options);
  std::vector<Box> cells;
  if (!CellsOf(corners, options.max_steps, &cells)) return tables;
  for (const std::vector<Box>& group : GroupCells(cells)) {
    RuleTable t = MakeTable(group);
    // One row is enough: the last row of a table broken over a page stands alone.
    if (t.rows() >= 1 && t.cols() >= 2) tables.push_back(std::move(t));
  }
  if (tables.size() > options.max_tables) return {};
  std::sort(tables.begin(), tables.end(), [](const RuleTable& a, const RuleTable& b) {
    return a.y0 != b.y0 ? a.y0 < b.y0 : a.x0 < b.x0;
  });
  return tables;
}

}  // namespace gongkai
