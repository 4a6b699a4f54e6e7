#include "util/text.h"

#include <unicode/utf8.h>

namespace gongkai {

bool IsSpaceAt(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
    *len = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    *len = 2;  // NBSP
    return true;
  }
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80) {
    *len = 3;  // U+3000 ideographic space
    return true;
  }
  return false;
}

std::string_view Trim(std::string_view s) {
  size_t len = 0;
  while (!s.empty() && IsSpaceAt(s, 0, &len)) s.remove_prefix(len);
  while (!s.empty()) {
    size_t n = s.size();
    if (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\f' || s[n - 1] == '\v') {
      s.remove_suffix(1);
    } else if (n >= 2 && IsSpaceAt(s, n - 2, &len) && len == 2) {
      s.remove_suffix(2);
    } else if (n >= 3 && IsSpaceAt(s, n - 3, &len) && len == 3) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

std::string StripSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t len = 0;
  for (size_t i = 0; i < s.size();) {
    if (IsSpaceAt(s, i, &len)) {
      i += len;
    } else {
      out.push_back(s[i]);
      ++i;
    }
  }
  return out;
}

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

size_t CodePointCount(std::string_view s) {
  size_t count = 0;
  int32_t i = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    ++count;
  }
  return count;
}

std::u32string ToCodePoints(std::string_view s) {
  std::u32string out;
  out.reserve(s.size() / 2);
  int32_t i = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out.push_back(c < 0 ? 0xFFFD : static_cast<char32_t>(c));
  }
  return out;
}

namespace {
int DigitValue(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}
}  // namespace

int ChineseNumeralValue(std::string_view s) {
  std::u32string cps = ToCodePoints(s);
  if (cps.empty() || cps.size() > 3) return 0;
  if (cps.size() == 1) {
    if (cps[0] == U'十') return 10;
    int d = DigitValue(cps[0]);
    return d > 0 ? d : 0;
  }
  // 十X, X十, X十Y
  size_t ten = cps.find(U'十');
  if (ten == std::u32string::npos) return 0;
  int tens = 1;
  if (ten == 1) {
    tens = DigitValue(cps[0]);
    if (tens <= 0) return 0;
  } else if (ten != 0) {
    return 0;
  }
  int ones = 0;
  if (ten + 1 < cps.size()) {
    if (ten + 2 != cps.size()) return 0;
    ones = DigitValue(cps[ten + 1]);
    if (ones <= 0) return 0;
  }
  return tens * 10 + ones;
}

}  // namespace gongkai
