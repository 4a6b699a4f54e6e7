#include "load/html_loader.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <unordered_map>

#include "load/encoding.h"
#include "load/flow.h"
#include "load/text_loader.h"
#include "util/text.h"

namespace gongkai {
namespace {

// The walks below recurse once per level of nesting; deeper than this (no real page nests so
// deep) they read on without recursion, as flat text.
constexpr int kMaxDepth = 256;

// Visits root's descendants in document order without recursion; visit returns whether to
// enter the node's children.
template <class Visit>
void Descendants(const xmlNode* root, Visit visit) {
  const xmlNode* n = root->children;
  while (n) {
    if (visit(n) && n->children) {
      n = n->children;
      continue;
    }
    while (!n->next) {
      n = n->parent;
      if (!n || n == root) return;
    }
    n = n->next;
  }
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool Is(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && n->name &&
         std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return std::string();
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

int SpanAttr(const xmlNode* n, const char* name) {
  std::string v = Attr(n, name);
  int value = 0;
  size_t i = 0;
  while (i < v.size() && std::isspace(static_cast<unsigned char>(v[i]))) ++i;
  for (; i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])) && value < 100000; ++i) {
    value = value * 10 + (v[i] - '0');
  }
  return value;  // 0 for absent or unreadable: GridBuilder counts it as 1
}

// Elements whose content is never the report's text.
bool Skipped(const xmlNode* n) {
  static const char* const kSkip[] = {"script", "style",  "noscript", "template", "select",
                                      "option", "button", "textarea", "input",    "iframe",
                                      "object", "embed",  "svg",      "math",     "head"};
  for (const char* s : kSkip) {
    if (Is(n, s)) return true;
  }
  if (n->type != XML_ELEMENT_NODE) return false;
  if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden"))) return true;
  std::string style = Lower(Attr(n, "style"));
  std::erase_if(style, [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
  return style.find("display:none") != std::string::npos;
}

bool IsBlock(const xmlNode* n) {
  static const char* const kBlocks[] = {
      "address", "article",  "aside",      "blockquote", "center",  "dd",    "div",     "dl",
      "dt",      "fieldset", "figcaption", "figure",     "footer",  "form",  "h1",      "h2",
      "h3",      "h4",       "h5",         "h6",         "header",  "hr",    "li",      "main",
      "nav",     "ol",       "p",          "pre",        "section", "ul",    "caption", "body",
      "tr",      "td",       "th",         "table",      "tbody",   "thead", "tfoot",   "title"};
  for (const char* b : kBlocks) {
    if (Is(n, b)) return true;
  }
  return false;
}

// The rows of a table in order, through thead/tbody/tfoot but not into nested tables.
void CollectRows(const xmlNode* n, std::vector<const xmlNode*>* rows) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (Is(c, "tr")) {
      rows->push_back(c);
    } else if (Is(c, "thead") || Is(c, "tbody") || Is(c, "tfoot")) {
      CollectRows(c, rows);
    }
  }
}

bool HasTableInside(const xmlNode* n, int depth = 0) {
  if (depth > kMaxDepth) {
    bool found = false;
    Descendants(n, [&](const xmlNode* c) {
      found = found || Is(c, "table");
      return !found;
    });
    return found;
  }
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (Is(c, "table") || HasTableInside(c, depth + 1)) return true;
  }
  return false;
}

// A table of data: rows of at least two cells and no table inside. Tables holding tables, and
// one-row or one-column boxes, lay out the page.
bool IsDataTable(const xmlNode* table) {
  if (HasTableInside(table)) return false;
  std::vector<const xmlNode*> rows;
  CollectRows(table, &rows);
  if (rows.size() < 2) return false;
  for (const xmlNode* tr : rows) {
    int cells = 0;
    for (const xmlNode* c = tr->children; c; c = c->next) cells += Is(c, "td") || Is(c, "th");
    if (cells >= 2) return true;
  }
  return false;
}

