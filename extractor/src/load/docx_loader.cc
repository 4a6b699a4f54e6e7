#include "load/docx_loader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <cctype>
#include <cstring>
#include <memory>
#include <string>

#include "load/flow.h"
#include "util/text.h"

namespace gongkai {
namespace {

bool Is(const xmlNode* n, const char* local) {
  return n->type == XML_ELEMENT_NODE && n->name &&
         std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

const xmlNode* Child(const xmlNode* n, const char* local) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
    if (Is(c, local)) return c;
  }
  return nullptr;
}

// w:val of a property element; `absent` when the element has no w:val.
std::string Val(const xmlNode* n, const char* absent = "") {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>("val"));
  if (!v) return absent;
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

int IntVal(const xmlNode* n) {
  std::string v = Val(n);
  int value = 0;
  for (size_t i = 0;
       i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])) && value < 100000; ++i) {
    value = value * 10 + (v[i] - '0');
  }
  return value;
}

// Containers whose children are read as if they stood in their place.
bool Transparent(const xmlNode* n) {
  return Is(n, "hyperlink") || Is(n, "ins") || Is(n, "smartTag") || Is(n, "fldSimple") ||
         Is(n, "customXml") || Is(n, "sdt") || Is(n, "sdtContent") || Is(n, "r") ||
         Is(n, "AlternateContent") || Is(n, "Choice");
}

// Never text of the document: deleted text, field codes, properties, the fallback copy of an
// alternate content, drawings and text boxes.
bool Hidden(const xmlNode* n) {
  return Is(n, "del") || Is(n, "delText") || Is(n, "instrText") || Is(n, "Fallback") ||
         Is(n, "drawing") || Is(n, "pict") || Is(n, "object") || Is(n, "rPr") || Is(n, "pPr") ||
         Is(n, "tcPr") || Is(n, "trPr") || Is(n, "tblPr") || Is(n, "tblGrid") || Is(n, "sectPr") ||
         Is(n, "sdtPr") || Is(n, "sdtEndPr");
}

bool HasNestedTable(const xmlNode* n) {
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (Is(c, "tbl") || HasNestedTable(c)) return true;
  }
  return false;
}

class DocxWalker {
 public:
  explicit DocxWalker(FlowWriter* out) : out_(out) {}

