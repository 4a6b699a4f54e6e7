#include "normalize/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

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

}  // namespace

Normalizer::Normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_ = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) nfkc_ = nullptr;
}

std::string Normalizer::Normalize(std::string_view text) const {
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
}

}  // namespace gongkai
