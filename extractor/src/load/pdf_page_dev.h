// One pass over a PDF page through poppler's core library: the text layer exactly as poppler-cpp's
// page::text_list() gives it (the same TextOutputDev settings), and beside it the rules the page
// draws (stroked lines, thin filled rectangles) and how many glyphs come from fonts whose text
// cannot be read (CID fonts without a ToUnicode map). Included only by the PDF loader.
#ifndef GONGKAI_LOAD_PDF_PAGE_DEV_H_
#define GONGKAI_LOAD_PDF_PAGE_DEV_H_

#include <GfxState.h>
#include <TextOutputDev.h>

#include <set>
#include <string>
#include <vector>

#include "load/pdf_rules.h"

namespace gongkai {

class PageDev : public TextOutputDev {
 public:
  // collect_rules false: text and glyph counts only (for measuring what the rules cost).
  explicit PageDev(bool collect_rules);

  void stroke(GfxState* state) override;
  void fill(GfxState* state) override;
  void eoFill(GfxState* state) override;
  void updateFont(GfxState* state) override;
  void drawChar(GfxState* state, double x, double y, double dx, double dy, double origin_x,
                double origin_y, CharCode code, int bytes, const Unicode* u, int ulen) override;

  // The page's rules so far; cleared by TakeRules.
  std::vector<RuleSegment> TakeRules();

  size_t glyphs() const { return glyphs_; }
  size_t unmapped_glyphs() const { return unmapped_; }
  // Names of the fonts whose glyphs have no Unicode text.
  const std::set<std::string>& unmapped_fonts() const { return unmapped_fonts_; }

 private:
  void AddPath(GfxState* state, bool filled);

  bool collect_rules_;
  std::vector<RuleSegment> rules_;
  bool font_unmapped_ = false;
  std::string font_name_;
  size_t glyphs_ = 0, unmapped_ = 0;
  std::set<std::string> unmapped_fonts_;
};

}  // namespace gongkai

#endif  // GONGKAI_LOAD_PDF_PAGE_DEV_H_
