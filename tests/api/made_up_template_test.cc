// A new template is grammar files only. tests/grammars/2099 is a made-up template: a copy of
// grammars/2021 with one more row in table 二 (合计) and one more identity (合计 = 规章 +
// 行政规范性文件, column by column). Put beside the built-in grammars and loaded as
// `--grammars DIR` loads them, it reads a report that prints the row, and the audit checks the
// identity. Only the public API is used: no code knows the template.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gongkai/extractor.h"
#include "gongkai/record.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = GONGKAI_SOURCE_DIR;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// grammars/ with tests/grammars/2099 added, in a fresh folder.
std::string GrammarsWithMadeUpTemplate() {
  fs::path dir = fs::path(::testing::TempDir()) / ("gongkai_2099_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::copy(kSource / "grammars", dir, fs::copy_options::recursive);
  fs::copy(kSource / "tests/grammars/2099", dir / "2099", fs::copy_options::recursive);
  return dir.string();
}

// The 2021 seed report (尖扎县教育局) with a 合计 row printed under its 规范性文件 row.
std::string ReportWithTotalRow(const std::string& total_row) {
  std::string text = ReadFile(kSource / "corpus/real/000_7d8fc7268cbfb024/input.txt");
  const std::string docs = "规范性文件\t3\t1\t8\n";
  size_t at = text.find(docs);
  EXPECT_NE(at, std::string::npos);
  return text.insert(at + docs.size(), total_row + "\n");
}

std::unique_ptr<Extractor> Make(const std::string& grammar_dir) {
  Error error;
  ExtractorOptions options;
  options.grammar_dir = grammar_dir;
  auto e = Extractor::Create(options, &error);
  EXPECT_NE(e, nullptr) << error.code << ": " << error.message;
  return e;
}

std::vector<const Finding*> FindingsOf(const Record& r, const std::string& rule) {
  std::vector<const Finding*> out;
  for (const Finding& f : r.audit) {
    if (f.rule == rule) out.push_back(&f);
  }
  return out;
}

TEST(MadeUpTemplate, ReadsItsExtraRowAndChecksItsExtraIdentity) {
  std::string dir = GrammarsWithMadeUpTemplate();
  auto made_up = Make(dir);
  ASSERT_NE(made_up, nullptr);
  Record r = made_up->ExtractBytes("made_up.txt", ReportWithTotalRow("合计\t3\t1\t11"));
  EXPECT_EQ(r.status, Status::kOk);
  EXPECT_EQ(r.report.template_id, "2099");
  const Figure* total = r.FindFigure("proactive.documents_total.in_force");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->value, 11);
  EXPECT_EQ(total->provenance.rule, "2099:proactive.documents_total");
  std::vector<const Finding*> sums = FindingsOf(r, "proactive.documents_total");
  ASSERT_EQ(sums.size(), 3u);  // issued, repealed, in_force
  for (const Finding* f : sums) EXPECT_TRUE(f->ok) << f->column;
  EXPECT_EQ(sums[2]->column, "in_force");
  EXPECT_EQ(sums[2]->lhs, 11);
  EXPECT_EQ(sums[2]->rhs, 3 + 8);
  // 2021's identities, copied, still hold.
  EXPECT_EQ(FindingsOf(r, "requests.balance").size(), 7u);

  // A 合计 that does not add up fails its identity, both sides named.
  r = made_up->ExtractBytes("made_up.txt", ReportWithTotalRow("合计\t3\t1\t12"));
  sums = FindingsOf(r, "proactive.documents_total");
  ASSERT_EQ(sums.size(), 3u);
  EXPECT_FALSE(sums[2]->ok);
  EXPECT_EQ(sums[2]->lhs, 12);
  EXPECT_EQ(sums[2]->rhs, 11);

  // The built-in grammars know no such row: it is unmatched, and no such identity is checked.
  auto built_in = Make("");
  ASSERT_NE(built_in, nullptr);
  r = built_in->ExtractBytes("made_up.txt", ReportWithTotalRow("合计\t3\t1\t11"));
  EXPECT_EQ(r.report.template_id, "2021");
  EXPECT_EQ(r.status, Status::kPartial);
  EXPECT_EQ(r.FindFigure("proactive.documents_total.in_force"), nullptr);
  EXPECT_TRUE(FindingsOf(r, "proactive.documents_total").empty());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gongkai
