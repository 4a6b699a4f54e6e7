#ifndef GONGKAI_UTIL_JSON_H_
#define GONGKAI_UTIL_JSON_H_

#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

// Appends s as a JSON string literal (quotes included). Invalid UTF-8 bytes become U+FFFD.
void AppendJsonString(std::string* out, std::string_view s);

// Appends a number, or null.
void AppendJsonNumber(std::string* out, std::optional<double> value);

}  // namespace gongkai

#endif  // GONGKAI_UTIL_JSON_H_
