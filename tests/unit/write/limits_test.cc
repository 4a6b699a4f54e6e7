#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "gongkai/jsonl.h"
#include "write/error_record.h"
#include "write/sinks.h"

namespace gongkai {
namespace {

TEST(Diagnostics, CappedWithOneSummary) {
  Record r;
  r.status = Status::kPartial;
  for (int i = 0; i < 1500; ++i) {
    Diagnostic d;
    d.severity = i == 1400 ? Severity::kError : Severity::kInfo;
    d.code = "cell.blank";
    d.message = "m";
    r.diagnostics.push_back(d);
  }
  nlohmann::json j = nlohmann::json::parse(ToJsonLine(r));
  ASSERT_EQ(j["diagnostics"].size(), kMaxDiagnostics + 1);
  const nlohmann::json& last = j["diagnostics"].back();
  EXPECT_EQ(last["code"], "diagnostics.truncated");
  EXPECT_EQ(last["severity"], "error");  // an error among the dropped ones
  EXPECT_NE(last["message"].get<std::string>().find("500 more"), std::string::npos);
  EXPECT_NE(last["message"].get<std::string>().find("1 errors"), std::string::npos);

  r.diagnostics.resize(kMaxDiagnostics);
  j = nlohmann::json::parse(ToJsonLine(r));
  EXPECT_EQ(j["diagnostics"].size(), kMaxDiagnostics);
  EXPECT_NE(j["diagnostics"].back()["code"], "diagnostics.truncated");
}

TEST(Csv, FormulasNeutralised) {
  EXPECT_EQ(CsvCell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(CsvCell("+1"), "'+1");
  EXPECT_EQ(CsvCell("-2"), "'-2");
  EXPECT_EQ(CsvCell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvCell("\tx"), "'\tx");
  EXPECT_EQ(CsvCell("\rx"), "\"'\rx\"");
  EXPECT_EQ(CsvCell("a=b"), "a=b");
  EXPECT_EQ(CsvCell("河北省教育厅"), "河北省教育厅");
  EXPECT_EQ(CsvCell("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvCell(""), "");
}

TEST(ErrorRecord, NamesThePath) {
  SourceInfo s;
  s.path = "a\tb.pdf";
  Record r = ErrorRecord(s, codes::kNotAFile, "not a regular file");
  EXPECT_EQ(r.status, Status::kFailed);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->code, "io.not_a_file");
  EXPECT_EQ(r.error->message, "a\tb.pdf: not a regular file");
}

}  // namespace
}  // namespace gongkai
