#include "tables/text_tables.h"

#include <algorithm>
#include <map>

#include "util/number.h"
#include "util/text.h"

namespace gongkai {
namespace {

// Longer than this, a text cell is prose, not a table label.
constexpr size_t kMaxLabelCodePoints = 80;

bool IsNumber(std::string_view text) {
  return ParseCellNumber(text).kind == CellNumber::Kind::kNumber;
}

// Cells of a tab-separated line (kept empty cells included).
std::vector<std::string> TabCells(std::string_view norm) {
  std::vector<std::string> cells;
  for (std::string_view part : SplitOn(norm, '\t')) cells.emplace_back(Trim(part));
  return cells;
}

// Cells of a line without tabs: runs of two or more spaces separate cells, and trailing numbers
// separated by single spaces are cells of their own ("规章 0 0 3").
std::vector<std::string> SpacedCells(std::string_view norm) {
  std::vector<std::string> cells;
  std::string current;
  int spaces = 0;
  for (char c : norm) {
    if (c == ' ') {
      ++spaces;
      continue;
    }
    if (spaces >= 2 && !current.empty()) {
      cells.push_back(current);
      current.clear();
    } else if (spaces == 1 && !current.empty()) {
      current.push_back(' ');
    }
    spaces = 0;
    current.push_back(c);
  }
  if (!current.empty()) cells.push_back(current);
  std::vector<std::string> out;
  for (const std::string& cell : cells) {
    std::vector<std::string_view> tokens = SplitOn(cell, ' ');
    size_t first_number = tokens.size();
    while (first_number > 0 && IsNumber(tokens[first_number - 1])) --first_number;
    std::string label;
    for (size_t i = 0; i < first_number; ++i) {
      if (!label.empty()) label.push_back(' ');
      label.append(tokens[i]);
    }
    if (!label.empty()) out.push_back(label);
    for (size_t i = first_number; i < tokens.size(); ++i) out.emplace_back(tokens[i]);
  }
  return out;
}

// Splits cells into labels (up to the last text cell) and values (after it).
Row MakeRow(const std::vector<Cell>& cells, bool explicit_blanks) {
  Row row;
  row.explicit_blanks = explicit_blanks;
  int last_label = -1;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (cells[i].kind == CellKind::kText) last_label = static_cast<int>(i);
  }
  for (size_t i = 0; i < cells.size(); ++i) {
    if (static_cast<int>(i) <= last_label) {
      if (!cells[i].text.empty()) row.labels.push_back(cells[i]);
    } else {
      row.values.push_back(cells[i]);
    }
  }
  if (!cells.empty()) {
    row.line = cells.front().line;
    row.page = cells.front().page;
  }
  return row;
}

bool IsProse(const Row& row) {
  for (const Cell& c : row.labels) {
    if (CodePointCount(c.text) > kMaxLabelCodePoints) return true;
  }
  return false;
}

void AddRow(Row row, std::string text, std::vector<Row>* rows) {
  if (row.labels.empty() && row.values.empty()) return;
  if (IsProse(row)) return;
  row.text = std::move(text);
  rows->push_back(std::move(row));
}

void BuildLineRows(const std::vector<SpanLine>& lines, bool tabbed, bool cut, TableGrid* grid) {
  for (const SpanLine& sl : lines) {
    std::string_view norm = sl.norm;
    if (Trim(norm).empty()) continue;
    std::vector<std::string> texts = tabbed ? TabCells(norm) : SpacedCells(norm);
    std::vector<Cell> cells;
    for (std::string& t : texts) {
      int col = tabbed ? static_cast<int>(cells.size()) : -1;
      cells.push_back(MakeCell(std::move(t), sl.line->number, sl.line->page, col));
    }
    Row row = MakeRow(cells, tabbed);
    // A row cut out of a long line (SpacedRunsAsLines) shows only its own part.
    AddRow(std::move(row), std::string(Trim(cut ? sl.norm : sl.line->text)), &grid->rows);
  }
}

// One cell per line. Non-empty lines are cells; the number of line breaks between two of them
// (the gap) is c between cells of a row, c + e between rows, and each blank cell adds c more.
struct Item {
  std::string text;
  int line = 0;
  std::optional<int> page;
  size_t gap = 0;  // line breaks since the previous item
};

struct StreamCell {
  Cell cell;
  std::string original;
};

class CellStreamDecoder {
 public:
  explicit CellStreamDecoder(std::vector<Item> items) : items_(std::move(items)) {
    std::map<size_t, int> histogram;
    for (size_t i = 1; i < items_.size(); ++i) ++histogram[items_[i].gap];
    int best = 0;
    for (const auto& [gap, count] : histogram) {
      if (gap >= 2 && count > best) {
        best = count;
        cell_gap_ = gap;
      }
    }
    if (cell_gap_ == 0) return;
    best = 0;
    for (const auto& [gap, count] : histogram) {
      if (gap > cell_gap_ && gap < 2 * cell_gap_ && count > best) {
        best = count;
        row_extra_ = gap - cell_gap_;
      }
    }
  }

