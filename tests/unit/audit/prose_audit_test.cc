#include "audit/prose_audit.h"

#include <gtest/gtest.h>

#include "gongkai/jsonl.h"
#include "test_util.h"

namespace gongkai {
namespace {

Figure TableFigure(const std::string& key, double value, int line) {
  Figure f;
  f.key = key;
  f.value = value;
  f.provenance.line = line;
  f.provenance.text = "（七）总计\t4\t0\t0\t0\t0\t0\t4";
  f.provenance.rule = "2021:requests.total";
  return f;
}

ProseFigure Stated(const std::string& key, double value, bool approximate = false) {
  ProseFigure p;
  p.key = key;
  p.value = value;
  p.approximate = approximate;
  p.line = 3;
  p.text = "全年共收到政府信息公开申请5件";
  p.rule = "prose:requests.received";
  return p;
}

TEST(ProseAudit, DifferenceGivesBothValuesAndProvenances) {
  std::vector<Figure> figures = {TableFigure("requests.received.total", 4, 40),
                                 TableFigure("requests.total.total", 4, 61)};
  std::vector<Diagnostic> d = ProseAgainstTables(
      {Stated("prose.requests.received", 5), Stated("prose.requests.completed", 4)}, figures);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].code, "prose.table_mismatch");
  EXPECT_EQ(d[0].severity, Severity::kWarning);
  EXPECT_EQ(d[0].key, "prose.requests.received");
  EXPECT_EQ(d[0].values, (std::vector<double>{5, 4}));
  ASSERT_EQ(d[0].provenances.size(), 2u);
  EXPECT_EQ(d[0].provenances[0].text, "全年共收到政府信息公开申请5件");
  EXPECT_EQ(d[0].provenances[1].line, 40);
}

TEST(ProseAudit, SumsSplitCountsAndAcceptsApproximateFigures) {
  std::vector<Figure> figures = {TableFigure("appeals.suit_direct.total", 1, 70),
                                 TableFigure("appeals.suit_after_review.total", 1, 70),
                                 TableFigure("stats.proactive.published", 435, 2)};
  EXPECT_TRUE(
      ProseAgainstTables(
          {Stated("prose.appeals.suit", 2), Stated("prose.proactive.items", 430, true)}, figures)
          .empty());
  EXPECT_EQ(ProseAgainstTables({Stated("prose.proactive.items", 300, true)}, figures).size(), 1u);
  // No table: nothing to compare.
  EXPECT_TRUE(ProseAgainstTables({Stated("prose.requests.received", 5)}, {}).empty());
}

TEST(ProseAudit, RealReportWithAChangedSentence) {
  std::string text =
      testing::ReadFile(testing::SourceDir() + "/corpus/real/2021_hebei_gxt_1/input.txt");
  Record same = testing::SharedExtractor().ExtractBytes("gxt.txt", text);
  for (const Diagnostic& d : same.diagnostics) EXPECT_NE(d.code, "prose.table_mismatch");
  const std::string from = "全年共收到信息公开申请4件";
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, from.size(), "全年共收到信息公开申请5件");
  Record changed = testing::SharedExtractor().ExtractBytes("gxt.txt", text);
  const Diagnostic* found = nullptr;
  for (const Diagnostic& d : changed.diagnostics) {
    if (d.code == "prose.table_mismatch") found = &d;
  }
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->values, (std::vector<double>{5, 4}));
  std::string line = ToJsonLine(changed);
  EXPECT_NE(line.find("\"code\":\"prose.table_mismatch\""), std::string::npos);
  EXPECT_NE(line.find("\"values\":[5,4]"), std::string::npos);
  EXPECT_NE(line.find("\"provenances\":[{"), std::string::npos);
}

}  // namespace
}  // namespace gongkai
