// The segment stage: the six canonical sections found by their numbered headings (also when a
// heading runs on after other text on the same line), and the report's agency, year and title.
#ifndef GONGKAI_SEGMENT_SEGMENTER_H_
#define GONGKAI_SEGMENT_SEGMENTER_H_

#include <string>
#include <vector>

#include "gongkai/record.h"
#include "grammar/grammar.h"
#include "model/document.h"
#include "model/segments.h"

namespace gongkai {

Segments Segment(const Document& doc, const GrammarSet& grammars);

// A title line: 「尖扎县教育局2021年度政府信息公开工作年度报告」 or, year first,
// 「2022年上海市政府信息公开工作年度报告」 (normalized, spaces removed). The agency is left empty
// when the title names none that looks like an agency.
bool MatchTitle(const ReportRules& rules, const std::string& title, std::string* agency,
                std::string* year);

std::string DumpSegments(const Segments& segments);

}  // namespace gongkai

#endif  // GONGKAI_SEGMENT_SEGMENTER_H_
