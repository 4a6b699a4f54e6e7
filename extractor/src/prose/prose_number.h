// Numbers as sentences write them: 「1,200」, 「1.2万」, 「二十三」, 「两」, 「一千零五」,
// 「三万」.
#ifndef GONGKAI_PROSE_PROSE_NUMBER_H_
#define GONGKAI_PROSE_PROSE_NUMBER_H_

#include <optional>
#include <string_view>

namespace gongkai {

// The value of digits (thousands separators, a decimal part, a trailing 万 or 亿) or of a Chinese
// numeral (零〇一二两三四五六七八九十百千万亿); nullopt when the text is neither.
std::optional<double> ParseProseNumber(std::string_view text);

}  // namespace gongkai

#endif  // GONGKAI_PROSE_PROSE_NUMBER_H_
