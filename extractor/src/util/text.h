// Small UTF-8 and string helpers shared by the stages.
#ifndef GONGKAI_UTIL_TEXT_H_
#define GONGKAI_UTIL_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// True for the whitespace gongkai treats as a separator: ASCII space, tab, and (in original text)
// U+3000 and NBSP; after NFKC both of those are already ASCII spaces.
bool IsSpaceAt(std::string_view s, size_t i, size_t* len);

// s without leading and trailing whitespace (ASCII, U+3000, NBSP).
std::string_view Trim(std::string_view s);

// s with every whitespace character removed: the form labels are matched in.
std::string StripSpaces(std::string_view s);

// Splits on a single byte.
std::vector<std::string_view> SplitOn(std::string_view s, char sep);

// True if s is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// Number of code points, counting each invalid byte as one.
size_t CodePointCount(std::string_view s);

// Decodes s into code points (invalid bytes become U+FFFD).
std::u32string ToCodePoints(std::string_view s);

// Value of a Chinese numeral 一..九十九 (also 〇/零, 两); 0 if s is not one.
int ChineseNumeralValue(std::string_view s);

}  // namespace gongkai

#endif  // GONGKAI_UTIL_TEXT_H_