bool IsAsciiAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// A cell's text: its blocks and line breaks joined without a separator (a wrapped Chinese label
// reads whole), except between two ASCII words or numbers.
class CellText {
 public:
  void Collect(const xmlNode* n, int depth = 0) {
    if (depth > kMaxDepth) {
      Descendants(n, [&](const xmlNode* c) {
        if (c->type == XML_TEXT_NODE) Add(reinterpret_cast<const char*>(c->content));
        return c->type == XML_ELEMENT_NODE && !Skipped(c);
      });
      return;
    }
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        Add(reinterpret_cast<const char*>(c->content));
      } else if (c->type == XML_ELEMENT_NODE && !Skipped(c)) {
        bool block = IsBlock(c) || Is(c, "br");
        if (block) pending_break_ = true;
        Collect(c, depth + 1);
        if (block) pending_break_ = true;
      }
    }
  }
  std::string Take() { return std::string(Trim(text_)); }

 private:
  void Add(const char* s) {
    if (!s) return;
    for (; *s; ++s) {
      char c = *s;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        space_ = !text_.empty();
        continue;
      }
      if (pending_break_ || space_) {
        bool words = !text_.empty() && IsAsciiAlnum(text_.back()) && IsAsciiAlnum(c);
        if ((space_ && !pending_break_) || words) text_.push_back(' ');
        pending_break_ = space_ = false;
      }
      text_.push_back(c);
    }
  }
  std::string text_;
  bool pending_break_ = false;
  bool space_ = false;
};

// Code points U+3400–U+9FFF (Han) in UTF-8: lead bytes 0xE3 (from 0x3400) to 0xE9.
size_t HanCount(const char* s) {
  size_t n = 0;
  for (; s && *s; ++s) {
    unsigned char b = static_cast<unsigned char>(*s);
    n += b >= 0xE3 && b <= 0xE9;
  }
  return n;
}

size_t NumericCells(const xmlNode* table) {
  std::vector<const xmlNode*> rows;
  CollectRows(table, &rows);
  size_t n = 0;
  for (const xmlNode* tr : rows) {
    for (const xmlNode* c = tr->children; c; c = c->next) {
      if (!Is(c, "td") && !Is(c, "th")) continue;
      CellText t;
      t.Collect(c);
      std::string s = t.Take();
      n += !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) {
        return std::isdigit(static_cast<unsigned char>(ch)) || ch == '.' || ch == ',';
      });
    }
  }
  return n;
}

// How much of the report an element holds: its Han characters outside links (navigation is
// links), and its tables of figures, which weigh as much as a long paragraph each.
class Weigher {
 public:
  double Weigh(const xmlNode* n, bool in_link, int depth = 0) {
    double w = 0;
    if (depth > kMaxDepth) {
      Descendants(n, [&](const xmlNode* c) {
        if (c->type == XML_TEXT_NODE) {
          w += static_cast<double>(HanCount(reinterpret_cast<const char*>(c->content)));
        }
        return c->type == XML_ELEMENT_NODE && !Skipped(c) && !Is(c, "a");
      });
      return w;
    }
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        if (!in_link) w += static_cast<double>(HanCount(reinterpret_cast<const char*>(c->content)));
      } else if (c->type == XML_ELEMENT_NODE && !Skipped(c)) {
        double cw = Weigh(c, in_link || Is(c, "a"), depth + 1);
        if (Is(c, "table") && IsDataTable(c) && NumericCells(c) >= 4) cw += 400;
        weights_[c] = cw;
        w += cw;
      }
    }
    return w;
  }
  double Of(const xmlNode* n) const {
    auto it = weights_.find(n);
    return it == weights_.end() ? 0 : it->second;
  }

 private:
  std::unordered_map<const xmlNode*, double> weights_;
};

// The element the report stands in: from the body down, into the child holding most (70%) of
// the page's weight, while there is one. A data table is never entered.
const xmlNode* FindArticle(const xmlNode* body) {
  Weigher weigher;
  double total = weigher.Weigh(body, false);
  const xmlNode* node = body;
  if (total <= 0) return node;
  for (;;) {
    const xmlNode* next = nullptr;
    for (const xmlNode* c = node->children; c; c = c->next) {
      if (c->type == XML_ELEMENT_NODE && weigher.Of(c) >= 0.7 * total) next = c;
    }
    if (!next || (Is(next, "table") && IsDataTable(next))) return node;
    node = next;
  }
}

// Walks the page in reading order into a FlowWriter; stops on reaching `stop` (for reading what
// stands before the article).
class Walker {
 public:
  Walker(FlowWriter* out, const xmlNode* stop) : out_(out), stop_(stop) {}

