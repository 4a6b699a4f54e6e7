#include "tables/text_tables.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace gongkai {
namespace {

TableGrid GridOf(const Document& doc) {
  std::vector<SpanLine> lines;
  for (const Line& l : doc.lines) lines.push_back({&l, l.norm});
  return BuildTextGrid("requests", lines);
}

std::vector<std::string> Values(const Row& row) {
  std::vector<std::string> out;
  for (const Cell& c : row.values) out.push_back(c.text.empty() ? "_" : c.text);
  return out;
}

TEST(TextTables, TabSeparatedKeepsEmptyCells) {
  Document doc = testing::MakeDocument(
      "三、本年度办理结果\t(一) 予以公开\t\t0\t0\t0\t0\t0\t0\n"
      "一、本年新收政府信息公开申请数量\t\t1\t2\t3\t4\t5\t6\t21\t\n");
  TableGrid g = GridOf(doc);
  EXPECT_EQ(g.layout, Layout::kTabbed);
  ASSERT_EQ(g.rows.size(), 2u);
  EXPECT_EQ(g.rows[0].labels.size(), 2u);
  EXPECT_EQ(Values(g.rows[0]), (std::vector<std::string>{"_", "0", "0", "0", "0", "0", "0"}));
  EXPECT_TRUE(g.rows[0].explicit_blanks);
  EXPECT_EQ(g.rows[1].values.size(), 9u);
}

TEST(TextTables, PipeSeparatedRowsReadAsTabbed) {
  for (const char* text : {
           "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|:---:|---|---|\n"
           "| 规章 | 0 |  | 3 |\n| 行政规范性文件 | 3 | 1 | 8 |\n",
           "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 0 |  | 3\n"
           "行政规范性文件 | 3 | 1 | 8\n",
           "信息内容\n| 本年制发件数\n| 本年废止件数\n| 现行有效件数\n规章\n| 0\n|\n| 3\n"
           "行政规范性文件\n| 3\n| 1\n| 8\n",
       }) {
    TableGrid g = GridOf(testing::MakeDocument(text));
    EXPECT_EQ(g.layout, Layout::kTabbed) << text;
    ASSERT_EQ(g.rows.size(), 3u) << text;
    EXPECT_EQ(g.rows[1].labels[0].text, "规章");
    EXPECT_EQ(Values(g.rows[1]), (std::vector<std::string>{"0", "_", "3"})) << text;
    EXPECT_EQ(Values(g.rows[2]), (std::vector<std::string>{"3", "1", "8"})) << text;
  }
}

TEST(TextTables, CellLineAfterABlankLineOpensARow) {
  // An empty first cell prints as a blank line before the row's cell lines.
  TableGrid g = GridOf(testing::MakeDocument(
      "信息内容\n| 本年制发件数\n| 现行有效件数\n规章\n| 0\n| 3\n\n| 2\n| 5\n"));
  ASSERT_EQ(g.rows.size(), 3u);
  EXPECT_TRUE(g.rows[2].labels.empty());
  EXPECT_EQ(Values(g.rows[2]), (std::vector<std::string>{"_", "2", "5"}));
}

TEST(TextTables, SpaceSeparated) {
  Document doc = testing::MakeDocument(
      "信息内容  本年制发件数  本年废止件数  现行有效件数\n规章  0  0  3\n行政规范性文件 3 1 8\n");
  TableGrid g = GridOf(doc);
  EXPECT_EQ(g.layout, Layout::kSpaced);
  ASSERT_EQ(g.rows.size(), 3u);
  EXPECT_EQ(g.rows[2].labels[0].text, "行政规范性文件");
  EXPECT_EQ(Values(g.rows[2]), (std::vector<std::string>{"3", "1", "8"}));
  EXPECT_FALSE(g.rows[2].explicit_blanks);
}

TEST(TextTables, OneCellPerLineDecodesBlanksFromGaps) {
  // Cells end with three breaks, rows with two more; an empty cell adds three.
  std::string t =
      "一、本年新收\r\r\r1\r\r\r2\r\r\r3\r\r\r\r\r"
      "二、上年结转\r\r\r0\r\r\r0\r\r\r\r\r\r\r\r"  // last cell blank: 3 + 3 + 2
      "(二)部分公开\r\r\r\r\r\r\r\r\r\r\r\r\r\r"    // all three blank: 3 + 9 + 2
      "(七)总计\r\r\r4\r\r\r5\r\r\r6\r\r\r\r\r";
  Document doc = testing::MakeDocument(t);
  TableGrid g = GridOf(doc);
  EXPECT_EQ(g.layout, Layout::kCellPerLine);
  ASSERT_EQ(g.rows.size(), 4u);
  EXPECT_EQ(Values(g.rows[0]), (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(Values(g.rows[1]), (std::vector<std::string>{"0", "0", "_"}));
  EXPECT_EQ(Values(g.rows[2]), (std::vector<std::string>{"_", "_", "_"}));
  EXPECT_EQ(g.rows[3].labels[0].text, "(七)总计");
}

TEST(TextTables, OneCellPerLineBlanksOpeningARow) {
  // A header row, then blanks that start the next row (table 四 printing only its 总计 cells).
  std::string t =
      "行政复议\r\r\r行政诉讼\r\r\r\r\r结果维持\r\r\r总计\r\r\r\r\r\r\r\r0\r\r\r\r\r\r0\r\r\r\r\r";
  Document doc = testing::MakeDocument(t);
  TableGrid g = GridOf(doc);
  ASSERT_EQ(g.rows.size(), 3u);
  EXPECT_EQ(g.rows[1].values.size(), 0u);
  EXPECT_EQ(Values(g.rows[2]), (std::vector<std::string>{"_", "0", "_", "0"}));
}

TEST(TextTables, CellWrappedOverTwoLines) {
  std::string t = "商业\r企业\r\r\r科研机构\r\r\r\r\r规章\r\r\r1\r\r\r2\r\r\r\r\r";
  Document doc = testing::MakeDocument(t);
  TableGrid g = GridOf(doc);
  ASSERT_GE(g.rows.size(), 1u);
  EXPECT_EQ(g.rows[0].labels[0].text, "商业企业");
}

TEST(TextTables, ProseIsNotATable) {
  Document doc =
      testing::MakeDocument("2021年，我局共收到申请0件。\n今后，我们将进一步采取措施。\n");
  EXPECT_EQ(GridOf(doc).layout, Layout::kNone);
}

TEST(TextTables, FlattenedIsRecognised) {
  Document doc = testing::MakeDocument("信息内容本年制发件数规章000行政规范性文件5225");
  EXPECT_EQ(GridOf(doc).layout, Layout::kFlattened);
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

TEST(TextTables, FlattenedRunsAndEnumerations) {
  Document doc = testing::MakeDocument(
      "信息内容本年制发件数规章000行政规范性文件5225（三）不予公开1.属于国家秘密0000000"
      "2.其他法律行政法规禁止公开0000000行政事业性收费739.0766政府集中采购304948.3955万元");
  TableGrid g = GridOf(doc);
  ASSERT_EQ(g.layout, Layout::kFlattened);
  std::vector<std::pair<std::string, std::string>> rows;
  for (const Row& r : g.rows) {
    rows.emplace_back(r.labels.empty() ? "" : r.labels[0].text,
                      r.values.empty() ? "" : r.values[0].text);
  }
  std::vector<std::pair<std::string, std::string>> want = {
      {"信息内容本年制发件数规章", "000"},       {"行政规范性文件", "5225"},
      {"(三)不予公开1.属于国家秘密", "0000000"},  // 「1.」 joins the label it numbers
      {"2.其他法律行政法规禁止公开", "0000000"}, {"行政事业性收费", "739.0766"},
      {"政府集中采购", "304948.3955万元"}};
  EXPECT_EQ(rows, want);
  EXPECT_EQ(g.rows[1].values[0].kind, CellKind::kRun);
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

TEST(TextTables, IdeographicSpaceRunsInOneLine) {
  // A page flattened to text: the whole table on one line, 「　　」 between cells.
  Document doc = testing::MakeDocument(
      "第二十条第（一）项　　信息内容　　本年制发件数　　本年废止件数　　现行有效件数　　规章　　0"
      "　　0"
      "　　0　　行政规范性文件　　13　　8　　49　　（三）不予公开　　1.属于国家秘密　　0　　0");
  TableGrid g = GridOf(doc);
  ASSERT_EQ(g.layout, Layout::kSpaced);
  std::vector<std::string> rows;
  for (const Row& r : g.rows) {
    std::string row;
    for (const Cell& c : r.labels) row += c.text + "|";
    row += "=>";
    for (const Cell& c : r.values) row += "|" + c.text;
    rows.push_back(row);
  }
  EXPECT_EQ(rows, (std::vector<std::string>{
                      "第二十条第(一)项|信息内容|本年制发件数|本年废止件数|现行有效件数|=>",
                      "规章|=>|0|0|0", "行政规范性文件|=>|13|8|49",
                      "(三)不予公开|1.属于国家秘密|=>|0|0"}));
  EXPECT_EQ(g.rows[2].text, "行政规范性文件  13  8  49");
}

}  // namespace
}  // namespace gongkai
