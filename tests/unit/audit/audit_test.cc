#include "audit/audit.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace gongkai {
namespace {

Figure F(const std::string& key, std::optional<double> value) {
  Figure f;
  f.key = key;
  f.value = value;
  return f;
}

std::vector<Figure> Requests(double received, double carried, double granted, double total,
                             double forward) {
  std::vector<Figure> out;
  const char* columns[] = {"natural", "commercial", "research", "nonprofit",
                           "legal",   "other_org",  "total"};
  auto add = [&](const std::string& row, double natural) {
    for (const char* c : columns) {
      std::string col = c;
      double v = col == "natural" || col == "total" ? natural : 0;
      out.push_back(F("requests." + row + "." + col, v));
    }
  };
  add("received", received);
  add("carried_over", carried);
  add("granted", granted);
  add("total", total);
  add("carried_forward", forward);
  return out;
}

using Tables = std::vector<std::pair<std::string, std::string>>;

// The audit with the repository's identities (grammars/<template>/identities.toml).
std::vector<Finding> Audit(const std::vector<Figure>& figures,
                           const Tables& tables = {{"requests", "2021"}}) {
  return gongkai::Audit(figures, tables, testing::SharedGrammars());
}

const Finding* Find(const std::vector<Finding>& fs, const std::string& rule, const std::string& row,
                    const std::string& column) {
  for (const Finding& f : fs) {
    if (f.rule == rule && f.row == row && f.column == column) return &f;
  }
  return nullptr;
}

TEST(Audit, BalanceOutcomesAndRowTotals) {
  std::vector<Finding> fs = Audit(Requests(5, 1, 4, 4, 2));
  const Finding* balance = Find(fs, "requests.balance", "", "natural");
  ASSERT_NE(balance, nullptr);
  EXPECT_TRUE(balance->ok);
  EXPECT_EQ(balance->lhs, 6);
  EXPECT_EQ(balance->rhs, 6);
  const Finding* outcomes = Find(fs, "requests.outcomes", "", "total");
  ASSERT_NE(outcomes, nullptr);
  EXPECT_TRUE(outcomes->ok);
  const Finding* row_total = Find(fs, "requests.row_total", "received", "total");
  ASSERT_NE(row_total, nullptr);
  EXPECT_TRUE(row_total->ok);
}

TEST(Audit, FailuresCarryBothSides) {
  std::vector<Finding> fs = Audit(Requests(5, 1, 4, 4, 1));  // 6 != 5
  const Finding* balance = Find(fs, "requests.balance", "", "natural");
  ASSERT_NE(balance, nullptr);
  EXPECT_FALSE(balance->ok);
  EXPECT_EQ(balance->lhs, 6);
  EXPECT_EQ(balance->rhs, 5);
}

TEST(Audit, BlanksCountAsZeroAndAreNamed) {
  std::vector<Figure> fs = Requests(0, 0, 0, 0, 0);
  for (Figure& f : fs) {
    if (f.key == "requests.carried_over.total") f.value.reset();
  }
  std::vector<Finding> findings = Audit(fs);
  const Finding* balance = Find(findings, "requests.balance", "", "total");
  ASSERT_NE(balance, nullptr);
  EXPECT_TRUE(balance->ok);
  ASSERT_EQ(balance->blank_keys.size(), 1u);
  EXPECT_EQ(balance->blank_keys[0], "requests.carried_over.total");
}

TEST(Audit, AppealsAndValueRules) {
  std::vector<Figure> fs = {F("proactive.rules.issued", -1),   F("proactive.rules.in_force", 2.5),
                            F("proactive.fees.amount", 1.5),   F("appeals.review.upheld", 72),
                            F("appeals.review.corrected", 64), F("appeals.review.other", 178),
                            F("appeals.review.pending", 37),   F("appeals.review.total", 350)};
  std::vector<Finding> findings = Audit(fs, {{"proactive", "2021"}, {"appeals", "2021"}});
  const Finding* review = Find(findings, "appeals.review.total", "review", "total");
  ASSERT_NE(review, nullptr);
  EXPECT_FALSE(review->ok);
  EXPECT_EQ(review->rhs, 351);
  EXPECT_NE(Find(findings, "values.non_negative", "proactive.rules.issued", ""), nullptr);
  EXPECT_NE(Find(findings, "values.integer", "proactive.rules.in_force", ""), nullptr);
  EXPECT_EQ(Find(findings, "values.integer", "proactive.fees.amount", ""), nullptr);
}

TEST(Audit, SignedAndAmountColumnsComeFromTheTableFiles) {
  // 2019's 二 marks 变化情况 signed and 采购金额 an amount; 2021's rows have neither column.
  std::vector<Figure> fs = {F("proactive.licensing.change", -59),
                            F("proactive.procurement.amount", 12.5), F("proactive.rules.made", -3)};
  std::vector<Finding> findings = Audit(fs, {{"proactive", "2019"}});
  EXPECT_EQ(Find(findings, "values.non_negative", "proactive.licensing.change", ""), nullptr);
  EXPECT_EQ(Find(findings, "values.integer", "proactive.procurement.amount", ""), nullptr);
  EXPECT_NE(Find(findings, "values.non_negative", "proactive.rules.made", ""), nullptr);
  // The 统计表's 万元 indicators are no amount columns: a fractional one is reported.
  findings = Audit({F("stats.fees", 1.5)}, {{"stats", "stats2018"}});
  const Finding* fees = Find(findings, "values.integer", "stats.fees", "");
  ASSERT_NE(fees, nullptr);
  EXPECT_EQ(fees->rhs, 1);
}

TEST(Audit, EachTableChecksItsOwnTemplatesIdentities) {
  // 2019 has one （七）其他处理 row, 2021 three: the outcomes sum differs by template.
  std::vector<Figure> fs = Requests(5, 0, 4, 5, 0);
  fs.push_back(F("requests.other.natural", 1));
  fs.push_back(F("requests.other.total", 1));
  std::vector<Finding> findings = Audit(fs, {{"requests", "2019"}});
  const Finding* as2019 = Find(findings, "requests.outcomes", "", "total");
  ASSERT_NE(as2019, nullptr);
  EXPECT_TRUE(as2019->ok);
  findings = Audit(fs, {{"requests", "2021"}});
  const Finding* as2021 = Find(findings, "requests.outcomes", "", "total");
  ASSERT_NE(as2021, nullptr);
  EXPECT_FALSE(as2021->ok);
  EXPECT_EQ(as2021->rhs, 4);
  // A table without a template (not read) has none of its identities checked.
  EXPECT_TRUE(Audit(fs, {}).empty());
}

TEST(Audit, NoRequestsTableNoRequestFindings) {
  std::vector<Finding> findings = Audit({F("proactive.rules.issued", 0)});
  EXPECT_TRUE(findings.empty());
}

}  // namespace
}  // namespace gongkai