  // Block content: paragraphs, tables, content controls.
  void Blocks(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || Hidden(c)) continue;
      if (Is(c, "p")) {
        Inline(c);
        out_->Break();
      } else if (Is(c, "tbl")) {
        Table(c);
      } else {
        Blocks(c);
      }
    }
  }

 private:
  void Inline(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || Hidden(c)) continue;
      if (Is(c, "t")) {
        xmlChar* text = xmlNodeGetContent(c);
        if (text) out_->AppendRaw(reinterpret_cast<const char*>(text));
        xmlFree(text);
      } else if (Is(c, "tab")) {
        out_->AppendRaw("\t");
      } else if (Is(c, "br") || Is(c, "cr")) {
        out_->Break();
      } else if (Is(c, "noBreakHyphen")) {
        out_->AppendRaw("-");
      } else if (Transparent(c)) {
        Inline(c);
      }
    }
  }

  // A cell's text: its paragraphs joined without a separator, as a wrapped label reads,
  // except between two ASCII words or numbers.
  static void CellText(const xmlNode* n, std::string* out) {
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || Hidden(c)) continue;
      if (Is(c, "t")) {
        xmlChar* text = xmlNodeGetContent(c);
        if (text) *out += reinterpret_cast<const char*>(text);
        xmlFree(text);
      } else if (Is(c, "tab") || Is(c, "br") || Is(c, "cr")) {
        out->push_back(' ');
      } else if (Is(c, "p")) {
        std::string para;
        CellText(c, &para);
        std::string_view t = Trim(para);
        if (t.empty()) continue;
        if (!out->empty() && std::isalnum(static_cast<unsigned char>(out->back())) &&
            std::isalnum(static_cast<unsigned char>(t.front()))) {
          out->push_back(' ');
        }
        *out += t;
      } else {
        CellText(c, out);
      }
    }
  }

  void Table(const xmlNode* tbl) {
    if (HasNestedTable(tbl)) {  // a table laying out others: its cells flow as text
      for (const xmlNode* tr = tbl->children; tr; tr = tr->next) {
        for (const xmlNode* tc = Is(tr, "tr") ? tr->children : nullptr; tc; tc = tc->next) {
          if (Is(tc, "tc")) Blocks(tc);
        }
      }
      return;
    }
    ++tables_;
    std::string id = "tbl[" + std::to_string(tables_) + "]";
    GridBuilder grid;
    int r = 0;
    for (const xmlNode* tr = tbl->children; tr; tr = tr->next) {
      if (!Is(tr, "tr")) continue;
      ++r;
      grid.StartRow();
      const xmlNode* tr_pr = Child(tr, "trPr");
      bool header = Child(tr_pr, "tblHeader") != nullptr;
      if (const xmlNode* before = Child(tr_pr, "gridBefore")) {
        if (IntVal(before) > 0) grid.AddCell("", 1, IntVal(before), false, "");
      }
      int k = 0;
      for (const xmlNode* tc = tr->children; tc; tc = tc->next) {
        if (!Is(tc, "tc")) continue;
        ++k;
        std::string path = id + "/tr[" + std::to_string(r) + "]/tc[" + std::to_string(k) + "]";
        const xmlNode* tc_pr = Child(tc, "tcPr");
        const xmlNode* span = Child(tc_pr, "gridSpan");
        int cols = span ? IntVal(span) : 1;
        const xmlNode* merge = Child(tc_pr, "vMerge");
        if (merge && Val(merge, "continue") == "continue") {
          grid.ContinueAbove(cols, std::move(path));
          continue;
        }
        std::string text;
        CellText(tc, &text);
        grid.AddCell(std::string(Trim(text)), 1, cols, header, std::move(path));
      }
    }
    out_->AddGrid(grid.Finish("docx", id));
  }

  FlowWriter* out_;
  int tables_ = 0;
};

using ZipPtr = std::unique_ptr<zip_t, void (*)(zip_t*)>;

void CloseZip(zip_t* z) { zip_discard(z); }

enum class PartStatus { kOk, kMissing, kDamaged, kEncrypted, kBomb };

// Reads one part, bounded: declared and actual inflated sizes both checked.
PartStatus ReadPart(zip_t* zip, const char* name, std::string* out) {
  zip_int64_t index = zip_name_locate(zip, name, ZIP_FL_NOCASE);
  if (index < 0) return PartStatus::kMissing;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip, static_cast<zip_uint64_t>(index), 0, &st) != 0) {
    return PartStatus::kDamaged;
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    return PartStatus::kEncrypted;
  }
  if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxDocxPartBytes) return PartStatus::kBomb;
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
      zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0), zip_fclose);
  if (!file) return PartStatus::kDamaged;
  char buffer[1 << 16];
  for (;;) {
    zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) return PartStatus::kDamaged;
    if (n == 0) break;
    out->append(buffer, static_cast<size_t>(n));
    if (out->size() > kMaxDocxPartBytes) return PartStatus::kBomb;
  }
  double compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? static_cast<double>(st.comp_size) : 0;
  if (out->size() > (size_t{16} << 20) && compressed > 0 &&
      static_cast<double>(out->size()) / compressed > kMaxDocxRatio) {
    return PartStatus::kBomb;
  }
  return PartStatus::kOk;
}

// The main part named by the package relationships, when it is not word/document.xml.
std::string MainPartFromRels(const std::string& rels) {
  size_t type = rels.find("/officeDocument\"");
  if (type == std::string::npos) return std::string();
  size_t begin = rels.rfind('<', type);
  size_t target = rels.find("Target=\"", begin);
  if (target == std::string::npos) return std::string();
  target += 8;
  size_t end = rels.find('"', target);
  if (end == std::string::npos) return std::string();
  std::string name = rels.substr(target, end - target);
  if (!name.empty() && name[0] == '/') name.erase(0, 1);
  return name;
}

bool Fail(Error* error, const char* code, std::string message) {
  *error = {code, std::move(message)};
  return false;
}

}  // namespace

bool LooksLikeZip(std::string_view bytes) { return bytes.substr(0, 4) == "PK\x03\x04"; }

