#include "load/flow.h"

#include <algorithm>

#include "util/text.h"

namespace gongkai {
namespace {

constexpr int kMaxSpan = 1000;  // HTML caps colspan at 1000; no report table is larger

int Clamp(int span) { return std::clamp(span, 1, kMaxSpan); }

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

int& GridBuilder::Slot(int row, int col) {
  if (occ_.size() <= static_cast<size_t>(row)) occ_.resize(static_cast<size_t>(row) + 1);
  std::vector<int>& r = occ_[static_cast<size_t>(row)];
  if (r.size() <= static_cast<size_t>(col)) r.resize(static_cast<size_t>(col) + 1, -1);
  return r[static_cast<size_t>(col)];
}

void GridBuilder::StartRow() {
  ++row_;
  col_ = 0;
  Slot(row_, 0);  // the row exists even when every slot of it is spanned from above
}

void GridBuilder::AddCell(std::string text, int row_span, int col_span, bool header,
                          std::string path) {
  if (row_ < 0) StartRow();
  row_span = Clamp(row_span);
  col_span = Clamp(col_span);
  while (Slot(row_, col_) >= 0) ++col_;
  size_t need = static_cast<size_t>(row_span) * static_cast<size_t>(col_span);
  if (overflow_ || slots_ + need > max_slots_) {
    overflow_ = true;
    return;
  }
  slots_ += need;
  GridCell cell;
  cell.row = row_;
  cell.col = col_;
  cell.row_span = row_span;
  cell.col_span = col_span;
  cell.text = std::move(text);
  cell.header = header;
  cell.path = std::move(path);
  int index = static_cast<int>(cells_.size());
  cells_.push_back(std::move(cell));
  for (int r = row_; r < row_ + row_span; ++r) {
    for (int c = col_; c < col_ + col_span; ++c) Slot(r, c) = index;
  }
  col_ += col_span;
}

void GridBuilder::ContinueAbove(int col_span, std::string path) {
  if (row_ < 0) StartRow();
  while (Slot(row_, col_) >= 0) ++col_;
  int above = row_ > 0 ? Slot(row_ - 1, col_) : -1;
  if (above < 0 || cells_[static_cast<size_t>(above)].col != col_) {
    AddCell("", 1, col_span, false, std::move(path));  // nothing to continue: an empty cell
    return;
  }
  GridCell& cell = cells_[static_cast<size_t>(above)];
  if (cell.row + cell.row_span != row_) {  // already continued into this row
    col_ += cell.col_span;
    return;
  }
  ++cell.row_span;
  for (int c = col_; c < col_ + cell.col_span; ++c) Slot(row_, c) = above;
  col_ += cell.col_span;
}

CellGrid GridBuilder::Finish(std::string source, std::string id) {
  CellGrid grid;
  grid.source = std::move(source);
  grid.id = std::move(id);
  grid.rows = row_ + 1;
  for (GridCell& c : cells_) {
    c.row_span = std::min(c.row_span, grid.rows - c.row);
    grid.cols = std::max(grid.cols, c.col + c.col_span);
  }
  grid.cells = std::move(cells_);
  std::stable_sort(grid.cells.begin(), grid.cells.end(), [](const GridCell& a, const GridCell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  return grid;
}

void FlowWriter::Append(std::string_view text) {
  for (char c : text) {
    if (IsAsciiSpace(c)) {
      if (!line_.empty() && line_.back() != ' ') line_.push_back(' ');
    } else {
      line_.push_back(c);
    }
  }
}

void FlowWriter::Break() {
  std::string_view t = Trim(line_);
  if (!t.empty()) {
    Line line;
    line.number = static_cast<int>(doc_->lines.size()) + 1;
    line.text.assign(t);
    doc_->lines.push_back(std::move(line));
  }
  line_.clear();
}

void FlowWriter::AddPicture(std::string src, std::string alt) {
  Break();
  doc_->pictures.push_back({doc_->lines.size(), std::move(src), std::move(alt)});
}

void FlowWriter::AddGrid(CellGrid grid) {
  Break();
  if (grid.rows <= 0 || grid.cells.empty()) return;
  grid.first_line = doc_->lines.size();
  std::vector<std::string> texts(static_cast<size_t>(grid.rows));
  std::vector<int> count(static_cast<size_t>(grid.rows), 0);
  for (GridCell& c : grid.cells) {
    size_t r = static_cast<size_t>(c.row);
    if (count[r]++) texts[r] += '\t';
    texts[r] += c.text;
    c.line = static_cast<int>(grid.first_line + r) + 1;
  }
  for (std::string& t : texts) {
    Line line;
    line.number = static_cast<int>(doc_->lines.size()) + 1;
    line.text = std::move(t);
    doc_->lines.push_back(std::move(line));
  }
  grid.last_line = doc_->lines.size() - 1;
  doc_->grids.push_back(std::move(grid));
}

}  // namespace gongkai