  void Walk(const xmlNode* n) {
    if (depth_ > kMaxDepth) {
      Descendants(n, [&](const xmlNode* c) {
        if (c == stop_) stopped_ = true;
        if (stopped_) return false;
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
          Text(reinterpret_cast<const char*>(c->content));
        } else if (c->type == XML_ELEMENT_NODE && (IsBlock(c) || Is(c, "br"))) {
          out_->Break();
        }
        return c->type == XML_ELEMENT_NODE && !Skipped(c);
      });
      return;
    }
    ++depth_;
    WalkChildren(n);
    --depth_;
  }

  void WalkChildren(const xmlNode* n) {
    for (const xmlNode* c = n->children; c && !stopped_; c = c->next) {
      if (c == stop_) {
        stopped_ = true;
        return;
      }
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        Text(reinterpret_cast<const char*>(c->content));
      } else if (c->type == XML_ELEMENT_NODE && !Skipped(c)) {
        Element(c);
      }
    }
  }

  void Element(const xmlNode* n) {
    if (Is(n, "br")) {
      out_->Break();
    } else if (Is(n, "img")) {
      out_->AddPicture(Attr(n, "src"), Attr(n, "alt"));
    } else if (Is(n, "table") && IsDataTable(n)) {
      Table(n);
    } else if (Is(n, "pre")) {
      out_->Break();
      ++pre_;
      Walk(n);
      --pre_;
      out_->Break();
    } else if (IsBlock(n)) {
      out_->Break();
      Walk(n);
      out_->Break();
    } else {
      Walk(n);
    }
  }

 private:
  void Text(const char* s) {
    if (!s) return;
    if (!pre_) {
      out_->Append(s);
      return;
    }
    std::string_view t(s);
    for (size_t nl; (nl = t.find('\n')) != std::string_view::npos; t.remove_prefix(nl + 1)) {
      out_->AppendRaw(t.substr(0, nl));
      out_->Break();
    }
    out_->AppendRaw(t);
  }

  void Table(const xmlNode* table) {
    ++tables_;
    std::string id = "table[" + std::to_string(tables_) + "]";
    std::vector<const xmlNode*> rows;
    CollectRows(table, &rows);
    GridBuilder grid;
    int r = 0;
    for (const xmlNode* tr : rows) {
      ++r;
      grid.StartRow();
      int k = 0;
      for (const xmlNode* c = tr->children; c; c = c->next) {
        if (!Is(c, "td") && !Is(c, "th")) continue;
        ++k;
        CellText text;
        text.Collect(c);
        grid.AddCell(text.Take(), SpanAttr(c, "rowspan"), SpanAttr(c, "colspan"), Is(c, "th"),
                     id + "/tr[" + std::to_string(r) + "]/" + (Is(c, "th") ? "th[" : "td[") +
                         std::to_string(k) + "]");
      }
    }
    out_->AddGrid(grid.Finish("html", id));
  }

  FlowWriter* out_;
  const xmlNode* stop_;
  bool stopped_ = false;
  int pre_ = 0;
  int tables_ = 0;
  int depth_ = 0;
};

const xmlNode* FindElement(const xmlNode* n, const char* name, int depth = 0) {
  if (depth > kMaxDepth) return nullptr;
  for (const xmlNode* c = n; c; c = c->next) {
    if (Is(c, name)) return c;
    if (c->type == XML_ELEMENT_NODE) {
      if (const xmlNode* found = FindElement(c->children, name, depth + 1)) return found;
    }
  }
  return nullptr;
}

// A title line before the article (「XX局2021年政府信息公开工作年度报告」), not a breadcrumb trail.
bool TitleLike(std::string_view line) {
  if (line.find("报告") == std::string_view::npos || line.find("年") == std::string_view::npos) {
    return false;
  }
  for (std::string_view crumb : {">", "›", "»", "当前位置", "您的位置", "您现在的位置"}) {
    if (line.find(crumb) != std::string_view::npos) return false;
  }
  return CodePointCount(line) <= 80;
}

// The page <title> without the site's name after a separator.
std::string PageTitle(const xmlNode* title) {
  CellText t;
  t.Collect(title);
  std::string text = t.Take();
  for (std::string_view sep : {"_", "|", " - ", "－", "—"}) {
    size_t at = text.find(sep);
    if (at == std::string::npos) continue;
    std::string head = text.substr(0, at), tail = text.substr(at + sep.size());
    text = head.find("报告") != std::string::npos || tail.find("报告") == std::string::npos ? head
                                                                                            : tail;
  }
  return std::string(Trim(text));
}

