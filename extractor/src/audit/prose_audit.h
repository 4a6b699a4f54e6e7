// Prose against tables: a figure a report states in a sentence (「全年共收到政府信息公开申请17件」)
// checked against the table cell that holds the same count (table 三 本年新收 总计). Real reports
// differ; each difference is a `prose.table_mismatch` warning with both values and provenances.
#ifndef GONGKAI_AUDIT_PROSE_AUDIT_H_
#define GONGKAI_AUDIT_PROSE_AUDIT_H_

#include <vector>

#include "gongkai/record.h"

namespace gongkai {

std::vector<Diagnostic> ProseAgainstTables(const std::vector<ProseFigure>& prose,
                                           const std::vector<Figure>& figures);

}  // namespace gongkai

#endif  // GONGKAI_AUDIT_PROSE_AUDIT_H_
