#include "figures/label_matcher.h"

#include <algorithm>

#include "util/text.h"

namespace gongkai {

const char* LabelMatchName(LabelMatch match) {
  switch (match) {
    case LabelMatch::kNone:
      return "none";
    case LabelMatch::kStrict:
      return "strict";
    case LabelMatch::kTolerant:
      return "tolerant";
    case LabelMatch::kSimilar:
      return "similar";
    case LabelMatch::kPosition:
      return "position";
  }
  return "none";
}

std::string LabelKey(std::string_view label) { return StripSpaces(label); }

std::string_view StripEnumeration(std::string_view s) {
  static const RE2 kEnumeration(
      R"(^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、]))");
  re2::StringPiece rest(s.data(), s.size());
  for (int i = 0; i < 3 && RE2::Consume(&rest, kEnumeration); ++i) {
  }
  return std::string_view(rest.data(), rest.size());
}

double LabelSimilarity(std::string_view a, std::string_view b) {
  return LabelSimilarity(ToCodePoints(a), ToCodePoints(b));
}

double LabelSimilarity(const std::u32string& x, const std::u32string& y) {
  if (x.empty() || y.empty()) return 0;
  std::vector<size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      size_t sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
      cur[j] = std::min({sub, prev[j] + 1, cur[j - 1] + 1});
    }
    std::swap(prev, cur);
  }
  double longer = static_cast<double>(std::max(x.size(), y.size()));
  return 1.0 - static_cast<double>(prev[y.size()]) / longer;
}

namespace {

bool Eligible(const Rule& rule, const std::string& group) {
  return !rule.needs_group || rule.group == group;
}

// Among the rules that match, the one in the current group, else the first.
int Pick(const std::vector<int>& hits, const std::vector<Rule>& rules, const std::string& group) {
  if (hits.empty()) return -1;
  for (int h : hits) {
    if (!group.empty() && rules[h].group == group) return h;
  }
  return hits.front();
}

}  // namespace

RuleHit MatchLabel(const std::vector<Rule>& rules, std::span<const MatchKind> kinds,
                   std::string_view label_key, const std::string& group,
                   const std::vector<bool>& taken, bool allow_similar) {
  if (label_key.empty()) return {};
  std::vector<int> strict, tolerant;
  for (size_t i = 0; i < rules.size(); ++i) {
    if (!Eligible(rules[i], group)) continue;
    MatchKind kind = kinds[i];
    if (kind == MatchKind::kStrict) strict.push_back(static_cast<int>(i));
    if (kind == MatchKind::kTolerant) tolerant.push_back(static_cast<int>(i));
  }
  if (!strict.empty()) return {Pick(strict, rules, group), LabelMatch::kStrict};
  if (!tolerant.empty()) return {Pick(tolerant, rules, group), LabelMatch::kTolerant};
  if (!allow_similar) return {};
  std::u32string core = ToCodePoints(StripEnumeration(label_key));
  if (core.size() < 3) return {};
  double best = 0, second = 0;
  int best_rule = -1;
  for (size_t i = 0; i < rules.size(); ++i) {
    if (taken[i] || !Eligible(rules[i], group) || rules[i].official_core.empty()) continue;
    const std::u32string& official = rules[i].official_core;
    // Lengths too far apart cannot reach the threshold: skip the edit distance.
    size_t longer = std::max(core.size(), official.size());
    size_t shorter = std::min(core.size(), official.size());
    if (static_cast<double>(shorter) < 0.6 * static_cast<double>(longer)) continue;
    double s = LabelSimilarity(core, official);
    if (!group.empty() && rules[i].group == group) s += 0.05;
    if (s > best) {
      second = best;
      best = s;
      best_rule = static_cast<int>(i);
    } else if (s > second) {
      second = s;
    }
  }
  if (best >= 0.7 && best - second >= 0.15) return {best_rule, LabelMatch::kSimilar};
  return {};
}

}  // namespace gongkai
