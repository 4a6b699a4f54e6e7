// The text loader: bytes of a text report → Document lines.
#ifndef GONGKAI_LOAD_TEXT_LOADER_H_
#define GONGKAI_LOAD_TEXT_LOADER_H_

#include <string_view>

#include "gongkai/record.h"
#include "model/document.h"

namespace gongkai {

// Decodes bytes (see encoding.h) and splits them into lines on LF, CRLF or CR alone, so that
// CR-only files (one cell per line) keep their blank-line structure. Fills doc->lines and
// doc->source.encoding. Returns false with *error set for bad encodings and empty inputs.
bool LoadText(std::string_view bytes, Document* doc, Error* error);

// Splits UTF-8 text into lines as LoadText does.
void SplitLines(std::string_view text, std::vector<Line>* lines);

}  // namespace gongkai

#endif  // GONGKAI_LOAD_TEXT_LOADER_H_
