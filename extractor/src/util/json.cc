#include "util/json.h"

#include <unicode/utf8.h>

#include <array>

#include "util/number.h"
#include "util/text.h"

namespace gongkai {

namespace {

constexpr std::array<bool, 256> kEscape = [] {
  std::array<bool, 256> t{};
  for (int b = 0; b < 0x20; ++b) t[b] = true;
  t['"'] = true;
  t['\\'] = true;
  return t;
}();

bool NeedsEscape(unsigned char b) { return kEscape[b]; }

// The escape of a byte for which NeedsEscape holds.
void AppendEscape(std::string* out, unsigned char b) {
  static const char kHex[] = "0123456789abcdef";
  switch (b) {
    case '"':
      out->append("\\\"");
      break;
    case '\\':
      out->append("\\\\");
      break;
    case '\n':
      out->append("\\n");
      break;
    case '\r':
      out->append("\\r");
      break;
    case '\t':
      out->append("\\t");
      break;
    default:
      out->append("\\u00");
      out->push_back(kHex[b >> 4]);
      out->push_back(kHex[b & 0xf]);
  }
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view s, bool known_valid) {
  out->push_back('"');
  if (known_valid || IsValidUtf8(s)) {
    // Valid UTF-8 (all text past the loader is) is copied in runs between escapes.
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char b = static_cast<unsigned char>(s[i]);
      if (!NeedsEscape(b)) continue;
      out->append(s.data() + run, i - run);
      run = i + 1;
      AppendEscape(out, b);
    }
    out->append(s.data() + run, s.size() - run);
    out->push_back('"');
    return;
  }
  // Invalid UTF-8 (a path, a message): code point by code point, bad bytes as U+FFFD.
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    uint8_t b = p[i];
    if (b < 0x80) {
      ++i;
      if (NeedsEscape(b)) {
        AppendEscape(out, b);
      } else {
        out->push_back(static_cast<char>(b));
      }
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      out->append("\xEF\xBF\xBD");
    } else {
      out->append(reinterpret_cast<const char*>(p + start), i - start);
    }
  }
  out->push_back('"');
}

void AppendJsonKey(std::string* out, std::string_view key) {
  for (char c : key) {
    unsigned char b = static_cast<unsigned char>(c);
    if (b >= 0x80 || NeedsEscape(b)) {
      AppendJsonString(out, key);
      return;
    }
  }
  out->push_back('"');
  out->append(key);
  out->push_back('"');
}

void AppendJsonNumber(std::string* out, std::optional<double> value) {
  if (!value) {
    out->append("null");
  } else {
    out->append(FormatNumber(*value));
  }
}

}  // namespace gongkai
