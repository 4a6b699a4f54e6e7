// The HTML loader: a web page (as scraped, or saved) → Document. libxml2's HTML parser reads the
// markup as browsers' predecessors did — forgiving unclosed tags and broken nesting — and the
// report is found in the page by its content (the element holding most of the page's prose and
// its data tables), not by one CMS's class names. Tables with data become cell grids with their
// row and column spans; layout tables around the page flow as text.
#ifndef GONGKAI_LOAD_HTML_LOADER_H_
#define GONGKAI_LOAD_HTML_LOADER_H_

#include <string>
#include <string_view>

#include "gongkai/record.h"
#include "model/document.h"

namespace gongkai {

// True when bytes start (after a BOM, whitespace, comments and a doctype) as an HTML page.
bool LooksLikeHtml(std::string_view bytes);

// Fills doc from an HTML page. The charset comes from a BOM, <meta charset> or <meta
// http-equiv>, else UTF-8 if valid, else the text detector (GB2312/GBK read as GB18030). Fails
// with bad_encoding, or empty_input for a page without text.
bool LoadHtml(std::string_view bytes, Document* doc, Error* error);

// The charset label a page declares in its first bytes (「gb2312」), or empty.
std::string DeclaredCharset(std::string_view bytes);

}  // namespace gongkai

#endif  // GONGKAI_LOAD_HTML_LOADER_H_
