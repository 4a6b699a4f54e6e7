#include "load/pdf_loader.h"

#include <Error.h>
#include <ErrorCodes.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Stream.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <mutex>

#include "load/encoding.h"
#include "load/pdf_grid_text.h"
#include "load/pdf_page_dev.h"
#include "load/pdf_rules.h"
#include "util/text.h"

namespace gongkai {
namespace {

// More pages than any annual report has: a PDF bomb, or not a report.
constexpr int kMaxPages = 5000;

// poppler reports syntax errors of damaged files on stderr; the record says it instead.
void Quiet(ErrorCategory, Goffset, const char*) {}

struct RawBox {
  std::string text;
  double x0, y0, x1, y1;
  size_t word;  // index into the page's words
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

std::string Utf8(Unicode u) {
  std::string out;
  if (u < 0x80) {
    out += static_cast<char>(u);
  } else if (u < 0x800) {
    out += static_cast<char>(0xC0 | (u >> 6));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x10000) {
    out += static_cast<char>(0xE0 | (u >> 12));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x110000) {
    out += static_cast<char>(0xF0 | (u >> 18));
    out += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  }
  return out;
}

bool Inside(const RuleTable& t, double x, double y) {
  return x >= t.x0 && x <= t.x1 && y >= t.y0 && y <= t.y1;
}

// The page's words, glyph boxes filled for words inside a table (where a word may straddle
// cells); words of whitespace only are dropped.
std::vector<PdfWord> PageWords(PageDev* dev, const std::vector<RuleTable>& tables,
                               TextProfile* stats) {
  std::vector<PdfWord> words;
  std::unique_ptr<TextWordList> list = dev->makeWordList();
  for (int i = 0; list && i < list->getLength(); ++i) {
    const TextWord* w = list->get(i);
    std::unique_ptr<GooString> goo(w->getText());
    std::string text = goo ? goo->toStr() : std::string();
    if (Trim(text).empty()) continue;
    AddToProfile(text, stats);
    PdfWord word;
    w->getBBox(&word.x0, &word.y0, &word.x1, &word.y1);
    double cx = (word.x0 + word.x1) / 2, cy = (word.y0 + word.y1) / 2;
    bool in_table = std::any_of(tables.begin(), tables.end(),
                                [&](const RuleTable& t) { return Inside(t, cx, cy); });
    for (int k = 0; in_table && k < w->getLength(); ++k) {
      PdfGlyph g;
      g.text = Utf8(*w->getChar(k));
      w->getCharBBox(k, &g.x0, &g.y0, &g.x1, &g.y1);
      word.glyphs.push_back(std::move(g));
    }
    word.text = std::move(text);
    words.push_back(std::move(word));
  }
  return words;
}

// Adds the page's lines to doc (page numbers in the margins dropped) and notes on each word the
// line it went to.
void AddLines(std::vector<PdfWord>* words, int page, double height, Document* doc) {
  std::vector<RawBox> boxes;
  for (size_t i = 0; i < words->size(); ++i) {
    const PdfWord& w = (*words)[i];
    boxes.push_back({w.text, w.x0, w.y0, w.x1, w.y1, i});
  }
  for (std::vector<RawBox>& raw : GroupLines(std::move(boxes))) {
    Line line;
    line.page = page;
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
    int number = doc->lines.empty() ? 1 : doc->lines.back().number + 1;
    line.number = number;
    for (const RawBox& b : raw) {
      (*words)[b.word].line = doc->lines.size();
      (*words)[b.word].line_number = number;
    }
    doc->lines.push_back(std::move(line));
  }
}

std::unique_ptr<PDFDoc> OpenPdf(std::string_view bytes, Error* error) {
  static std::once_flag init;
  std::call_once(init, [] {
    if (!globalParams) globalParams = std::make_unique<GlobalParams>();
    setErrorCallback(Quiet);
  });
  // The stream reads the caller's bytes in place; they outlive the document.
  auto* stream =
      new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull));
  auto pdf = std::make_unique<PDFDoc>(stream);
  if (!pdf->isOk()) {
    *error = pdf->getErrorCode() == errEncrypted
                 ? Error{"pdf.encrypted", "the PDF is encrypted and needs a password"}
                 : Error{"pdf.damaged", "the PDF is damaged or truncated and cannot be read"};
    return nullptr;
  }
  return pdf;
}

// Whether the text layer cannot be read: no text (a scan), glyphs from fonts without Unicode
// (found from the font dictionaries), or text whose profile shows what such fonts give.
bool Unreadable(const TextProfile& stats, const PageDev& dev, int pages, Error* error) {
  if (dev.glyphs() >= 50 && dev.unmapped_glyphs() * 10 > dev.glyphs() * 3) {
    std::string fonts;
    for (const std::string& f : dev.unmapped_fonts()) fonts += (fonts.empty() ? "" : ", ") + f;
    *error = {"pdf.no_text_layer", std::to_string(dev.unmapped_glyphs()) + " of " +
                                       std::to_string(dev.glyphs()) +
                                       " glyphs come from fonts without a ToUnicode map (" + fonts +
                                       "): the text is unreadable"};
    return true;
  }
  if (stats.total < 10) {
    *error = {"pdf.no_text_layer", "the PDF has no text layer (" + std::to_string(stats.total) +
                                       " characters on " + std::to_string(pages) +
                                       " pages): a scan needs OCR"};
    return true;
  }
  // Fonts without a ToUnicode map come out as control characters, or as Latin-1 look-alikes
  // chosen by glyph number («€•‚ƒ„…»): either way, next to no Chinese in a Chinese report.
  if (stats.han * 20 < stats.total && stats.total >= 50) {
    *error = {"pdf.no_text_layer", "the PDF's text layer holds " + std::to_string(stats.han) +
                                       " Chinese characters in " + std::to_string(stats.total) +
                                       ": its fonts lack a ToUnicode map, the text is unreadable"};
    return true;
  }
  if (stats.junk * 10 > stats.total) {
    *error = {"pdf.no_text_layer",
              "the PDF's text layer is " + std::to_string(stats.junk * 100 / stats.total) +
                  "% control characters: its fonts lack a ToUnicode map, the text is unreadable"};
    return true;
  }
  return false;
}

}  // namespace