// The charset a page declares: <meta charset="…"> or <meta http-equiv="Content-Type"
// content="text/html; charset=…"> (or an XML declaration's encoding) in the first 4 KiB.
std::string FindDeclaredCharset(std::string_view bytes) {
  std::string head = Lower(bytes.substr(0, 4096));
  for (size_t at = 0; (at = head.find("charset", at)) != std::string::npos; at += 7) {
    size_t tag = head.rfind('<', at);
    if (tag == std::string::npos || head.compare(tag, 5, "<meta") != 0) continue;
    size_t i = at + 7;
    while (i < head.size() &&
           (head[i] == ' ' || head[i] == '=' || head[i] == '"' || head[i] == '\'')) {
      ++i;
    }
    size_t j = i;
    while (j < head.size() && (std::isalnum(static_cast<unsigned char>(head[j])) ||
                               head[j] == '-' || head[j] == '_')) {
      ++j;
    }
    if (j > i) return head.substr(i, j - i);
  }
  size_t xml = head.find("<?xml");
  size_t enc = xml == std::string::npos ? xml : head.find("encoding=", xml);
  if (enc != std::string::npos && enc < head.find("?>", xml)) {
    size_t i = enc + 9;
    if (i < head.size() && (head[i] == '"' || head[i] == '\'')) ++i;
    size_t j = head.find_first_of("\"' ?", i);
    if (j != std::string::npos && j > i) return head.substr(i, j - i);
  }
  return std::string();
}

bool DecodePage(std::string_view bytes, std::string* utf8, std::string* encoding, Error* error) {
  bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" || bytes.substr(0, 2) == "\xFF\xFE" ||
             bytes.substr(0, 2) == "\xFE\xFF";
  if (!bom) {
    std::string label = FindDeclaredCharset(bytes);
    if (const char* charset = label.empty() ? nullptr : CharsetForLabel(label)) {
      if (DecodeDeclared(charset, bytes, utf8, encoding)) return true;
    }
    if (IsValidUtf8(bytes)) {
      utf8->assign(bytes);
      *encoding = "UTF-8";
      return true;
    }
  }
  if (DecodeToUtf8(bytes, utf8, encoding, error)) return true;
  // A page of mostly markup is too little Chinese for the detector to be sure: GB18030, the
  // encoding of every undeclared page in practice, with stray bytes substituted.
  if (DecodeDeclared("GB18030", bytes, utf8, encoding)) return true;
  return false;
}

// The decoded page no longer declares another charset: libxml2 would otherwise switch to it.
void Undeclare(std::string* utf8) {
  std::string head = Lower(std::string_view(*utf8).substr(0, 4096));
  for (size_t at = 0; (at = head.find("charset", at)) != std::string::npos; at += 7) {
    (*utf8)[at + 6] = 'x';  // 「charsex」: an attribute no parser reads
  }
  size_t xml = head.find("<?xml");
  if (xml != std::string::npos) {
    size_t enc = head.find("encoding", xml);
    size_t end = head.find("?>", xml);
    if (enc != std::string::npos && end != std::string::npos && enc < end) (*utf8)[enc] = 'x';
  }
}

// Puts a line before the others; every line index and number moves down by one.
void PrependLine(const std::string& text, Document* doc) {
  Line line;
  line.text = text;
  doc->lines.insert(doc->lines.begin(), std::move(line));
  for (size_t i = 0; i < doc->lines.size(); ++i) doc->lines[i].number = static_cast<int>(i) + 1;
  for (CellGrid& g : doc->grids) {
    ++g.first_line;
    ++g.last_line;
    for (GridCell& c : g.cells) ++c.line;
  }
  for (Picture& p : doc->pictures) ++p.line;
}

// The page's text without its markup, for a page the parser gave up on (nested past its depth
// limit): comments, scripts and styles dropped, block ends as line breaks, cells as tabs.
// References (&nbsp;) stay: the normalize stage decodes them in the matching copy.
std::string StripTags(std::string_view html) {
  std::string out;
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      size_t next = html.find('<', i);
      if (next == std::string_view::npos) next = html.size();
      out.append(html.substr(i, next - i));
      i = next;
      continue;
    }
    if (html.compare(i, 4, "<!--") == 0) {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    size_t end = html.find('>', i);
    if (end == std::string_view::npos) break;
    std::string tag = Lower(html.substr(i + 1, std::min<size_t>(end - i - 1, 16)));
    std::string name = tag.substr(0, tag.find_first_of(" \t\r\n/>"));
    bool closing = !name.empty() && name[0] == '/';
    if (closing) name.erase(0, 1);
    i = end + 1;
    if (!closing && (name == "script" || name == "style")) {
      size_t close =
          Lower(html.substr(i, std::min<size_t>(html.size() - i, 1 << 20))).find("</" + name);
      i = close == std::string::npos ? html.size() : i + close;
    } else if (name == "td" || name == "th") {
      if (!closing) out.push_back('\t');
    } else if (name == "br" || name == "p" || name == "div" || name == "tr" || name == "li" ||
               name == "table" ||
               (name.size() == 2 && name[0] == 'h' &&
                std::isdigit(static_cast<unsigned char>(name[1])))) {
      out.push_back('\n');
    }
  }
  return out;
}

}  // namespace

