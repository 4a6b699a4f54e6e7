#ifndef GONGKAI_UTIL_JSON_H_
#define GONGKAI_UTIL_JSON_H_

#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

// Appends s as a JSON string literal (quotes included). Invalid UTF-8 bytes become U+FFFD; with
// known_valid the caller vouches that s is valid UTF-8 (all text past the loader is) and the check
// is skipped.
void AppendJsonString(std::string* out, std::string_view s, bool known_valid = false);

// Appends an object key; keys are ASCII identifiers, escaped only if they are not.
void AppendJsonKey(std::string* out, std::string_view key);

// Appends a number, or null.
void AppendJsonNumber(std::string* out, std::optional<double> value);

}  // namespace gongkai

#endif  // GONGKAI_UTIL_JSON_H_