bool LooksLikeOle2(std::string_view bytes) {
  return bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

bool RefuseOle2(std::string_view bytes, std::string_view path, Error* error) {
  // Directory entry names are UTF-16LE.
  auto has = [&](std::string_view ascii) {
    std::string wide;
    for (char c : ascii) {
      wide.push_back(c);
      wide.push_back('\0');
    }
    return bytes.find(wide) != std::string_view::npos;
  };
  if (has("EncryptedPackage")) {
    return Fail(error, "docx.encrypted", "an encrypted Word file: it needs a password");
  }
  std::string ext;
  size_t dot = path.rfind('.');
  if (dot != std::string_view::npos) ext = std::string(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string what = ext == "wps"          ? "a WPS document (.wps)"
                     : has("WordDocument") ? "a binary Word document (.doc)"
                     : has("Workbook")     ? "an Excel workbook (.xls)"
                                           : "an OLE2 compound file (.doc, .wps, .xls)";
  return Fail(
      error, "format.unsupported",
      what + ": convert it to .docx or PDF first (libreoffice --headless --convert-to docx)");
}

bool LoadDocx(std::string_view bytes, Document* doc, Error* error) {
  doc->source.media_type =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (!source) return Fail(error, "docx.damaged", "not a readable zip archive");
  ZipPtr zip(zip_open_from_source(source, ZIP_RDONLY, &zerr), CloseZip);
  zip_error_fini(&zerr);
  if (!zip) {
    zip_source_free(source);
    return Fail(error, "docx.damaged", "not a readable zip archive (truncated or damaged)");
  }
  std::string xml;
  PartStatus status = ReadPart(zip.get(), "word/document.xml", &xml);
  if (status == PartStatus::kMissing) {
    std::string rels;
    std::string main;
    if (ReadPart(zip.get(), "_rels/.rels", &rels) == PartStatus::kOk) main = MainPartFromRels(rels);
    if (main.empty() || main.find("word") == std::string::npos) {
      bool ofd = zip_name_locate(zip.get(), "OFD.xml", ZIP_FL_NOCASE) >= 0;
      bool sheet = zip_name_locate(zip.get(), "xl/workbook.xml", ZIP_FL_NOCASE) >= 0;
      if (ofd || sheet || !rels.empty()) {
        doc->source.media_type = "application/zip";
        return Fail(error, "format.unsupported",
                    ofd     ? "an OFD document: convert it to PDF first"
                    : sheet ? "an Excel workbook (.xlsx): not a report"
                            : "a zip archive that holds no Word document");
      }
      return Fail(error, "docx.damaged", "no word/document.xml in the archive");
    }
    xml.clear();
    status = ReadPart(zip.get(), main.c_str(), &xml);
    if (status == PartStatus::kMissing) {
      return Fail(error, "docx.damaged", "the main part " + main + " is missing");
    }
  }
  switch (status) {
    case PartStatus::kOk:
    case PartStatus::kMissing:
      break;
    case PartStatus::kDamaged:
      return Fail(error, "docx.damaged", "word/document.xml does not inflate (damaged archive)");
    case PartStatus::kEncrypted:
      return Fail(error, "docx.encrypted", "the archive's parts are encrypted");
    case PartStatus::kBomb:
      return Fail(error, "input.too_complex",
                  "word/document.xml inflates past " + std::to_string(kMaxDocxPartBytes >> 20) +
                      " MiB or " + std::to_string(static_cast<int>(kMaxDocxRatio)) +
                      "x its compressed size (a zip bomb?)");
  }
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> tree(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "document.xml", nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
      xmlFreeDoc);
  const xmlNode* root = tree ? xmlDocGetRootElement(tree.get()) : nullptr;
  const xmlNode* body = root ? Child(root, "body") : nullptr;
  if (!body) return Fail(error, "docx.damaged", "word/document.xml is not a Word document body");
  doc->source.encoding = "UTF-8";
  FlowWriter out(doc);
  DocxWalker(&out).Blocks(body);
  out.Break();
  if (doc->lines.empty()) return Fail(error, "empty_input", "the Word document holds no text");
  return true;
}

}  // namespace gongkai
