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

// Matches a printed label against the 2021 rows as the figures stage does.
RuleHit Match(const TableGrammar& g, const std::string& printed, const std::string& group,
              bool similar) {
  std::string key = LabelKey(printed);
  RuleIndex::Kinds scratch;
  const RuleIndex::Kinds& kinds = g.index.Match(key, &scratch);
  std::vector<bool> taken(g.rows.size(), false);
  return MatchLabel(g.rows, g.index.List(kinds, TableGrammar::kRowList), key, group, taken,
                    similar);
}

std::string KeyOf(const TableGrammar& g, const RuleHit& hit) {
  return hit.rule < 0 ? "" : g.rows[hit.rule].key;
}

TEST(LabelMatcher, StrictTolerantAndSimilar) {
  const TableGrammar& g = Requests("2021");
  RuleHit h = Match(g, "4. 保护第三方合法权益", "denied", false);
  EXPECT_EQ(KeyOf(g, h), "denied.third_party");
  EXPECT_EQ(h.match, LabelMatch::kStrict);
  h = Match(g, "4. 无正当理由大理反复申请", "rejected", false);
  EXPECT_EQ(KeyOf(g, h), "rejected.excessive");
  EXPECT_EQ(h.match, LabelMatch::kTolerant);
  // A PDF text layer that dropped glyphs: 「其他法律行政止公开」 (法规禁 missing).
  h = Match(g, "2.其他法律行政止公开", "denied", false);
  EXPECT_EQ(KeyOf(g, h), "denied.prohibited");
  EXPECT_NE(h.match, LabelMatch::kStrict);
  // Dropped glyphs that no tolerant pattern foresaw: similarity to the official label.
  h = Match(g, "5.要求行政机关确认或重新出已获信息", "rejected", true);
  EXPECT_EQ(KeyOf(g, h), "rejected.reconfirm");
  h = Match(g, "今天天气很好", "", true);
  EXPECT_EQ(h.match, LabelMatch::kNone);
}

TEST(LabelMatcher, GroupDecidesThreeOther) {
  const TableGrammar& g = Requests("2021");
  EXPECT_EQ(KeyOf(g, Match(g, "3.其他", "other", false)), "other.other");
  EXPECT_EQ(Match(g, "3.其他", "denied", false).match, LabelMatch::kNone);
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
