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
#include "segment/report_info.h"

namespace gongkai {

Segments Segment(const Document& doc, const GrammarSet& grammars);

std::string DumpSegments(const Segments& segments);

}  // namespace gongkai

#endif  // GONGKAI_SEGMENT_SEGMENTER_H_