bool LoadPdf(std::string_view bytes, Document* doc, Error* error) {
  // GONGKAI_PDF_RULES=0 skips the drawn rules (text layer only): for measuring what they cost.
  const char* env = std::getenv("GONGKAI_PDF_RULES");
  PdfLoadOptions options;
  options.rules = !(env && std::string_view(env) == "0");
  return LoadPdf(bytes, options, doc, error);
}

bool LoadPdf(std::string_view bytes, const PdfLoadOptions& options, Document* doc, Error* error) {
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    *error = {"pdf.damaged", "larger than a PDF can be"};
    return false;
  }
  std::unique_ptr<PDFDoc> pdf = OpenPdf(bytes, error);
  if (!pdf) return false;
  doc->source.media_type = "application/pdf";
  doc->source.encoding = "PDF text layer";
  int pages = pdf->getNumPages();
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
  PageDev dev(options.rules);
  if (!dev.isOk()) {
    *error = {"pdf.damaged", "the PDF's text cannot be read"};
    return false;
  }
  for (int p = 1; p <= pages; ++p) {
    Page* page = pdf->getPage(p);
    if (!page) {
      *error = {"pdf.damaged", "page " + std::to_string(p) + " of " + std::to_string(pages) +
                                   " cannot be read (a broken or looping page tree)"};
      return false;
    }
    pdf->displayPageSlice(&dev, p, 72, 72, 0, false, false, false, -1, -1, -1, -1, nullptr, nullptr,
                          nullptr, nullptr, true);
    std::vector<RuleTable> tables;
    if (options.rules) tables = FindRuleTables(dev.TakeRules());
    std::vector<PdfWord> words = PageWords(&dev, tables, &stats);
    bool turned = page->getRotate() % 180 != 0;
    double height = turned ? page->getCropWidth() : page->getCropHeight();
    AddLines(&words, p, height, doc);
    // Words of dropped page-number lines have no line; none stands inside a table.
    std::vector<CellGrid> grids =
        GridsFromRules(tables, words, p, static_cast<int>(doc->grids.size()) + 1);
    for (CellGrid& g : grids) doc->grids.push_back(std::move(g));
  }
  JoinBrokenRows(doc->lines, &doc->grids);
  return !Unreadable(stats, dev, pages, error);
}

}  // namespace gongkai
