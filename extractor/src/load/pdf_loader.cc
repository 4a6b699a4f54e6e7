#include "load/pdf_loader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "load/encoding.h"
#include "util/text.h"

namespace gongkai {
namespace {

// More pages than any annual report has: a PDF bomb, or not a report.
constexpr int kMaxPages = 5000;

// poppler reports syntax errors of damaged files on stderr; the record says it instead.
void Quiet(const std::string&, void*) {}

struct RawBox {
  std::string text;
  double x0, y0, x1, y1;
  double cy() const { return (y0 + y1) / 2; }
  double height() const { return y1 - y0; }
};

// A page number alone in the top or bottom margin: 「-3-」, 「— 3 —」, 「3」, 「第3页」.
bool IsPageNumber(const std::string& text) {
  std::string s = StripSpaces(text);
  size_t i = 0;
  auto skip = [&](std::initializer_list<std::string_view> marks) {
    bool again = true;
    while (again) {
      again = false;
      for (std::string_view m : marks) {
        if (s.compare(i, m.size(), m) == 0) {
          i += m.size();
          again = true;
        }
      }
    }
  };
  skip({"-", "—", "–", "－", "第"});
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    ++i;
    ++digits;
  }
  skip({"-", "—", "–", "－", "页"});
  if (s.compare(i, 3, "共") == 0) return digits > 0;  // 「第3页共6页」
  return digits > 0 && digits <= 4 && i == s.size();
}

// Boxes of one page grouped into lines: a box joins the line whose vertical extent holds its
// centre. Lines top to bottom, boxes left to right.
std::vector<std::vector<RawBox>> GroupLines(std::vector<RawBox> boxes) {
  std::sort(boxes.begin(), boxes.end(),
            [](const RawBox& a, const RawBox& b) { return a.cy() < b.cy(); });
  std::vector<std::vector<RawBox>> lines;
  std::vector<std::pair<double, double>> extent;
  for (RawBox& b : boxes) {
    bool placed = false;
    for (size_t l = lines.size(); l > 0 && !placed; --l) {
      auto& [top, bottom] = extent[l - 1];
      if (bottom < b.y0 - b.height()) break;  // lines above are out of reach
      double centre = (top + bottom) / 2;
      if ((b.cy() >= top && b.cy() <= bottom) || (centre >= b.y0 && centre <= b.y1)) {
        top = std::min(top, b.y0);
        bottom = std::max(bottom, b.y1);
        lines[l - 1].push_back(std::move(b));
        placed = true;
      }
    }
    if (!placed) {
      extent.emplace_back(b.y0, b.y1);
      lines.push_back({std::move(b)});
    }
  }
  for (auto& line : lines) {
    std::sort(line.begin(), line.end(),
              [](const RawBox& a, const RawBox& b) { return a.x0 < b.x0; });
  }
  return lines;
}

}  // namespace

bool LoadPdf(std::string_view bytes, Document* doc, Error* error) {
  static std::once_flag quiet;
  std::call_once(quiet, [] { poppler::set_debug_error_function(Quiet, nullptr); });
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    *error = {"pdf.damaged", "larger than a PDF can be"};
    return false;
  }
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) {
    // A PDF that needs a password does not load either; tell the two apart by its trailer.
    bool encrypted = bytes.find("/Encrypt") != std::string_view::npos;
    *error = encrypted ? Error{"pdf.encrypted", "the PDF is encrypted and needs a password"}
                       : Error{"pdf.damaged", "the PDF is damaged or truncated and cannot be read"};
    return false;
  }
  if (pdf->is_locked()) {
    *error = {"pdf.encrypted", "the PDF is encrypted and needs a password"};
    return false;
  }
  doc->source.media_type = "application/pdf";
  doc->source.encoding = "PDF text layer";
  int pages = pdf->pages();
  doc->source.pages = pages;
  if (pages < 1) {
    *error = {"pdf.damaged", "the PDF has no pages (its page tree is broken)"};
    return false;
  }
  if (pages > kMaxPages) {
    *error = {"pdf.too_large", std::to_string(pages) + " pages: more than any report (" +
                                   std::to_string(kMaxPages) + " at most)"};
    return false;
  }
  TextProfile stats;
  int number = 0;
  for (int p = 0; p < pages; ++p) {
    std::unique_ptr<poppler::page> page(pdf->create_page(p));
    if (!page) {
      *error = {"pdf.damaged", "page " + std::to_string(p + 1) + " of " + std::to_string(pages) +
                                   " cannot be read (a broken or looping page tree)"};
      return false;
    }
    double height = page->page_rect().height();
    std::vector<RawBox> boxes;
    for (const poppler::text_box& t : page->text_list()) {
      poppler::byte_array utf8 = t.text().to_utf8();
      std::string text(utf8.begin(), utf8.end());
      if (Trim(text).empty()) continue;
      AddToProfile(text, &stats);
      poppler::rectf r = t.bbox();
      boxes.push_back({std::move(text), r.x(), r.y(), r.x() + r.width(), r.y() + r.height()});
    }
    for (std::vector<RawBox>& raw : GroupLines(std::move(boxes))) {
      Line line;
      line.page = p + 1;
      double top = raw.front().y0;
      for (size_t i = 0; i < raw.size(); ++i) {
        // Runs far apart are separate cells: a tab, as text tables print them.
        if (i > 0) {
          double gap = raw[i].x0 - raw[i - 1].x1;
          double em = std::min(raw[i].height(), raw[i - 1].height());
          if (gap > 0.8 * em) line.text += '\t';
        }
        line.text += raw[i].text;
        top = std::min(top, raw[i].y0);
        line.boxes.push_back(
            {std::move(raw[i].text), "", raw[i].x0, raw[i].y0, raw[i].x1, raw[i].y1});
      }
      bool margin = top < 0.1 * height || top > 0.9 * height;
      if (margin && IsPageNumber(line.text)) continue;
      line.number = ++number;
      doc->lines.push_back(std::move(line));
    }
  }
  if (stats.total < 10) {
    *error = {"pdf.no_text_layer", "the PDF has no text layer (" + std::to_string(stats.total) +
                                       " characters on " + std::to_string(pages) +
                                       " pages): a scan needs OCR"};
    return false;
  }
  // Fonts without a ToUnicode map come out as control characters, or as Latin-1 look-alikes
  // chosen by glyph number («€•‚ƒ„…»): either way, next to no Chinese in a Chinese report.
  if (stats.han * 20 < stats.total && stats.total >= 50) {
    *error = {"pdf.no_text_layer", "the PDF's text layer holds " + std::to_string(stats.han) +
                                       " Chinese characters in " + std::to_string(stats.total) +
                                       ": its fonts lack a ToUnicode map, the text is unreadable"};
    return false;
  }
  if (stats.junk * 10 > stats.total) {
    *error = {"pdf.no_text_layer",
              "the PDF's text layer is " + std::to_string(stats.junk * 100 / stats.total) +
                  "% control characters: its fonts lack a ToUnicode map, the text is unreadable"};
    return false;
  }
  return true;
}

}  // namespace gongkai
