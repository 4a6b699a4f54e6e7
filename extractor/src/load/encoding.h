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

}  // namespace gongkai

#endif  // GONGKAI_LOAD_ENCODING_H_
