// Naming a printed row label: which grammar rule it is, and how surely.
#ifndef GONGKAI_FIGURES_LABEL_MATCHER_H_
#define GONGKAI_FIGURES_LABEL_MATCHER_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/grammar.h"

namespace gongkai {

enum class LabelMatch { kNone, kStrict, kTolerant, kSimilar, kPosition };

const char* LabelMatchName(LabelMatch match);

struct RuleHit {
  int rule = -1;  // index into the rules searched
  LabelMatch match = LabelMatch::kNone;
};

// The label in the form patterns see: normalized text with every space removed.
std::string LabelKey(std::string_view label);

// The label without its leading enumeration (一、 (三) 2. 2、), for similarity.
std::string_view StripEnumeration(std::string_view label);

// Similarity in [0, 1] of two labels: 1 - edit distance / longer length, over code points.
double LabelSimilarity(std::string_view a, std::string_view b);
double LabelSimilarity(const std::u32string& x, const std::u32string& y);

// Finds the rule a label names. Strict patterns first, then tolerant ones, then (with
// allow_similar) the official label most similar to it (at least 0.7, and clearly ahead of the
// runner-up, which absorbs glyphs dropped by a PDF's text layer). Rules in `group` win ties;
// rules with needs_group only match inside their group; the similarity step skips rules in
// `taken` (a label that is only similar must not take a row already found).
// kinds: how each rule's patterns match label_key (RuleIndex::Match).
RuleHit MatchLabel(const std::vector<Rule>& rules, std::span<const MatchKind> kinds,
                   std::string_view label_key, const std::string& group,
                   const std::vector<bool>& taken, bool allow_similar);

}  // namespace gongkai

#endif  // GONGKAI_FIGURES_LABEL_MATCHER_H_
