#include "load/pdf_rules.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

RuleSegment H(double y, double x0, double x1) { return {x0, y, x1, y}; }
RuleSegment V(double x, double y0, double y1) { return {x, y0, x, y1}; }

// A full grid of `rows` x `cols` cells, 10 points square, drawn line by line.
std::vector<RuleSegment> Grid(int rows, int cols) {
  std::vector<RuleSegment> s;
  for (int r = 0; r <= rows; ++r) s.push_back(H(10.0 * r, 0, 10.0 * cols));
  for (int c = 0; c <= cols; ++c) s.push_back(V(10.0 * c, 0, 10.0 * rows));
  return s;
}

TEST(PdfRules, FullGridGivesEveryCell) {
  std::vector<RuleTable> t = FindRuleTables(Grid(3, 4));
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].rows(), 3);
  EXPECT_EQ(t[0].cols(), 4);
  EXPECT_EQ(t[0].cells.size(), 12u);
  EXPECT_EQ(t[0].cells[5].row, 1);
  EXPECT_EQ(t[0].cells[5].col, 1);
}

TEST(PdfRules, MissingRulesGiveSpans) {
  // 3 x 3: the second horizontal rule missing in the first column (a label spanning two rows),
  // the third vertical rule missing in the top row (a header spanning two columns).
  std::vector<RuleSegment> s = {H(0, 0, 30), H(10, 10, 30), H(20, 0, 30),  H(30, 0, 30),
                                V(0, 0, 30), V(10, 0, 30),  V(20, 10, 30), V(30, 0, 30)};
  std::vector<RuleTable> t = FindRuleTables(s);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].rows(), 3);
  EXPECT_EQ(t[0].cols(), 3);
  ASSERT_EQ(t[0].cells.size(), 7u);
  // r0c0 spans rows 0-1; r0c1 spans columns 1-2.
  EXPECT_EQ(t[0].cells[0].row_span, 2);
  EXPECT_EQ(t[0].cells[0].col_span, 1);
  EXPECT_EQ(t[0].cells[1].col, 1);
  EXPECT_EQ(t[0].cells[1].col_span, 2);
  EXPECT_EQ(t[0].cells[1].row_span, 1);
}

TEST(PdfRules, PiecesJoinAndNearPositionsSnap) {
  // Rules drawn cell by cell, with gaps of up to 2 points and off by up to 1.5 points.
  std::vector<RuleSegment> s;
  for (int r = 0; r <= 2; ++r) {
    for (int c = 0; c < 3; ++c)
      s.push_back(H(10.0 * r + (c == 1 ? 1.5 : 0), 10.0 * c, 10.0 * c + 8));
  }
  for (int c = 0; c <= 3; ++c) {
    for (int r = 0; r < 2; ++r) s.push_back(V(10.0 * c + (r ? 1 : 0), 10.0 * r, 10.0 * r + 10));
  }
  std::vector<RuleSegment> h, v;
  NormalizeRules(s, RuleOptions(), &h, &v);
  EXPECT_EQ(h.size(), 3u);
  EXPECT_EQ(v.size(), 4u);
  std::vector<RuleTable> t = FindRuleTables(s);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].rows(), 2);
  EXPECT_EQ(t[0].cols(), 3);
  EXPECT_EQ(t[0].cells.size(), 6u);
}

TEST(PdfRules, SeparateTablesAndStrayRules) {
  std::vector<RuleSegment> s = Grid(2, 2);
  for (RuleSegment r : Grid(1, 3)) {
    r.y0 += 100;
    r.y1 += 100;
    s.push_back(r);
  }
  s.push_back(H(200, 0, 300));  // an underline: no table
  s.push_back(V(400, 0, 1));    // a dot: too short to be a rule
  std::vector<RuleTable> t = FindRuleTables(s);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].rows(), 2);
  EXPECT_EQ(t[1].rows(), 1);
  EXPECT_EQ(t[1].cols(), 3);
  EXPECT_DOUBLE_EQ(t[1].y0, 100);
}

TEST(PdfRules, BoxWithOneCellOrDiagonalsIsNoTable) {
  EXPECT_TRUE(FindRuleTables(Grid(1, 1)).empty());
  EXPECT_TRUE(FindRuleTables({{0, 0, 50, 50}, {0, 50, 50, 0}}).empty());
}

TEST(PdfRules, TooManySegmentsReadNoTables) {
  RuleOptions o;
  o.max_segments = 5;
  EXPECT_TRUE(FindRuleTables(Grid(3, 3), o).empty());
}

TEST(PdfRules, CraftedGridsAreBounded) {
  // 2,000 x 2,000 crossing rules (4 M crossings): refused quickly, not built.
  RuleOptions o;
  std::vector<RuleSegment> s;
  for (int i = 0; i < 2000; ++i) {
    s.push_back(H(5.0 * i, 0, 10000));
    s.push_back(V(5.0 * i, 0, 10000));
  }
  EXPECT_TRUE(FindRuleTables(s, o).empty());
  // A table well inside the bounds still reads.
  o.max_corners = 20;
  EXPECT_EQ(FindRuleTables(Grid(3, 3), o).size(), 1u);
  o.max_corners = 15;
  EXPECT_TRUE(FindRuleTables(Grid(3, 3), o).empty());
}

}  // namespace
}  // namespace gongkai
