// Agency names: the key that joins one agency's filings across years when the printed name
// varies (科技厅 / 科学技术厅, 上海市政府 / 上海市人民政府), and the match between a short form a
// report prints (省人社厅) and the full name it prints elsewhere (河北省人力资源和社会保障厅).
#ifndef GONGKAI_SEGMENT_AGENCY_H_
#define GONGKAI_SEGMENT_AGENCY_H_

#include <string>
#include <string_view>

namespace gongkai {

// The agency's join key: NFKC, no spaces, brackets and quotes dropped, the usual abbreviations
// written out (人社 → 人力资源和社会保障, 科技厅 → 科学技术厅, 发改委 → 发展和改革委员会, …) and a
// place's 政府 as 人民政府. Two printed names of one agency give one key; "" for "".
std::string AgencyKey(std::string_view agency);

// True when `short_form` (省人社厅, 市教育局, 我厅) can stand for `full`
// (河北省人力资源和社会保障厅): the full name's key ends with the short form's key once its leading
// 省/市/县/区/州 is dropped; 我厅/本局 need only the same kind of office at the end.
bool ShortFormOf(std::string_view short_form, std::string_view full);

}  // namespace gongkai

#endif  // GONGKAI_SEGMENT_AGENCY_H_
