// Working on a dataset written by `gongkai extract -o dataset.sqlite`: the audit across filings
// and the merge of shard outputs.
#ifndef GONGKAI_DATASET_DATASET_H_
#define GONGKAI_DATASET_DATASET_H_

#include <optional>
#include <string>
#include <vector>

#include "gongkai/record.h"

namespace gongkai {

class GrammarSet;

struct DatasetFinding {
  std::string agency;  // as printed in the (later) report
  int year = 0;        // the report year the finding is about
  std::string rule;    // requests.balance …, requests.carry, proactive.in_force
  std::string row;
  std::string column;
  bool ok = true;
  bool warning = false;  // rule 7: reported, never fails the audit
  double lhs = 0;
  double rhs = 0;
  std::string evidence;  // the sources and figures compared
};

// Identities inside each report (as extracted) and across the filings of one agency: rule 6
// (this year's 上年结转 = last year's 结转下年度) and rule 7 (现行有效件数, a warning). Agencies
// are matched by normalized name, 「XX市XX局」 with or without the city when only one agency fits.
bool AuditDataset(const std::string& path, std::vector<DatasetFinding>* findings, Error* error);
// The same with the cross-filing identities of the given grammars (the built-in ones above).
bool AuditDataset(const std::string& path, const GrammarSet& grammars,
                  std::vector<DatasetFinding>* findings, Error* error);

// The agency each name in names stands for, as AuditDataset groups them (for tests and reports).
std::vector<std::string> GroupAgencies(const std::vector<std::string>& names);

// Joins shard outputs into one dataset: every record again, in path order, skipping sources
// already present (by sha256).
bool MergeDatasets(const std::vector<std::string>& inputs, const std::string& output, Error* error);

}  // namespace gongkai

#endif  // GONGKAI_DATASET_DATASET_H_
