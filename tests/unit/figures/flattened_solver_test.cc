#include "figures/flattened_solver.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace gongkai {
namespace {

SplitRow Row(const std::string& stem, std::vector<std::string> columns, const std::string& run,
             std::vector<std::string> signed_columns = {},
             std::vector<std::string> amount_columns = {}) {
  SplitRow r;
  r.stem = stem;
  r.run = run;
  for (const std::string& c : columns) {
    r.signed_columns.push_back(std::count(signed_columns.begin(), signed_columns.end(), c) > 0);
    r.amount_columns.push_back(std::count(amount_columns.begin(), amount_columns.end(), c) > 0);
  }
  r.columns = std::move(columns);
  return r;
}

// The identities of a 2021 table, as grammars/2021/identities.toml states them.
const std::vector<const Identity*>& Identities(const std::string& table) {
  for (const TableGrammar* g : testing::SharedGrammars().ForTable(table)) {
    if (g->template_id == "2021") return g->identities;
  }
  static const std::vector<const Identity*> none;
  return none;
}

std::vector<SplitOutcome> Solve(const std::string& table, const std::vector<SplitRow>& rows) {
  return SolveFlattened(rows, Identities(table));
}

const std::vector<std::string> kApplicants = {"natural", "commercial", "research", "nonprofit",
                                              "legal",   "other_org",  "total"};

TEST(FlattenedSolver, OneDigitPerCellIsUnique) {
  auto out = Solve("requests", {Row("requests.received", kApplicants, "4000004")});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].values[0], 4);
  EXPECT_EQ(out[0].values[6], 4);
  for (const auto& c : out[0].candidates) EXPECT_TRUE(c.empty());
}

TEST(FlattenedSolver, RowTotalPrunesAndLeavesAmbiguity) {
  // 「22」 for seven cells: one applicant column holds 2 and 总计 2; which column is unknowable.
  auto out = Solve("requests", {Row("requests.received", kApplicants, "22")});
  EXPECT_EQ(out[0].after_row, 6u);
  EXPECT_EQ(out[0].values[0], 2);  // 自然人 is the most plausible
  EXPECT_EQ(out[0].values[6], 2);
  EXPECT_FALSE(out[0].candidates[0].empty());
  EXPECT_TRUE(out[0].candidates[6].empty());  // 总计 is 2 in every reading
}

TEST(FlattenedSolver, ColumnSumsDecideJointly) {
  // The 2022 河北省工信厅 case: 「121010014」 has three row-total-consistent splits; the outcome
  // rows' column sums leave one.
  std::vector<SplitRow> rows = {
      Row("requests.received", kApplicants, "121010014"),
      Row("requests.carried_over", kApplicants, "0000000"),
      Row("requests.granted", kApplicants, "3101005"),
      Row("requests.partial", kApplicants, "1000001"),
      Row("requests.unavailable.not_held", kApplicants, "8000008"),
      Row("requests.total", kApplicants, "121010014"),
      Row("requests.carried_forward", kApplicants, "0000000"),
  };
  auto out = Solve("requests", rows);
  EXPECT_EQ(out[0].after_row, 3u);
  EXPECT_EQ(out[0].after_identities, 1u);
  std::vector<std::optional<double>> want = {12, 1, 0, 1, 0, 0, 14};
  EXPECT_EQ(out[0].values, want);
  EXPECT_EQ(out[5].values, want);
}

TEST(FlattenedSolver, SignedChangeAndPlausibleDecisions) {
  auto out = Solve("proactive", {Row("proactive.licensing", {"prior_items", "change", "decisions"},
                                     "156-5997", {"change"})});
  EXPECT_EQ(out[0].values[0], 156);
  EXPECT_EQ(out[0].values[1], -59);  // 156 - 59 = 97, the agency's habit
  EXPECT_EQ(out[0].values[2], 97);
  EXPECT_EQ(out[0].candidates[1].size(), 4u);  // -5, -59, -599, and -5997 with a blank 处理决定数量
}

TEST(FlattenedSolver, AmountsWithUnitsAndStockAboveFlows) {
  auto out = Solve("proactive",
                   {Row("proactive.procurement", {"items", "amount"}, "22251000元", {}, {"amount"}),
                    Row("proactive.normative_docs", {"issued", "repealed", "in_force"}, "5225")});
  EXPECT_EQ(out[0].values[0], 22);
  EXPECT_DOUBLE_EQ(*out[0].values[1], 25.1);
  EXPECT_EQ(out[1].values[0], 5);
  EXPECT_EQ(out[1].values[1], 2);
  EXPECT_EQ(out[1].values[2], 25);
}

TEST(FlattenedSolver, NoLeadingZerosAndNoGarbage) {
  std::vector<std::string> cells;
  for (const char* block : {"review", "suit_direct", "suit_after_review"}) {
    for (const char* column : {"upheld", "corrected", "other", "pending", "total"}) {
      cells.push_back(std::string(block) + "." + column);
    }
  }
  auto out = Solve("appeals", {Row("appeals", cells, "000000000000000")});
  for (const auto& v : out[0].values) EXPECT_EQ(v, 0);
  // A lone 「9」 cannot make a row whose 总计 is the sum of its applicants.
  auto bad = Solve("requests", {Row("requests.received", kApplicants, "9")});
  EXPECT_FALSE(bad[0].problem.empty());
  for (const auto& v : bad[0].values) EXPECT_FALSE(v.has_value());
}

TEST(FlattenedSolver, EmptyRunIsBlank) {
  auto out = Solve("proactive", {Row("proactive.rules", {"made", "published", "total"}, "")});
  for (const auto& v : out[0].values) EXPECT_FALSE(v.has_value());
}

TEST(FlattenedSolver, WhateverIdentityTheGrammarStatesBinds) {
  // 「1910」 as x, y, total: three splits into numbers, one of which has total = x + y.
  std::vector<SplitRow> rows = {Row("made_up.row", {"x", "y", "total"}, "1910")};
  auto free = SolveFlattened(rows, {});
  EXPECT_GT(free[0].after_row, 1u);
  Identity sum;
  sum.rule = "made_up.total";
  sum.table = "made_up";
  sum.lhs = {"made_up.row.total"};
  sum.rhs = {"made_up.row.x", "made_up.row.y"};
  auto bound = SolveFlattened(rows, {&sum});
  EXPECT_EQ(bound[0].after_row, 1u);
  std::vector<std::optional<double>> want = {1, 9, 10};
  EXPECT_EQ(bound[0].values, want);
  // An identity whose keys are not among the rows does not bind.
  sum.lhs = {"made_up.other.total"};
  EXPECT_GT(SolveFlattened(rows, {&sum})[0].after_row, 1u);
}

}  // namespace
}  // namespace gongkai
