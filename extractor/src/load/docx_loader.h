// The Word loader: a .docx (a zip of XML parts) → Document. Paragraphs and tables in document
// order from the main part (word/document.xml); tables become cell grids, merged cells keeping
// their spans (w:gridSpan, w:vMerge). Binary Word and WPS files (OLE2 containers) are named and
// refused, never misread as text.
#ifndef GONGKAI_LOAD_DOCX_LOADER_H_
#define GONGKAI_LOAD_DOCX_LOADER_H_

#include <string_view>

#include "gongkai/record.h"
#include "model/document.h"

namespace gongkai {

// True for a zip archive (the container of .docx, .xlsx, OFD, …).
bool LooksLikeZip(std::string_view bytes);
// True for an OLE2 compound file (.doc, .wps, .xls, and encrypted .docx).
bool LooksLikeOle2(std::string_view bytes);

// Fills doc from a .docx. Fails with docx.damaged (not a readable zip, no main part, broken XML),
// docx.encrypted, input.too_complex (a part inflating past the limits: a zip bomb) or
// format.unsupported (a zip that is not a Word document).
bool LoadDocx(std::string_view bytes, Document* doc, Error* error);

// Always fails: docx.encrypted for an encrypted Word file, format.unsupported naming the format
// (.doc, .wps, …) with how to convert it otherwise.
bool RefuseOle2(std::string_view bytes, std::string_view path, Error* error);

// The inflated size one part may reach, and the ratio to its compressed size past which a
// large part is taken for a zip bomb.
inline constexpr size_t kMaxDocxPartBytes = size_t{64} << 20;
inline constexpr double kMaxDocxRatio = 200;

}  // namespace gongkai

#endif  // GONGKAI_LOAD_DOCX_LOADER_H_