std::string DeclaredCharset(std::string_view bytes) { return FindDeclaredCharset(bytes); }

bool LooksLikeHtml(std::string_view bytes) {
  std::string head = Lower(bytes.substr(0, 2048));
  size_t i = head.compare(0, 3, "\xef\xbb\xbf") == 0 ? 3 : 0;
  for (;;) {
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
    if (head.compare(i, 4, "<!--") == 0) {
      size_t end = head.find("-->", i);
      if (end == std::string::npos) return false;
      i = end + 3;
      continue;
    }
    break;
  }
  if (i >= head.size() || head[i] != '<') return false;
  for (std::string_view start : {"<!doctype html", "<html", "<?xml", "<head", "<body", "<meta",
                                 "<title", "<div", "<table", "<p>", "<p ", "<span"}) {
    if (head.compare(i, start.size(), start) == 0) {
      return start != "<?xml" || head.find("<html", i) != std::string::npos;
    }
  }
  return false;
}

bool LoadHtml(std::string_view bytes, Document* doc, Error* error) {
  if (bytes.empty()) {
    *error = {"empty_input", "the file is empty"};
    return false;
  }
  std::string utf8;
  if (!DecodePage(bytes, &utf8, &doc->source.encoding, error)) {
    *error = {"bad_encoding", "an HTML page in no charset gongkai reads"};
    return false;
  }
  Undeclare(&utf8);
  doc->source.media_type = "text/html";
  std::unique_ptr<htmlParserCtxt, void (*)(htmlParserCtxt*)> parser(htmlNewParserCtxt(),
                                                                    htmlFreeParserCtxt);
  if (!parser) {
    *error = {"input.too_complex", "no memory to parse the page"};
    return false;
  }
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> tree(
      htmlCtxtReadMemory(parser.get(), utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8",
                         HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                             HTML_PARSE_NONET | HTML_PARSE_COMPACT),
      xmlFreeDoc);
  if (parser->disableSAX) {
    // The parser stops at markup nested past its depth limit (256): what it built is a part of
    // the page. Read all of it as text instead, and say so.
    SplitLines(StripTags(utf8), &doc->lines);
    std::erase_if(doc->lines, [](const Line& l) { return Trim(l.text).empty(); });
    for (size_t i = 0; i < doc->lines.size(); ++i) {
      doc->lines[i].number = static_cast<int>(i) + 1;
    }
    Diagnostic d;
    d.severity = Severity::kWarning;
    d.code = "html.flattened";
    d.message =
        "markup nested past the parser's depth limit: the page was read as text, without its "
        "tables' structure";
    doc->diagnostics.push_back(std::move(d));
    if (doc->lines.empty()) {
      *error = {"empty_input", "the page holds no text"};
      return false;
    }
    return true;
  }
  const xmlNode* root = tree ? xmlDocGetRootElement(tree.get()) : nullptr;
  if (!root) {
    *error = {"empty_input", "the page has no content"};
    return false;
  }
  if (const xmlNode* title = FindElement(root, "title")) doc->page_title = PageTitle(title);
  const xmlNode* body = FindElement(root, "body");
  if (!body) body = root;
  const xmlNode* article = FindArticle(body);
  FlowWriter out(doc);
  Walker walker(&out, nullptr);
  walker.Element(article);
  out.Break();
  // The report's title often stands just above the element that holds its text.
  if (article != body) {
    Document before;
    FlowWriter head(&before);
    Walker(&head, article).Walk(body);
    head.Break();
    size_t from = before.lines.size() > 30 ? before.lines.size() - 30 : 0;
    for (size_t i = before.lines.size(); i > from; --i) {
      const std::string& title = before.lines[i - 1].text;
      if (!TitleLike(title)) continue;
      if (doc->lines.empty() || doc->lines[0].text != title) PrependLine(title, doc);
      break;
    }
  }
  if (doc->lines.empty()) {
    *error = {"empty_input", "the page holds no text"};
    return false;
  }
  return true;
}

}  // namespace gongkai
