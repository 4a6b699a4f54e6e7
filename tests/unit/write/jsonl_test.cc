#include "gongkai/jsonl.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace gongkai {
namespace {

TEST(Jsonl, RecordFollowsTheContract) {
  std::string text =
      testing::ReadFile(testing::SourceDir() + "/corpus/real/000_7d8fc7268cbfb024/input.txt");
  Record record = testing::SharedExtractor().ExtractBytes("seed.txt", text);
  std::string line = ToJsonLine(record);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(line);
  EXPECT_EQ(j["schema"], "gongkai.report/1");
  EXPECT_EQ(j["status"], "ok");
  for (const char* field :
       {"source", "report", "sections", "figures", "provenance", "audit", "diagnostics"}) {
    EXPECT_TRUE(j.contains(field)) << field;
  }
  EXPECT_EQ(j["source"]["path"], "seed.txt");
  EXPECT_EQ(j["source"]["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(j["source"]["encoding"], "UTF-8");
  EXPECT_EQ(j["report"]["agency"], "尖扎县教育局");
  EXPECT_EQ(j["report"]["year"], 2021);
  EXPECT_EQ(j["report"]["template"], "2021");
  EXPECT_EQ(j["figures"]["proactive.normative_docs.issued"], 3);
  EXPECT_TRUE(j["figures"]["requests.granted.natural"].is_null());
  EXPECT_EQ(j["provenance"]["proactive.rules.in_force"]["text"], "规章\t0\t0\t3");
  EXPECT_EQ(j["provenance"]["proactive.rules.in_force"]["line"], 21);
  EXPECT_EQ(j["sections"][5]["heading"], "六、其他需报告的事项");
  bool fuzzy = false;
  for (const auto& d : j["diagnostics"]) {
    if (d["code"] == "row.fuzzy_label" && d["key"] == "requests.rejected.excessive") fuzzy = true;
  }
  EXPECT_TRUE(fuzzy) << "大理反复申请 must be flagged";
  for (const auto& f : j["audit"]) EXPECT_TRUE(f["ok"].get<bool>()) << f.dump();
  EXPECT_GE(j["audit"].size(), 40u);
}

TEST(Jsonl, PdfProvenanceHasPageAndBox) {
  std::string pdf =
      testing::ReadFile(testing::SourceDir() + "/corpus/real/2024_huaian_shi_1/input.pdf");
  Record record = testing::SharedExtractor().ExtractBytes("huaian.pdf", pdf);
  nlohmann::json j = nlohmann::json::parse(ToJsonLine(record));
  EXPECT_EQ(j["source"]["media_type"], "application/pdf");
  EXPECT_EQ(j["source"]["pages"], 6);
  const auto& p = j["provenance"]["proactive.penalties.decisions"];
  EXPECT_EQ(p["page"], 4);
  EXPECT_EQ(p["cell"], "3985758");
  ASSERT_EQ(p["box"].size(), 4u);
  EXPECT_LT(p["box"][0].get<double>(), p["box"][2].get<double>());
  EXPECT_LT(p["box"][1].get<double>(), p["box"][3].get<double>());
  // Table 三 starts on page 4 and ends on page 5.
  EXPECT_EQ(j["provenance"]["requests.received.total"]["page"], 4);
  EXPECT_EQ(j["provenance"]["requests.carried_forward.total"]["page"], 5);
}

TEST(Jsonl, ErrorRecord) {
  Record record = testing::SharedExtractor().ExtractBytes("empty.txt", "");
  nlohmann::json j = nlohmann::json::parse(ToJsonLine(record));
  EXPECT_EQ(j["schema"], "gongkai.error/1");
  EXPECT_EQ(j["error"]["code"], "empty_input");
  EXPECT_EQ(j["source"]["path"], "empty.txt");
}

TEST(Jsonl, EscapesControlAndInvalidBytes) {
  Record record;
  record.error = Error{"x", std::string("a\"b\\c\x01\xff", 7)};
  nlohmann::json j = nlohmann::json::parse(ToJsonLine(record));
  EXPECT_EQ(j["error"]["message"], "a\"b\\c\x01\xEF\xBF\xBD");
}

}  // namespace
}  // namespace gongkai