  bool regular() const { return cell_gap_ >= 2; }

  std::vector<std::vector<StreamCell>> Decode() const {
    // First pass: blanks always open the next row; learn how wide complete numeric rows are.
    std::vector<std::vector<StreamCell>> rows = DecodeWith(0);
    size_t width = 0;
    for (const auto& row : rows) {
      bool numeric = false, blank = false;
      for (const StreamCell& c : row) {
        numeric |= c.cell.kind == CellKind::kNumber;
        blank |= c.cell.text.empty();
      }
      if (numeric && !blank) width = std::max(width, row.size());
    }
    return width == 0 ? rows : DecodeWith(width);
  }

 private:
  // Blank cells announced in a gap that also ends a row belong to the current row when it then
  // stays no wider than the widest complete row (max_width), else to the next row.
  std::vector<std::vector<StreamCell>> DecodeWith(size_t max_width) const {
    std::vector<std::vector<StreamCell>> rows(1);
    auto blank = [](const Item& at) { return StreamCell{MakeCell("", at.line, at.page), ""}; };
    for (size_t i = 0; i < items_.size(); ++i) {
      const Item& item = items_[i];
      if (i > 0) {
        size_t g = item.gap;
        if (g < cell_gap_) {
          // A line break inside a cell (「商业\r企业」).
          StreamCell& last = rows.back().back();
          last.original += item.text;
          last.cell = MakeCell(last.cell.text + item.text, last.cell.line, last.cell.page);
          continue;
        }
        bool row_end = false;
        size_t blanks = 0;
        if (row_extra_ > 0 && g >= cell_gap_ + row_extra_ && (g - row_extra_) % cell_gap_ == 0) {
          row_end = true;
          blanks = (g - row_extra_) / cell_gap_ - 1;
        } else if (g % cell_gap_ == 0) {
          blanks = g / cell_gap_ - 1;
        } else {
          row_end = true;  // an irregular gap: a paragraph break
        }
        if (row_end) {
          bool before = max_width > 0 && rows.back().size() + blanks <= max_width;
          if (before) {
            for (size_t b = 0; b < blanks; ++b) rows.back().push_back(blank(items_[i - 1]));
          }
          rows.emplace_back();
          if (!before) {
            for (size_t b = 0; b < blanks; ++b) rows.back().push_back(blank(item));
          }
        } else {
          for (size_t b = 0; b < blanks; ++b) rows.back().push_back(blank(items_[i - 1]));
        }
      }
      rows.back().push_back({MakeCell(item.text, item.line, item.page), item.text});
    }
    return rows;
  }

