// Turning an input's bytes into UTF-8: UTF-8 (with or without BOM), UTF-16/32 with BOM, and legacy
// Chinese encodings (GB18030/GBK, Big5) found by ICU's charset detector.
#ifndef GONGKAI_LOAD_ENCODING_H_
#define GONGKAI_LOAD_ENCODING_H_

#include <string>
#include <string_view>

#include "gongkai/record.h"

namespace gongkai {

// Decodes bytes into *utf8 and names the encoding in *encoding. On failure fills *error with
// code "bad_encoding" and returns false.
bool DecodeToUtf8(std::string_view bytes, std::string* utf8, std::string* encoding, Error* error);

// The ICU charset for a charset label a page declares (「gb2312」, 「GBK」, 「utf-8」, 「big5」),
// GB2312 and GBK read as their superset GB18030; null for a label gongkai does not read.
const char* CharsetForLabel(std::string_view label);

// Decodes bytes in a charset the input declares (CharsetForLabel). A page's stray illegal byte
// becomes U+FFFD rather than failing the page; UTF-8 must be valid. False if it does not decode.
bool DecodeDeclared(const char* charset, std::string_view bytes, std::string* utf8,
                    std::string* encoding);

// What decoded text is made of: code points other than spaces; control characters (other than
// tab, CR, LF, FF) and U+FFFD; Han ideographs; and Han among the most frequent of written
// Chinese. Tells a right encoding guess from a wrong one, and a text layer from garbage.
struct TextProfile {
  size_t total = 0, junk = 0, han = 0, common = 0;
  // Text in any real encoding has next to no junk; a binary file decoded as text has much.
  double junk_share() const { return total ? static_cast<double>(junk) / total : 0.0; }
  double han_share() const { return total ? static_cast<double>(han) / total : 0.0; }
  // About a fifth of real Chinese; near zero when bytes of another kind are decoded as GB18030
  // or UTF-16 (any byte pair is some character there, but rarely these).
  double common_share() const { return han ? static_cast<double>(common) / han : 0.0; }
};

// Adds the code points of `utf8` to *profile.
void AddToProfile(std::string_view utf8, TextProfile* profile);

}  // namespace gongkai

#endif  // GONGKAI_LOAD_ENCODING_H_
