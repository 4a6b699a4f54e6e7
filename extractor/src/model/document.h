// The loader's output: the input's text as numbered lines, original and (after normalize) the
// NFKC matching copy side by side, and the tables whose cells the input's own structure gives.
// PDF loaders fill page numbers; text inputs have none.
#ifndef GONGKAI_MODEL_DOCUMENT_H_
#define GONGKAI_MODEL_DOCUMENT_H_

#include <optional>
#include <string>
#include <vector>

#include "gongkai/record.h"
#include "model/cell_grid.h"

namespace gongkai {

// A run of text on a PDF page with its bounding box (points, origin top left).
struct Box {
  std::string text;  // as extracted
  std::string norm;  // NFKC copy (filled by Normalize)
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct Line {
  int number = 0;           // 1-based, counting every line break of the original
  std::optional<int> page;  // PDFs only
  std::string text;         // original, as decoded to UTF-8
  std::string norm;         // NFKC copy for matching (filled by Normalize)
  std::vector<Box> boxes;   // PDFs: the line's text runs, left to right
};

struct Document {
  SourceInfo source;
  std::vector<Line> lines;
  // Tables whose structure the input itself gives (HTML, DOCX, a PDF's drawn rules); their
  // rows are also in lines.
  std::vector<CellGrid> grids;
  std::vector<Picture> pictures;  // images standing in the text (HTML <img>)
  std::string page_title;         // an HTML page's <title>: names agency and year as a manifest's
  std::vector<Diagnostic> diagnostics;  // what the loader noticed (a page read without structure)
};

// Stable text form: one line per input line, "<number>\t<text>" (normalized copy after a " | " when
// it differs from the original).
std::string DumpDocument(const Document& doc);

}  // namespace gongkai

#endif  // GONGKAI_MODEL_DOCUMENT_H_