  std::vector<Item> items_;
  size_t cell_gap_ = 0;
  size_t row_extra_ = 0;
};

void BuildCellRows(const std::vector<SpanLine>& lines, TableGrid* grid) {
  std::vector<Item> items;
  size_t since = 0;
  for (const SpanLine& sl : lines) {
    ++since;
    std::string_view t = Trim(sl.norm);
    if (t.empty()) continue;
    items.push_back({std::string(t), sl.line->number, sl.line->page, since});
    since = 0;
  }
  CellStreamDecoder decoder(std::move(items));
  if (decoder.regular()) {
    for (const auto& cells : decoder.Decode()) {
      std::vector<Cell> row_cells;
      std::string text;
      for (const StreamCell& c : cells) {
        if (!row_cells.empty()) text += '\t';
        text += c.original;
        row_cells.push_back(c.cell);
        row_cells.back().col = static_cast<int>(row_cells.size()) - 1;
      }
      AddRow(MakeRow(row_cells, true), text, &grid->rows);
    }
    return;
  }
  // No regular gaps: a label opens a row, the numbers after it are its values.
  std::vector<Cell> current;
  bool has_value = false;
  auto flush = [&]() {
    if (current.empty()) return;
    std::string text;
    for (const Cell& c : current) text += (text.empty() ? "" : "\t") + c.text;
    AddRow(MakeRow(current, false), text, &grid->rows);
    current.clear();
    has_value = false;
  };
  for (const SpanLine& sl : lines) {
    std::string t(Trim(sl.norm));
    if (t.empty()) continue;
    Cell cell = MakeCell(t, sl.line->number, sl.line->page);
    bool number = cell.kind == CellKind::kNumber;
    if (!number && has_value) flush();
    has_value |= number;
    current.push_back(std::move(cell));
  }
  flush();
}

// Flattened text: cells lost their separators (「规章000行政规范性文件5225」). The section becomes
// alternating text runs and digit runs; a digit run's last digit that is followed by 「.」 or
// 「、」 and a character is the enumeration of the next label (「00000002.其他法律…」).
bool IsRunChar(char c) { return (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-'; }

void BuildFlattenedRows(const std::vector<SpanLine>& lines, TableGrid* grid) {
  std::string text;
  int line = lines.empty() ? 0 : lines.front().line->number;
  std::optional<int> page = lines.empty() ? std::nullopt : lines.front().line->page;
  for (const SpanLine& sl : lines) text += StripSpaces(sl.norm);
  std::string label;
  size_t i = 0;
  auto emit = [&](std::string run) {
    Row row;
    row.flattened = true;
    row.line = line;
    row.page = page;
    if (!label.empty()) row.labels.push_back(MakeCell(label, line, page));
    if (!run.empty()) row.values.push_back(MakeRun(run, line, page));
    row.text = label + run;
    label.clear();
    if (!row.labels.empty() || !row.values.empty()) grid->rows.push_back(std::move(row));
  };
  while (i < text.size()) {
    char c = text[i];
    bool starts_run = (c >= '0' && c <= '9') || ((c == '+' || c == '-') && i + 1 < text.size() &&
                                                 text[i + 1] >= '0' && text[i + 1] <= '9');
    if (!starts_run) {
      label.push_back(c);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && IsRunChar(text[j])) ++j;
    std::string run = text.substr(i, j - i);
    // 「0000000 2.其他」: the trailing 「2.」 (or 「2、」) opens the next label.
    std::string carry;
    bool enumeration = false;
    if (!run.empty() && run.back() == '.' && run.size() >= 2 && run[run.size() - 2] >= '0' &&
        run[run.size() - 2] <= '9') {
      enumeration = true;  // 「…02.其他」: the run ends with the dot
      carry = run.substr(run.size() - 2);
      run.resize(run.size() - 2);
    } else if (text.compare(j, 3, "、") == 0 && !run.empty() && run.back() >= '0' &&
               run.back() <= '9') {
      enumeration = true;
      carry = run.substr(run.size() - 1);
      run.pop_back();
    }
    // A unit glued after the digits belongs to the run.
    for (std::string_view unit : {"万元", "元"}) {
      if (!enumeration && text.compare(j, unit.size(), unit) == 0) {
        run += unit;
        j += unit.size();
        break;
      }
    }
    if (!run.empty()) emit(run);
    label += carry;
    i = j;
  }
  emit("");
}

// A markdown rule line between header and body: 「|---|:---:|」.
bool IsRuleLine(std::string_view t) {
  return t.find_first_not_of("|-:+= ") == std::string_view::npos &&
         t.find('-') != std::string_view::npos;
}

// Tables scraped with their cells joined by pipes, as HTML-to-text converters print them:
// 「| 规章 | 3 | 1 | 8 |」, 「规章 | 3 | 1 | 8」, or a cell per line after the row's first
// (「主动公开信息数」 「| 条」 「| 01」 「|」). Rewrites such lines as tab-separated rows, into
// `storage`; returns false (and leaves `out` empty) when the lines hold no such table.
bool PipedAsTabbed(const std::vector<SpanLine>& lines, std::vector<std::string>* storage,
                   std::vector<SpanLine>* out) {
  int piped = 0;
  for (const SpanLine& sl : lines) {
    if (sl.norm.find('|') != std::string_view::npos && sl.norm.find('\t') == std::string_view::npos)
      ++piped;
  }
  if (piped < 2) return false;
  std::vector<const Line*> origin;
  bool after_blank = true;
  for (const SpanLine& sl : lines) {
    std::string_view t = Trim(sl.norm);
    const bool blank = after_blank;
    after_blank = t.empty();
    if (t.empty() || IsRuleLine(t)) continue;
    // A cell line continues the row above; after a blank line (an empty first cell) it starts one.
    bool continuation = t.front() == '|' && t.find('|', 1) == std::string_view::npos;
    if (continuation && blank) {
      storage->emplace_back();
      origin.push_back(sl.line);
    }
    if (continuation && !storage->empty()) {
      storage->back() += '\t';
      storage->back() += Trim(t.substr(1));
      continue;
    }
    if (t.front() == '|') t.remove_prefix(1);
    if (!t.empty() && t.back() == '|') t.remove_suffix(1);
    std::string row;
    bool first = true;
    for (std::string_view cell : SplitOn(t, '|')) {
      if (!first) row += '\t';
      row += Trim(cell);
      first = false;
    }
    storage->push_back(std::move(row));
    origin.push_back(sl.line);
  }
  for (size_t i = 0; i < storage->size(); ++i) out->push_back({origin[i], (*storage)[i]});
  return true;
}

// An enumerated row label that follows its group label: 「1.属于国家秘密」 after 「(三)不予公开」,
// 「(一)予以公开」 after 「三、本年度办理结果」.
bool IsItemLabel(std::string_view cell) {
  return (cell.size() >= 2 && cell[0] >= '1' && cell[0] <= '9' && cell[1] == '.') ||
         cell.starts_with("(");
}

// Tables flattened into one long line with runs of spaces (ideographic after NFKC) between cells:
// 「规章  0  0  0  行政规范性文件  5  2  25」. A row ends before each label that follows a number;
// header cells before a row's label (「信息内容 本年制发件数 … 规章」), and before table 四's
// fifteen values, make a row of their own.
// Rewrites such lines as one line per row, into `storage`; false when there are none.
bool SpacedRunsAsLines(const std::vector<SpanLine>& lines, std::vector<std::string>* storage,
                       std::vector<SpanLine>* out) {
  std::vector<std::pair<const SpanLine*, std::vector<std::vector<std::string>>>> split;
  bool any = false;
  for (const SpanLine& sl : lines) {
    split.push_back({&sl, {}});
    if (sl.norm.find('\t') != std::string_view::npos ||
        sl.norm.find("  ") == std::string_view::npos)
      continue;
    std::vector<std::string> cells = SpacedCells(sl.norm);
    std::vector<std::vector<std::string>> rows(1);
    bool after_number = false;
    int transitions = 0;
    for (std::string& c : cells) {
      bool number = IsNumber(c);
      if (!number && after_number) {
        rows.emplace_back();
        ++transitions;
      }
      after_number = number;
      rows.back().push_back(std::move(c));
    }
    // Table 四's fifteen values after its header cells: the header is a row of its own.
    size_t numbers = 0;
    for (const std::string& c : rows.back()) numbers += IsNumber(c) ? 1 : 0;
    bool wide = numbers >= 10 && rows.back().size() - numbers >= 2;
    if (transitions < 2 && !wide) continue;
    any = true;
    for (std::vector<std::string>& row : rows) {
      size_t texts = 0;
      while (texts < row.size() && !IsNumber(row[texts])) ++texts;
      size_t keep = row.size() - texts >= 10                    ? 0
                    : texts >= 2 && IsItemLabel(row[texts - 1]) ? 2
                                                                : 1;
      if (texts > keep && texts < row.size()) {
        std::vector<std::string> header(row.begin(), row.begin() + (texts - keep));
        row.erase(row.begin(), row.begin() + (texts - keep));
        split.back().second.push_back(std::move(header));
      }
      split.back().second.push_back(std::move(row));
    }
  }
  if (!any) return false;
  for (const auto& [sl, rows] : split) {
    for (const auto& row : rows) {
      std::string joined;
      for (const std::string& c : row) joined += (joined.empty() ? "" : "  ") + c;
      storage->push_back(std::move(joined));
    }
  }
  size_t k = 0;
  for (const auto& [sl, rows] : split) {
    if (rows.empty()) {
      out->push_back(*sl);
      continue;
    }
    for (size_t r = 0; r < rows.size(); ++r) out->push_back({sl->line, (*storage)[k++]});
  }
  return true;
}

}  // namespace

bool IsNumericCell(std::string_view text) { return IsNumber(text); }

TableGrid BuildTextGrid(const std::string& table, const std::vector<SpanLine>& raw_lines) {
  std::vector<std::string> storage;
  std::vector<SpanLine> piped;
  const std::vector<SpanLine>& unpiped =
      PipedAsTabbed(raw_lines, &storage, &piped) ? piped : raw_lines;
  std::vector<std::string> run_storage;
  std::vector<SpanLine> runs;
  const std::vector<SpanLine>& lines =
      SpacedRunsAsLines(unpiped, &run_storage, &runs) ? runs : unpiped;
  TableGrid grid;
  grid.table = table;
  int tab_lines = 0, tab_numeric = 0, spaced = 0, wide = 0, number_lines = 0, flattened = 0,
      headers = 0;
  for (const SpanLine& sl : lines) {
    std::string_view t = Trim(sl.norm);
    if (t.empty()) continue;
    if (t.find('\t') != std::string_view::npos) {
      ++tab_lines;
      for (const std::string& c : TabCells(t)) {
        if (IsNumber(c)) {
          ++tab_numeric;
          break;
        }
      }
      continue;
    }
    if (IsNumber(t)) {
      ++number_lines;
      continue;
    }
    std::vector<std::string> cells = SpacedCells(t);
    if (cells.size() >= 2 && IsNumber(cells.back())) {
      size_t label_len = 0;
      int numbers = 0;
      for (const std::string& c : cells) {
        if (IsNumber(c)) {
          ++numbers;
        } else {
          label_len += CodePointCount(c);
        }
      }
      if (label_len <= kMaxLabelCodePoints) {
        ++spaced;
        if (numbers >= 5) ++wide;  // table 四's one row of fifteen, alone in its section
      }
    }
    // Labels glued to digits (「规章000行政规范性文件5225」): cells lost their separators.
    for (std::string_view header : {"信息内容", "申请人情况", "结果维持", "自然人"}) {
      if (t.find(header) != std::string_view::npos) ++headers;
    }
    for (size_t i = 0; i + 4 < t.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(t[i]);
      if (c >= 0xE4 && c <= 0xE9 && t[i + 3] >= '0' && t[i + 3] <= '9') {
        ++flattened;
        break;
      }
    }
  }
  if (tab_lines >= 2 && tab_numeric >= 1) {
    grid.layout = Layout::kTabbed;
    BuildLineRows(lines, true, false, &grid);
  } else if (spaced >= 2 || wide >= 1) {
    grid.layout = Layout::kSpaced;
    BuildLineRows(lines, false, &lines == &runs, &grid);
  } else if (number_lines >= 2) {
    grid.layout = Layout::kCellPerLine;
    BuildCellRows(lines, &grid);
  } else if (flattened >= 1 && headers >= 1) {
    grid.layout = Layout::kFlattened;
    BuildFlattenedRows(lines, &grid);
  }
  return grid;
}

}  // namespace gongkai
