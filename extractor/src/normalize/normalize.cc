#include "normalize/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <utility>

#include "util/text.h"

namespace gongkai {
namespace {

const icu::Normalizer2* Nfkc(const void* p) { return static_cast<const icu::Normalizer2*>(p); }

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Removes U+200B..U+200D (zero-width space/joiners), U+2060 (word joiner), U+FEFF (BOM) and
// U+00AD (soft hyphen): invisible in print, they split labels in scraped text.
void DropInvisible(std::string* s) {
  std::string out;
  out.reserve(s->size());
  const std::string& in = *s;
  for (size_t i = 0; i < in.size();) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == 0xE2 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(in[i + 2]) >= 0x8B &&
         static_cast<unsigned char>(in[i + 2]) <= 0x8D)) {
      i += 3;
    } else if (c == 0xE2 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0x81 &&
               static_cast<unsigned char>(in[i + 2]) == 0xA0) {
      i += 3;
    } else if (c == 0xEF && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xBB &&
               static_cast<unsigned char>(in[i + 2]) == 0xBF) {
      i += 3;
    } else if (c == 0xC2 && i + 1 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xAD) {
      i += 2;
    } else {
      out.push_back(in[i++]);
    }
  }
  s->swap(out);
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// The code point an HTML character reference names (「nbsp」, 「#12288」, 「#x3000」), or 0.
char32_t EntityCodePoint(std::string_view name) {
  static constexpr std::pair<std::string_view, char32_t> kNamed[] = {
      {"nbsp", 0xA0},     {"amp", '&'},      {"lt", '<'},       {"gt", '>'},
      {"quot", '"'},      {"apos", '\''},    {"ensp", 0x2002},  {"emsp", 0x2003},
      {"thinsp", 0x2009}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"ldquo", 0x201C},
      {"rdquo", 0x201D},  {"middot", 0xB7},  {"hellip", 0x2026}};
  if (name.size() >= 2 && name[0] == '#') {
    bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 7) return 0;
    char32_t cp = 0;
    for (char c : digits) {
      int d = c >= '0' && c <= '9'          ? c - '0'
              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                            : -1;
      if (d < 0) return 0;
      cp = cp * (hex ? 16 : 10) + d;
    }
    // No NUL, no surrogates, nothing beyond Unicode.
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
    return cp;
  }
  for (const auto& [n, cp] : kNamed) {
    if (n == name) return cp;
  }
  return 0;
}

// Scraped pages often keep HTML character references (an empty cell printed as 「&nbsp;」):
// decodes them; anything else after a & is kept as it is.
std::string DecodeEntities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) break;
    out.append(text.substr(i, amp - i));
    size_t semi = text.find(';', amp + 1);
    char32_t cp = 0;
    if (semi != std::string_view::npos && semi - amp <= 9) {
      cp = EntityCodePoint(text.substr(amp + 1, semi - amp - 1));
    }
    if (cp == 0) {
      out.push_back('&');
      i = amp + 1;
      continue;
    }
    AppendUtf8(cp, &out);
    i = semi + 1;
  }
  out.append(text.substr(i));
  return out;
}

}  // namespace

Normalizer::Normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_ = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) nfkc_ = nullptr;
}

std::string Normalizer::Normalize(std::string_view text) const {
  if (text.find('&') != std::string_view::npos) return NormalizeDecoded(DecodeEntities(text));
  return NormalizeDecoded(text);
}

std::string Normalizer::NormalizeDecoded(std::string_view text) const {
  if (IsAscii(text) || nfkc_ == nullptr) return std::string(text);
  std::string out;
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  Nfkc(nfkc_)->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
                             sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(text);
  DropInvisible(&out);
  return out;
}

void Normalizer::NormalizeDocument(Document* doc) const {
  for (Line& line : doc->lines) {
    line.norm = Normalize(line.text);
    for (Box& box : line.boxes) box.norm = Normalize(box.text);
  }
  for (CellGrid& grid : doc->grids) {
    for (GridCell& cell : grid.cells) cell.norm = std::string(Trim(Normalize(cell.text)));
  }
}

}  // namespace gongkai
