// What the markup loaders (HTML, DOCX) share: text flowing into numbered lines, and tables into
// cell grids with spans whose rows are lines too.
#ifndef GONGKAI_LOAD_FLOW_H_
#define GONGKAI_LOAD_FLOW_H_

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace gongkai {

// Places cells on the slots of a table as HTML's table model does: each cell at its row's next
// free slot, spans reserving slots in the rows below. Bounded: past max_slots, cells are dropped
// and overflow() says so.
class GridBuilder {
 public:
  explicit GridBuilder(size_t max_slots = size_t{1} << 18) : max_slots_(max_slots) {}

  void StartRow();
  // Spans below 1 count as 1; a row span reaching past the last row ends there.
  void AddCell(std::string text, int row_span, int col_span, bool header, std::string path);
  // Word's vMerge="continue": the cell above the row's next free slot reaches into this row.
  void ContinueAbove(int col_span, std::string path);
  bool overflow() const { return overflow_; }
  int rows() const { return row_ + 1; }

  CellGrid Finish(std::string source, std::string id);

 private:
  int& Slot(int row, int col);

  std::vector<GridCell> cells_;
  std::vector<std::vector<int>> occ_;  // slot → cell index, -1 free
  int row_ = -1;
  int col_ = 0;
  size_t slots_ = 0;
  size_t max_slots_;
  bool overflow_ = false;
};

// Appends text, line breaks, pictures and grids to a Document in reading order.
class FlowWriter {
 public:
  explicit FlowWriter(Document* doc) : doc_(doc) {}

  // Inline text. Runs of ASCII whitespace become one space; a line starts with none.
  void Append(std::string_view text);
  // Text kept as is (<pre>, Word runs): no whitespace folding.
  void AppendRaw(std::string_view text) { line_ += text; }
  // The end of a block: the current line ends unless it is empty.
  void Break();
  void AddPicture(std::string src, std::string alt);
  // The grid's rows become lines (each row's cells joined by tabs) and the grid is kept.
  void AddGrid(CellGrid grid);
  // Lines written so far (the current one excluded).
  size_t lines() const { return doc_->lines.size(); }

 private:
  Document* doc_;
  std::string line_;
};

}  // namespace gongkai

#endif  // GONGKAI_LOAD_FLOW_H_
