// The report's agency, year and title, from the evidence a real report prints, in trust order.
// Agency: the title, the signature (before or after its date line, or run into flattened text),
// 「由…编制」, the opening sentence, a page's source field, the page title. Short forms (省人社厅)
// are resolved to the full name the report prints elsewhere. Year: the title, the statistics
// period, period words (「2017年度」, the opening 「2017年，」), the signature's date minus one.
#ifndef GONGKAI_SEGMENT_REPORT_INFO_H_
#define GONGKAI_SEGMENT_REPORT_INFO_H_

#include <string>

#include "grammar/grammar.h"
#include "model/document.h"
#include "model/segments.h"

namespace gongkai {

// Fills out->info (and its diagnostics) from doc; the opening is the text before the first
// section heading (line first_line, byte first_col of its norm).
void FindReportInfo(const Document& doc, const GrammarSet& grammars, size_t first_line,
                    size_t first_col, Segments* out);

// A title line: 「尖扎县教育局2021年度政府信息公开工作年度报告」 or, year first,
// 「2022年上海市政府信息公开工作年度报告」 (normalized, spaces removed). The agency is left empty
// when the title names none that looks like an agency.
bool MatchTitle(const ReportRules& rules, const std::string& title, std::string* agency,
                std::string* year);

// 「二〇二一年」 → 「2021年」: formal titles print the year in Chinese digits.
std::string ArabicYears(const std::string& s);

}  // namespace gongkai

#endif  // GONGKAI_SEGMENT_REPORT_INFO_H_
