// The audit stage: the identities of FORMATS.md checked on one record's figures. Blank cells count
// as 0 and each finding lists the blanks it counted; an identity whose keys are absent is skipped.
#ifndef GONGKAI_AUDIT_AUDIT_H_
#define GONGKAI_AUDIT_AUDIT_H_

#include <string>
#include <vector>

#include "gongkai/record.h"

namespace gongkai {

// Identities 1–5: requests.balance, requests.outcomes, requests.row_total,
// appeals.<group>.total, values.non_negative / values.integer (only failures are listed for 5).
std::vector<Finding> Audit(const std::vector<Figure>& figures);

std::string DumpAudit(const std::vector<Finding>& findings);

}  // namespace gongkai

#endif  // GONGKAI_AUDIT_AUDIT_H_
