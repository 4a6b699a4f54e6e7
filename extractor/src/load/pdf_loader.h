// The PDF loader: the only code that includes poppler (its core library, as pdftohtml uses it).
// Pages become numbered lines of text runs with their boxes; page numbers printed in the margins
// (「-3-」) are dropped. Tables drawn with rules become cell grids (Document::grids) beside the
// lines that hold their text.
#ifndef GONGKAI_LOAD_PDF_LOADER_H_
#define GONGKAI_LOAD_PDF_LOADER_H_

#include <string_view>

#include "gongkai/record.h"
#include "model/document.h"

namespace gongkai {

// Fills doc from PDF bytes. Fails with pdf.encrypted (a password is needed), pdf.damaged (not
// readable as a PDF) or pdf.no_text_layer (a scan, or CJK fonts without a ToUnicode map, whose
// text comes out as control characters: never read figures from that).
// Also pdf.no_text_layer when most glyphs come from CID fonts that map to no Unicode text, as
// their font dictionaries show (no ToUnicode map, codes that are glyph numbers).
bool LoadPdf(std::string_view bytes, Document* doc, Error* error);

struct PdfLoadOptions {
  bool rules = true;  // read the drawn rules into cell grids
};
bool LoadPdf(std::string_view bytes, const PdfLoadOptions& options, Document* doc, Error* error);

}  // namespace gongkai

#endif  // GONGKAI_LOAD_PDF_LOADER_H_
