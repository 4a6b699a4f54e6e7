#include "dataset/dataset.h"

#include <gtest/gtest.h>

#include "batch/inputs.h"
#include "batch/manifest.h"
#include "test_util.h"

namespace gongkai {
namespace {

TEST(GroupAgencies, WidthSpacesAndCity) {
  std::vector<std::string> g = GroupAgencies(
      {"淮安市财政局", "财政局", "淮安市 财政局", "河北省工业和信息化厅", "省工业和信息化厅"});
  EXPECT_EQ(g[0], "淮安市财政局");
  EXPECT_EQ(g[1], "淮安市财政局");  // without the city, when only one agency fits
  EXPECT_EQ(g[2], "淮安市财政局");  // spaces do not count
  EXPECT_EQ(g[3], "河北省工业和信息化厅");
  EXPECT_EQ(g[4], "河北省工业和信息化厅");
}

TEST(GroupAgencies, AmbiguousShortNameStaysApart) {
  std::vector<std::string> g = GroupAgencies({"淮安市财政局", "南京市财政局", "财政局"});
  EXPECT_EQ(g[0], "淮安市财政局");
  EXPECT_EQ(g[1], "南京市财政局");
  EXPECT_EQ(g[2], "财政局");
}

TEST(Csv, Rfc4180) {
  auto rows =
      ParseCsv("\xEF\xBB\xBFpath,title\r\n\"a,b.txt\",\"say \"\"hi\"\"\"\nc.txt,\"two\nlines\"\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0], "path");
  EXPECT_EQ(rows[1][0], "a,b.txt");
  EXPECT_EQ(rows[1][1], "say \"hi\"");
  EXPECT_EQ(rows[2][1], "two\nlines");
}

TEST(Shard, PartitionIsCompleteAndStable) {
  int counts[3] = {0, 0, 0};
  for (int i = 0; i < 300; ++i) {
    std::string path = "reports/" + std::to_string(i) + ".pdf";
    int owners = 0;
    for (int k = 1; k <= 3; ++k) {
      if (InShard(path, k, 3)) {
        ++owners;
        ++counts[k - 1];
      }
    }
    EXPECT_EQ(owners, 1) << path;
  }
  for (int c : counts) EXPECT_GT(c, 60);
  EXPECT_EQ(InShard("a.pdf", 2, 3), InShard("a.pdf", 2, 3));
}

TEST(Timeliness, DepartmentsJanuaryGovernmentsMarch) {
  std::string seed =
      testing::ReadFile(testing::SourceDir() + "/corpus/real/000_7d8fc7268cbfb024/input.txt");
  auto finding = [&](const std::string& published) -> const Finding* {
    static Record r;
    SourceHints hints;
    hints.published = published;
    r = testing::SharedExtractor().ExtractBytes("seed.txt", seed, hints);
    for (const Finding& f : r.audit) {
      if (f.rule == "report.timeliness") return &f;
    }
    return nullptr;
  };
  const Finding* late = finding("2022-02-15");  // 尖扎县教育局 is a department: 31 January
  ASSERT_NE(late, nullptr);
  EXPECT_FALSE(late->ok);
  EXPECT_EQ(late->rhs, 20220131);
  const Finding* on_time = finding("2022年01月20日");
  ASSERT_NE(on_time, nullptr);
  EXPECT_TRUE(on_time->ok);
  EXPECT_EQ(finding(""), nullptr);
}

TEST(Manifest, TitleGivesAgencyAndYear) {
  std::string text =
      testing::ReadFile(testing::SourceDir() + "/corpus/real/2021_hebei_kjt_1/input.txt");
  SourceHints hints;
  hints.title = "河北省科学技术厅2021年政府信息公开工作年度报告";
  hints.url = "https://example.invalid/report";
  Record r = testing::SharedExtractor().ExtractBytes("kjt.txt", text, hints);
  EXPECT_EQ(r.report.agency, "河北省科学技术厅");
  EXPECT_EQ(r.report.year, 2021);
  EXPECT_EQ(r.source.url, "https://example.invalid/report");
}

TEST(Manifest, TitleWithTheYearFirstGivesAgencyAndYear) {
  // This scraped text prints neither its title nor its agency nor a statistics period.
  std::string text =
      testing::ReadFile(testing::SourceDir() + "/corpus/real/2020_hebei_rst_1/input.txt");
  // Without its signature (the agency run into the last sentence, with the date).
  text.resize(text.find("六、其他需要报告的事项"));
  Record bare = testing::SharedExtractor().ExtractBytes("rst.txt", text);
  EXPECT_EQ(bare.report.agency, "");
  SourceHints hints;
  hints.title = "2020年度河北省人力资源和社会保障厅政府信息公开工作年度报告";
  Record r = testing::SharedExtractor().ExtractBytes("rst.txt", text, hints);
  EXPECT_EQ(r.report.agency, "河北省人力资源和社会保障厅");
  EXPECT_EQ(r.report.year, 2020);
  EXPECT_EQ(r.report.agency_source, "manifest");
}

}  // namespace
}  // namespace gongkai
