// The identities a template's tables obey (grammars/<template>/identities.toml), read once and
// expanded into figure keys: the audit checks them, the flattened-text solver splits digit runs
// so that they hold, and the dataset audit checks the ones across filings.
#ifndef GONGKAI_GRAMMAR_IDENTITIES_H_
#define GONGKAI_GRAMMAR_IDENTITIES_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "gongkai/record.h"

namespace gongkai {

struct TableGrammar;

// Σ lhs = Σ rhs over figure keys, blanks as 0. The left side's keys must all be present; the
// right side's count when present, and at least one must be (a report may lack a row).
struct Identity {
  std::string rule;    // requests.balance, appeals.review.total, ...
  std::string row;     // as the finding names it ("" when the identity spans rows)
  std::string column;  // as the finding names it
  std::string table;   // the table every key belongs to
  std::vector<std::string> lhs;
  std::vector<std::string> rhs;
  // A plausibility hint for splitting flattened digits: when one right-hand cell alone is not
  // zero, it is most often the first (a lone applicant is most often 自然人).
  bool first_part_likeliest = false;
};

// Checks every figure of the template's tables: counts are non-negative integers; columns a
// table file marks signed_columns may be negative, amount_columns fractional.
struct ValueRule {
  enum class Check { kNonNegative, kInteger };
  std::string rule;  // values.non_negative, values.integer
  Check check = Check::kNonNegative;
};

// One side's term of an identity across filings: a figure of this year's or last year's report.
struct FilingTerm {
  std::string key;
  bool previous_year = false;
  bool negative = false;
};

// An identity between the reports of one agency for years t and t−1 (all keys present).
struct FilingIdentity {
  std::string rule;  // requests.carry, proactive.in_force
  std::string row;
  std::string column;
  bool warning = false;  // reported, never fails the audit
  std::vector<FilingTerm> lhs;
  std::vector<FilingTerm> rhs;
  // The finding's evidence: {year}, {previous_year}, {sources}, {previous_sources}, and each
  // term's value as {lhs0}, {rhs0}, {rhs1}, ...
  std::string evidence;
};

struct TemplateIdentities {
  std::string template_id;
  std::vector<Identity> identities;  // every table's, in file order
  std::vector<ValueRule> value_rules;
  std::vector<FilingIdentity> filing_identities;
  // From the table files: keys that may be negative (signed_columns) or fractional
  // (amount_columns).
  std::unordered_set<std::string> signed_keys;
  std::unordered_set<std::string> amount_keys;
};

// Reads <template>/identities.toml (content) against the template's tables: placeholders
// expanded, every key checked to be one the tables produce. False with a grammar.invalid error.
bool ReadIdentities(const std::string& file, const std::string& content,
                    const std::vector<const TableGrammar*>& tables, TemplateIdentities* out,
                    Error* error);

// The evidence text of a filing identity: placeholders replaced by the given values.
std::string FormatEvidence(const FilingIdentity& identity, int year, const std::string& sources,
                           const std::string& previous_sources, const std::vector<double>& lhs,
                           const std::vector<double>& rhs);

}  // namespace gongkai

#endif  // GONGKAI_GRAMMAR_IDENTITIES_H_
