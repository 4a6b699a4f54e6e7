#include "figures/label_matcher.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace gongkai {
namespace {

const TableGrammar& Requests(const std::string& template_id) {
  for (const TableGrammar* g : testing::SharedGrammars().ForTable("requests")) {
    if (g->template_id == template_id) return *g;
  }
  throw std::runtime_error("no requests grammar " + template_id);
}

std::string KeyOf(const TableGrammar& g, const RuleHit& hit) {
  return hit.rule < 0 ? "" : g.rows[hit.rule].key;
}

TEST(LabelMatcher, StrictTolerantAndSimilar) {
  const TableGrammar& g = Requests("2021");
  std::vector<bool> taken(g.rows.size(), false);
  RuleHit h = MatchLabel(g.rows, LabelKey("4. 保护第三方合法权益"), "denied", taken, false);
  EXPECT_EQ(KeyOf(g, h), "denied.third_party");
  EXPECT_EQ(h.match, LabelMatch::kStrict);
  h = MatchLabel(g.rows, LabelKey("4. 无正当理由大理反复申请"), "rejected", taken, false);
  EXPECT_EQ(KeyOf(g, h), "rejected.excessive");
  EXPECT_EQ(h.match, LabelMatch::kTolerant);
  // A PDF text layer that dropped glyphs: 「其他法律行政止公开」 (法规禁 missing).
  h = MatchLabel(g.rows, LabelKey("2.其他法律行政止公开"), "denied", taken, false);
  EXPECT_EQ(KeyOf(g, h), "denied.prohibited");
  EXPECT_NE(h.match, LabelMatch::kStrict);
  // Dropped glyphs that no tolerant pattern foresaw: similarity to the official label.
  h = MatchLabel(g.rows, LabelKey("5.要求行政机关确认或重新出已获信息"), "rejected", taken, true);
  EXPECT_EQ(KeyOf(g, h), "rejected.reconfirm");
  h = MatchLabel(g.rows, LabelKey("今天天气很好"), "", taken, true);
  EXPECT_EQ(h.match, LabelMatch::kNone);
}

TEST(LabelMatcher, GroupDecidesThreeOther) {
  const TableGrammar& g = Requests("2021");
  std::vector<bool> taken(g.rows.size(), false);
  EXPECT_EQ(KeyOf(g, MatchLabel(g.rows, "3.其他", "other", taken, false)), "other.other");
  EXPECT_EQ(MatchLabel(g.rows, "3.其他", "denied", taken, false).match, LabelMatch::kNone);
}

TEST(LabelSimilarity, EditDistanceOverCodePoints) {
  EXPECT_DOUBLE_EQ(LabelSimilarity("规章", "规章"), 1.0);
  EXPECT_NEAR(LabelSimilarity("其他法律行政止公开", "其他法律行政法规禁止公开"), 0.75, 1e-9);
  EXPECT_DOUBLE_EQ(LabelSimilarity("", "规章"), 0.0);
  EXPECT_EQ(StripEnumeration("(三)不予公开"), "不予公开");
  EXPECT_EQ(StripEnumeration("2.重复申请"), "重复申请");
  EXPECT_EQ(StripEnumeration("三、本年度办理结果(一)予以公开"), "本年度办理结果(一)予以公开");
}

}  // namespace
}  // namespace gongkai
