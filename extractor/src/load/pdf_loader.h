// The PDF loader: the only code that includes poppler. Pages become numbered lines of text runs
// with their boxes; page numbers printed in the margins (「-3-」) are dropped.
#ifndef GONGKAI_LOAD_PDF_LOADER_H_
#define GONGKAI_LOAD_PDF_LOADER_H_

#include <string_view>

#include "gongkai/record.h"
#include "model/document.h"

namespace gongkai {

// Fills doc from PDF bytes. Fails with pdf.encrypted (a password is needed), pdf.damaged (not
// readable as a PDF) or pdf.no_text_layer (a scan, or CJK fonts without a ToUnicode map, whose
// text comes out as control characters: never read figures from that).
bool LoadPdf(std::string_view bytes, Document* doc, Error* error);

}  // namespace gongkai

#endif  // GONGKAI_LOAD_PDF_LOADER_H_
