#include "load/pdf_page_dev.h"

#include <GfxFont.h>

#include <algorithm>
#include <cmath>

namespace gongkai {
namespace {

// Rules drawn thinner than this as filled rectangles are lines (Word and WPS draw borders so);
// wider fills are shading.
constexpr double kMaxRuleWidth = 2.5;
// More segments than this on a page: artwork or a bomb; FindRuleTables reads no tables then.
constexpr size_t kMaxSegments = 20001;

bool NearWhite(const GfxRGB& rgb) {
  return colToDbl(rgb.r) > 0.92 && colToDbl(rgb.g) > 0.92 && colToDbl(rgb.b) > 0.92;
}

// Whether the font's glyphs have no Unicode text: a CID font without a ToUnicode map whose codes
// are glyph numbers (Identity encoding over an embedded TrueType font, or the Identity
// collection). Poppler then maps them through a character collection they are not from, giving
// control characters or unrelated Chinese: text that must never be read as a report.
bool Unreadable(const GfxFont& font) {
  if (!font.isCIDFont() || font.hasToUnicodeCMap()) return false;
  if (font.getEncodingName().rfind("Identity", 0) != 0) return false;
  const auto& cid = static_cast<const GfxCIDFont&>(font);
  const GooString* collection = cid.getCollection();
  bool identity = !collection || collection->toStr().find("Identity") != std::string::npos;
  GfxFontType type = font.getType();
  bool truetype = type == fontCIDType2 || type == fontCIDType2OT;
  return identity || (truetype && cid.getCIDToGIDLen() == 0);
}

}  // namespace

PageDev::PageDev(bool collect_rules)
    : TextOutputDev(nullptr, false, 0, false, false), collect_rules_(collect_rules) {}

std::vector<RuleSegment> PageDev::TakeRules() { return std::exchange(rules_, {}); }

void PageDev::AddPath(GfxState* state, bool filled) {
  if (!collect_rules_ || rules_.size() >= kMaxSegments) return;
  GfxRGB rgb;
  if (filled) {
    state->getFillRGB(&rgb);
    if (NearWhite(rgb) || state->getFillOpacity() < 0.1) return;
  } else {
    state->getStrokeRGB(&rgb);
    if (NearWhite(rgb) || state->getStrokeOpacity() < 0.1) return;
  }
  const GfxPath* path = state->getPath();
  for (int i = 0; i < path->getNumSubpaths() && rules_.size() < kMaxSegments; ++i) {
    const GfxSubpath* sub = path->getSubpath(i);
    int n = sub->getNumPoints();
    std::vector<std::pair<double, double>> pts(static_cast<size_t>(n));
    for (int k = 0; k < n; ++k)
      state->transform(sub->getX(k), sub->getY(k), &pts[k].first, &pts[k].second);
    if (filled) {
      if (n < 2) continue;
      double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
      for (const auto& [x, y] : pts) {
        x0 = std::min(x0, x);
        y0 = std::min(y0, y);
        x1 = std::max(x1, x);
        y1 = std::max(y1, y);
      }
      if (x1 - x0 <= kMaxRuleWidth) {
        double x = (x0 + x1) / 2;
        rules_.push_back({x, y0, x, y1});
      } else if (y1 - y0 <= kMaxRuleWidth) {
        double y = (y0 + y1) / 2;
        rules_.push_back({x0, y, x1, y});
      }
      continue;
    }
    auto add = [&](int a, int b) {
      if (sub->getCurve(a) || sub->getCurve(b)) return;
      rules_.push_back({pts[a].first, pts[a].second, pts[b].first, pts[b].second});
    };
    for (int k = 1; k < n; ++k) add(k - 1, k);
    if (sub->isClosed() && n > 2) add(n - 1, 0);
  }
}

void PageDev::stroke(GfxState* state) {
  AddPath(state, false);
  TextOutputDev::stroke(state);
}

void PageDev::fill(GfxState* state) {
  AddPath(state, true);
  TextOutputDev::fill(state);
}

void PageDev::eoFill(GfxState* state) {
  AddPath(state, true);
  TextOutputDev::eoFill(state);
}

void PageDev::updateFont(GfxState* state) {
  TextOutputDev::updateFont(state);
  const std::shared_ptr<GfxFont>& font = state->getFont();
  font_unmapped_ = font && Unreadable(*font);
  font_name_ = font && font->getName() ? *font->getName() : std::string("?");
}

void PageDev::drawChar(GfxState* state, double x, double y, double dx, double dy, double origin_x,
                       double origin_y, CharCode code, int bytes, const Unicode* u, int ulen) {
  ++glyphs_;
  if (font_unmapped_ || ulen == 0) {
    ++unmapped_;
    if (unmapped_fonts_.size() < 8) unmapped_fonts_.insert(font_name_);
  }
  TextOutputDev::drawChar(state, x, y, dx, dy, origin_x, origin_y, code, bytes, u, ulen);
}

}  // namespace gongkai
