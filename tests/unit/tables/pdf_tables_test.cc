#include "tables/pdf_tables.h"

#include <gtest/gtest.h>

#include <deque>

#include "figures/figures.h"
#include "tables/cell_grid_reader.h"
#include "test_util.h"

namespace gongkai {
namespace {

// Lines of PDF text runs: each run is (text, x0, x1); all runs of a line share its y.
class Page {
 public:
  void Add(double y, std::vector<std::tuple<std::string, double, double>> runs) {
    Line line;
    line.number = static_cast<int>(lines_.size()) + 1;
    line.page = 1;
    for (auto& [text, x0, x1] : runs) {
      if (!line.text.empty()) line.text += '\t';
      line.text += text;
      line.boxes.push_back({text, text, x0, y, x1, y + 8});
    }
    line.norm = line.text;
    lines_.push_back(std::move(line));
  }
  TableGrid Build() const {
    std::vector<SpanLine> spans;
    for (const Line& l : lines_) spans.push_back({&l, l.norm});
    return BuildGeometryGrid("requests", spans);
  }

 private:
  std::deque<Line> lines_;
};

std::string Values(const Row& row) {
  std::string out;
  for (const Cell& c : row.values)
    out += (out.empty() ? "" : "|") + (c.text.empty() ? "_" : c.text);
  return out;
}

void AddHeader(Page* p) {
  p->Add(80, {{"申请人情况", 150, 210}});
  p->Add(
      100,
      {{"自然人", 100, 130}, {"商业企业", 150, 190}, {"科研机构", 200, 240}, {"总计", 250, 270}});
}

TEST(PdfTables, HeaderKeepsAnEmptyColumnInPlace) {
  Page p;
  AddHeader(&p);
  p.Add(120, {{"一、本年新收政府信息公开申请数量", 0, 80},
              {"5", 112, 118},
              {"7", 167, 173},
              {"12", 255, 265}});
  p.Add(140, {{"二、上年结转政府信息公开申请数量", 0, 80},
              {"1", 112, 118},
              {"0", 167, 173},
              {"1", 257, 263}});
  TableGrid g = p.Build();
  ASSERT_EQ(g.layout, Layout::kGeometry);
  ASSERT_GE(g.rows.size(), 2u);
  const Row& last = g.rows.back();
  EXPECT_EQ(Values(g.rows[g.rows.size() - 2]), "5|7|_|12");
  EXPECT_EQ(Values(last), "1|0|_|1");
}

TEST(PdfTables, WithoutHeaderColumnsComeFromValues) {
  Page p;
  p.Add(120, {{"一、本年新收政府信息公开申请数量", 0, 80},
              {"5", 112, 118},
              {"7", 167, 173},
              {"12", 255, 265}});
  TableGrid g = p.Build();
  ASSERT_EQ(g.rows.size(), 1u);
  EXPECT_EQ(Values(g.rows[0]), "5|7|12");
}

TEST(PdfTables, HeaderNotAccountingForAValueIsNotUsed) {
  // A value far right of every header cell: the header is incomplete, the values decide.
  Page p;
  AddHeader(&p);
  p.Add(120, {{"一、本年新收政府信息公开申请数量", 0, 80},
              {"5", 112, 118},
              {"7", 167, 173},
              {"12", 255, 265},
              {"24", 400, 410}});
  TableGrid g = p.Build();
  EXPECT_EQ(Values(g.rows.back()), "5|7|12|24");
}

TEST(PdfTables, ParentHeadersAreNotColumns) {
  // 「申请人情况」 stands over the leaf headers: it names no column of its own.
  Page p;
  AddHeader(&p);
  p.Add(120, {{"一、本年新收政府信息公开申请数量", 0, 80}, {"3", 202, 208}});
  TableGrid g = p.Build();
  EXPECT_EQ(Values(g.rows.back()), "_|_|3|_");
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// A grid as the drawn rules give it: rows of cells, one slot each.
CellGrid RuleGrid(const std::vector<std::vector<std::string>>& rows) {
  CellGrid g;
  g.source = "pdf-rules";
  g.rows = static_cast<int>(rows.size());
  g.cols = static_cast<int>(rows[0].size());
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      GridCell cell;
      cell.row = static_cast<int>(r);
      cell.col = static_cast<int>(c);
      cell.text = cell.norm = rows[r][c];
      cell.line = static_cast<int>(r) + 1;
      g.cells.push_back(cell);
    }
  }
  return g;
}

// The figures stage's side of a garbled cell in a grid: an error with the cell's text, never a
// silent null; a blank marker stays an info.
TEST(PdfTables, GarbledValueCellIsAnErrorWithItsText) {
  CellGrid grid = RuleGrid({{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
                            {"规章", "0", "/",
                             "1\xEF\xBF\xBD"
                             "88"},
                            {"行政规范性文件", "3", "1", "8"}});
  TableGrid rows = ReadCellGrids("proactive", {grid}, {0});
  TableFigures t =
      ReadTableBestTemplate(rows, testing::SharedGrammars().ForTable("proactive"), "2021");
  int unreadable = 0, blank = 0;
  for (const Diagnostic& d : t.diagnostics) {
    if (d.code == "cell.unreadable") {
      ++unreadable;
      EXPECT_EQ(d.severity, Severity::kError);
      EXPECT_EQ(d.key, "proactive.rules.in_force");
      EXPECT_NE(d.message.find("1\xEF\xBF\xBD"
                               "88"),
                std::string::npos)
          << d.message;
    }
    if (d.code == "cell.blank" && d.key == "proactive.rules.repealed") ++blank;
  }
  EXPECT_EQ(unreadable, 1);
  EXPECT_EQ(blank, 1);
  for (const Figure& f : t.figures) {
    if (f.key == "proactive.normative_docs.in_force") EXPECT_EQ(f.value, 8);
  }
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

TEST(PdfTables, RunsInOneColumnJoinOrStayApart) {
  Page p;
  AddHeader(&p);
  // 「447」「228」 with a hairline gap: one number; 「4」 and 「73」 two ems apart: no number.
  p.Add(120, {{"一、本年新收政府信息公开申请数量", 0, 80},
              {"447", 106, 115},
              {"228", 116, 125},
              {"7", 167, 173},
              {"4", 250, 253},
              {"73", 269, 275}});
  TableGrid g = p.Build();
  EXPECT_EQ(Values(g.rows.back()), "447228|7|_|4 73");
}

}  // namespace
}  // namespace gongkai
