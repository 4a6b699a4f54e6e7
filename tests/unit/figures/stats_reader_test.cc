#include "figures/stats_reader.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace gongkai {
namespace {

// The statistics table with its cells separated by `sep`.
std::string StatsTable(const std::string& sep) {
  std::string text =
      "统计指标\t单位\t统计数\n一、主动公开情况\n（一）主动公开政府信息数\t条\t1683\n"
      "四、行政复议数量\t件\t1\n（二）被依法纠错数\t件\t0\n五、行政诉讼数量\t件\t5\n"
      "（二）被依法纠错数\t件\t2\n七、依申请公开信息收取的费用\t元\t2500\n";
  std::string out;
  for (char c : text) {
    if (c == '\t') {
      out += sep;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

class StatsSeparators : public ::testing::TestWithParam<std::string> {};

TEST_P(StatsSeparators, IndicatorsUnitsAndGroups) {
  Document doc = testing::MakeDocument(StatsTable(GetParam()));
  size_t first = 99;
  ASSERT_TRUE(FindStatsTable(doc, &first));
  EXPECT_EQ(first, 0u);
  SectionSpan all;
  all.end_line = doc.lines.size();
  TableGrid grid = BuildTokenGrid("stats", LinesOf(doc, all));
  const TableGrammar* grammar = testing::SharedGrammars().ForTable("stats").front();
  TableFigures t = ReadStats(grid, *grammar);
  auto get = [&](const std::string& key) -> std::optional<double> {
    for (const Figure& f : t.figures) {
      if (f.key == key) return f.value;
    }
    ADD_FAILURE() << key;
    return std::nullopt;
  };
  EXPECT_EQ(get("stats.proactive.published"), 1683);
  EXPECT_EQ(get("stats.review.corrected"), 0);
  EXPECT_EQ(get("stats.suit.corrected"), 2);   // the same words, told apart by their group
  EXPECT_DOUBLE_EQ(*get("stats.fees"), 0.25);  // 元 → 万元
  for (const Figure& f : t.figures) {
    if (f.key == "stats.proactive.published") {
      EXPECT_EQ(f.provenance.unit, "条");
    }
  }
}

// Tabs, pipes between cells, and a 「| 」 line per cell as HTML-to-text converters print tables.
INSTANTIATE_TEST_SUITE_P(StatsReader, StatsSeparators, ::testing::Values("\t", " | ", "\n| "));

TEST(StatsReader, NoTableNoStats) {
  Document doc = testing::MakeDocument("一、总体情况\n二、主动公开政府信息情况\n");
  size_t first = 0;
  EXPECT_FALSE(FindStatsTable(doc, &first));
}

}  // namespace
}  // namespace gongkai
