#include "load/pdf_grid_text.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

// One row of three cells: a label column [0, 100] and two value columns of 40 points.
RuleTable Row3() {
  std::vector<RuleSegment> s = {{0, 0, 180, 0},    {0, 20, 180, 20},  {0, 0, 0, 20},
                                {100, 0, 100, 20}, {140, 0, 140, 20}, {180, 0, 180, 20}};
  return FindRuleTables(s).at(0);
}

PdfWord Word(std::string text, double x0, double y0, double width, int line = 1) {
  PdfWord w;
  w.text = text;
  w.x0 = x0;
  w.y0 = y0;
  w.x1 = x0 + width;
  w.y1 = y0 + 8;
  w.line = static_cast<size_t>(line - 1);
  w.line_number = line;
  return w;
}

// A word whose glyphs are each `width / size` wide (ASCII text).
PdfWord Glyphs(std::string text, double x0, double y0, double width) {
  PdfWord w = Word(text, x0, y0, width);
  double step = width / static_cast<double>(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    w.glyphs.push_back({std::string(1, text[i]), x0 + step * static_cast<double>(i), y0,
                        x0 + step * static_cast<double>(i + 1), y0 + 8});
  }
  return w;
}

std::vector<std::string> Texts(const CellGrid& g) {
  std::vector<std::string> out;
  for (const GridCell& c : g.cells) out.push_back(c.text);
  return out;
}

TEST(PdfGridText, NumberDrawnAsSeveralRunsReadsWhole) {
  // 「447228」 drawn as 「228」 then 「447」 (out of order), and a label wrapped over two lines.
  std::vector<PdfWord> words = {Word("228", 120, 6, 10), Word("447", 108, 6, 10),
                                Word("没有现成信息", 2, 2, 60), Word("需要另行制作", 2, 11, 60),
                                Word("1", 150, 6, 4)};
  std::vector<CellGrid> grids = GridsFromRules({Row3()}, words, 3, 1);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].source, "pdf-rules");
  EXPECT_EQ(grids[0].id, "p3 rules[1]");
  EXPECT_EQ(Texts(grids[0]), (std::vector<std::string>{"没有现成信息需要另行制作", "447228", "1"}));
  EXPECT_EQ(grids[0].cells[1].page, 3);
}

TEST(PdfGridText, RunStraddlingCellsSplitsByGlyph) {
  // 「1020」 as one run over two value cells (no gap between them on the page).
  std::vector<PdfWord> words = {Word("规章", 2, 6, 20), Glyphs("1020", 130, 6, 20)};
  std::vector<CellGrid> grids = GridsFromRules({Row3()}, words, 1, 1);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(Texts(grids[0]), (std::vector<std::string>{"规章", "10", "20"}));
}

TEST(PdfGridText, GlyphCrossedByRuleStaysInItsCell) {
  // A label too wide for its column: its last glyph runs over the rule into the value cell.
  std::vector<PdfWord> words = {Glyphs("abcdefghij", 6, 6, 100), Word("7", 115, 6, 5)};
  std::vector<CellGrid> grids = GridsFromRules({Row3()}, words, 1, 1);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(Texts(grids[0]), (std::vector<std::string>{"abcdefghij", "7", ""}));
}

TEST(PdfGridText, TwoNumbersApartInOneCellDoNotReadAsOne) {
  // 「12」 and a 「3」 moved into its cell, 12 points (1.5 em) apart: 「12 3」, not 12 or 123.
  std::vector<PdfWord> words = {Word("规章", 2, 6, 20), Word("12", 105, 6, 8), Word("3", 125, 6, 4),
                                Word("4", 150, 6, 4)};
  std::vector<CellGrid> grids = GridsFromRules({Row3()}, words, 1, 1);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(Texts(grids[0]), (std::vector<std::string>{"规章", "12 3", "4"}));
}

TEST(PdfGridText, GlyphsOverflowingTheTableStayWithTheirWord) {
  // 「563」 in the last column, its 「3」 drawn past the table's right rule.
  std::vector<PdfWord> words = {Word("规章", 2, 6, 20), Word("1", 115, 6, 4),
                                Glyphs("563", 172, 6, 12)};
  std::vector<CellGrid> grids = GridsFromRules({Row3()}, words, 1, 1);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(Texts(grids[0]), (std::vector<std::string>{"规章", "1", "563"}));
}

TEST(PdfGridText, TableWithTextInOneCellIsNoGrid) {
  EXPECT_TRUE(GridsFromRules({Row3()}, {Word("注", 2, 6, 10)}, 1, 1).empty());
}

// A grid of `rows` rows x 3 columns at the given page and lines.
CellGrid Grid(int page, size_t first_line, std::vector<std::vector<std::string>> rows) {
  CellGrid g;
  g.rows = static_cast<int>(rows.size());
  g.cols = 3;
  g.first_line = first_line;
  g.last_line = first_line + rows.size() - 1;
  for (int r = 0; r < g.rows; ++r) {
    for (int c = 0; c < 3; ++c) {
      GridCell cell;
      cell.row = r;
      cell.col = c;
      cell.page = page;
      cell.text = rows[static_cast<size_t>(r)][static_cast<size_t>(c)];
      cell.box = std::array<double, 4>{c * 50.0, r * 20.0, c * 50.0 + 50, r * 20.0 + 20};
      g.cells.push_back(cell);
    }
  }
  return g;
}

std::vector<Line> Lines(int page1, int page2) {
  std::vector<Line> lines;
  for (int i = 0; i < page1 + page2; ++i) {
    Line l;
    l.number = i + 1;
    l.page = i < page1 ? 1 : 2;
    lines.push_back(l);
  }
  return lines;
}

TEST(PdfGridText, RowBrokenOverPageIsJoined) {
  std::vector<CellGrid> grids = {
      Grid(1, 0, {{"1.属于国家秘密", "1", "2"}, {"2.其他法律行政法规", "3", "4"}}),
      Grid(2, 2, {{"禁止公开", "", ""}, {"3.危及", "5", "6"}})};
  JoinBrokenRows(Lines(2, 2), &grids);
  ASSERT_EQ(grids.size(), 2u);
  EXPECT_EQ(grids[0].cells[3].text, "2.其他法律行政法规禁止公开");
  EXPECT_EQ(grids[1].rows, 1);
  EXPECT_EQ(grids[1].cells.size(), 3u);
  EXPECT_EQ(grids[1].cells[0].text, "3.危及");
  EXPECT_EQ(grids[1].cells[0].row, 0);
}

TEST(PdfGridText, BlankRowOpeningAnItemIsNotJoined) {
  // 「2.没有现成信息需要另行制作」 printing only blanks at the top of a page is a row of its own.
  std::vector<CellGrid> grids = {Grid(1, 0, {{"1.本机关不掌握", "1", "2"}}),
                                 Grid(2, 1, {{"2.没有现成信息需要另行制作", "", ""}})};
  JoinBrokenRows(Lines(1, 1), &grids);
  ASSERT_EQ(grids.size(), 2u);
  EXPECT_EQ(grids[0].cells[0].text, "1.本机关不掌握");
  EXPECT_EQ(grids[1].rows, 1);
}

TEST(PdfGridText, TableNotAtThePageTopIsNotJoined) {
  std::vector<CellGrid> grids = {Grid(1, 0, {{"a", "1", "2"}}), Grid(2, 2, {{"b", "", ""}})};
  JoinBrokenRows(Lines(1, 2), &grids);  // a line of text stands above the second table
  EXPECT_EQ(grids[1].rows, 1);
  EXPECT_EQ(grids[0].cells[0].text, "a");
}

}  // namespace
}  // namespace gongkai
