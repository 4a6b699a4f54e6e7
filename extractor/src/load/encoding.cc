#include "load/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <bitset>
#include <cctype>
#include <memory>
#include <utility>

#include "util/text.h"

namespace gongkai {
namespace {

// The most frequent characters of written Chinese (and of reports), as a set over the BMP.
const std::bitset<0x10000>& CommonHan() {
  static const std::bitset<0x10000> set = [] {
    static constexpr std::u32string_view kCommon =
        U"的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之"
        U"年过发后"
        U"作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本"
        U"前开但因只"
        U"从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并"
        U"物手应战向头"
        U"文体政府信息况申请处理报告年度工作";
    std::bitset<0x10000> b;
    for (char32_t c : kCommon) b.set(c);
    return b;
  }();
  return set;
}

}  // namespace

void AddToProfile(std::string_view utf8, TextProfile* p) {
  const std::bitset<0x10000>& common = CommonHan();
  const auto* b = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t n = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(b, i, n, c);
    if (c == ' ') continue;
    ++p->total;
    if (c < 0 || c == 0xFFFD || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ||
        (c >= 0x7F && c < 0xA0)) {
      ++p->junk;
    } else if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) {
      ++p->han;
      if (common.test(static_cast<size_t>(c))) ++p->common;
    }
  }
}

namespace {

TextProfile ProfileOf(std::string_view utf8) {
  TextProfile p;
  AddToProfile(utf8, &p);
  return p;
}

// Whether text decoded by a guessed encoding reads as Chinese.
bool ReadsAsChinese(std::string_view utf8) {
  TextProfile p = ProfileOf(utf8);
  return p.junk_share() <= 0.02 && p.han_share() >= 0.1 && p.common_share() >= 0.08;
}

// Converts with ICU, failing (rather than substituting) on any illegal sequence unless lenient.
bool Convert(const char* charset, std::string_view bytes, std::string* utf8, bool lenient = false) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* raw = ucnv_open(charset, &status);
  if (U_FAILURE(status)) return false;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(raw, ucnv_close);
  if (!lenient) {
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  }
  if (U_FAILURE(status)) return false;
  UConverter* to = ucnv_open("UTF-8", &status);
  if (U_FAILURE(status)) return false;
  std::unique_ptr<UConverter, void (*)(UConverter*)> utf8conv(to, ucnv_close);
  // UTF-8 needs at most 2x the bytes of GB18030/Big5/UTF-16, 3x for a substituted byte.
  utf8->assign(bytes.size() * (lenient ? 3 : 2) + 16, '\0');
  char* target = utf8->data();
  const char* source = bytes.data();
  ucnv_convertEx(utf8conv.get(), conv.get(), &target, utf8->data() + utf8->size(), &source,
                 bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true,
                 &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    // Cannot happen for these charsets (UTF-8 needs at most 2x the bytes of GB18030/UTF-16),
    // but fail safely rather than truncate.
    return false;
  }
  if (U_FAILURE(status)) return false;
  utf8->resize(target - utf8->data());
  return true;
}

bool Fail(Error* error, std::string message) {
  error->code = "bad_encoding";
  error->message = std::move(message);
  return false;
}

bool Accept(std::string* utf8, std::string* encoding, const char* name, Error* error) {
  if (ProfileOf(*utf8).junk_share() > 0.02) {
    return Fail(error, std::string("decoded as ") + name +
                           " but the text is mostly control characters: not a text report");
  }
  *encoding = name;
  return true;
}

}  // namespace

bool DecodeToUtf8(std::string_view bytes, std::string* utf8, std::string* encoding, Error* error) {
  auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  if (starts("\xEF\xBB\xBF")) {
    std::string_view body = bytes.substr(3);
    if (!IsValidUtf8(body)) return Fail(error, "starts with a UTF-8 BOM but is not valid UTF-8");
    utf8->assign(body);
    return Accept(utf8, encoding, "UTF-8", error);
  }
  // UTF-32 first: its little-endian BOM begins with UTF-16LE's.
  const struct {
    std::string_view bom;
    const char* charset;
  } kBoms[] = {{std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
               {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
               {"\xFF\xFE", "UTF-16LE"},
               {"\xFE\xFF", "UTF-16BE"}};
  for (const auto& b : kBoms) {
    if (starts(b.bom)) {
      if (!Convert(b.charset, bytes.substr(b.bom.size()), utf8)) {
        return Fail(error, std::string("starts with a ") + b.charset + " BOM but does not decode");
      }
      return Accept(utf8, encoding, b.charset, error);
    }
  }
  if (IsValidUtf8(bytes)) {
    utf8->assign(bytes);
    return Accept(utf8, encoding, "UTF-8", error);
  }
  // Not UTF-8. GB18030 (the superset of GBK and GB2312) is what mainland agencies use: a strict
  // decode that gives mostly Chinese text settles it cheaply. Otherwise ask ICU's detector.
  if (Convert("GB18030", bytes, utf8) && ReadsAsChinese(*utf8) &&
      ProfileOf(*utf8).han_share() >= 0.2) {
    *encoding = "GB18030";
    return true;
  }
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* raw = ucsdet_open(&status);
  if (U_FAILURE(status)) return Fail(error, "ICU charset detector unavailable");
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(raw, ucsdet_close);
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &found, &status);
  std::string tried;
  if (U_SUCCESS(status)) {
    for (int32_t m = 0; m < found; ++m) {
      const char* name = ucsdet_getName(matches[m], &status);
      int32_t confidence = ucsdet_getConfidence(matches[m], &status);
      if (U_FAILURE(status) || confidence < 10) break;
      std::string_view n = name;
      const char* charset = nullptr;
      if (n == "GB18030") charset = "GB18030";
      if (n == "Big5") charset = "Big5";
      if (n == "UTF-16LE" || n == "UTF-16BE") charset = name;
      // A guess must give Chinese text: random bytes decode as UTF-16 or Big5 just as well.
      if (charset && Convert(charset, bytes, utf8) && ReadsAsChinese(*utf8)) {
        return Accept(utf8, encoding, charset, error);
      }
    }
  }
  if (Convert("GB18030", bytes, utf8) && ReadsAsChinese(*utf8)) {
    *encoding = "GB18030";
    return true;
  }
  return Fail(error, "not valid UTF-8, UTF-16 or GB18030 text (a binary file?)");
}

const char* CharsetForLabel(std::string_view label) {
  std::string l;
  for (char c : label) l.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  static const std::pair<std::string_view, const char*> kLabels[] = {
      {"utf-8", "UTF-8"},       {"utf8", "UTF-8"},       {"gb2312", "GB18030"},
      {"gbk", "GB18030"},       {"gb18030", "GB18030"},  {"x-gbk", "GB18030"},
      {"cp936", "GB18030"},     {"euc-cn", "GB18030"},   {"hz-gb-2312", "HZ"},
      {"big5", "Big5"},         {"big5-hkscs", "Big5"},  {"utf-16", "UTF-16LE"},
      {"utf-16le", "UTF-16LE"}, {"utf-16be", "UTF-16BE"}};
  for (const auto& [name, charset] : kLabels) {
    if (l == name) return charset;
  }
  return nullptr;
}

bool DecodeDeclared(const char* charset, std::string_view bytes, std::string* utf8,
                    std::string* encoding) {
  if (std::string_view(charset) == "UTF-8") {
    if (!IsValidUtf8(bytes)) return false;
    utf8->assign(bytes);
  } else if (!Convert(charset, bytes, utf8, /*lenient=*/true)) {
    return false;
  }
  *encoding = charset;
  return true;
}

}  // namespace gongkai
