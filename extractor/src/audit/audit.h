// The audit stage: the identities of each table's template (grammars/<template>/identities.toml)
// checked on one record's figures. Blank cells count as 0 and each finding lists the blanks it
// counted; an identity whose keys are absent is skipped.
#ifndef GONGKAI_AUDIT_AUDIT_H_
#define GONGKAI_AUDIT_AUDIT_H_

#include <string>
#include <utility>
#include <vector>

#include "gongkai/record.h"
#include "grammar/grammar.h"

namespace gongkai {

// tables: the template each table was read with (ReportInfo::tables), in the report's order;
// each table's identities are checked in that order, then the value rules figure by figure
// (only their failures are listed).
std::vector<Finding> Audit(const std::vector<Figure>& figures,
                           const std::vector<std::pair<std::string, std::string>>& tables,
                           const GrammarSet& grammars);

std::string DumpAudit(const std::vector<Finding>& findings);

}  // namespace gongkai

#endif  // GONGKAI_AUDIT_AUDIT_H_
