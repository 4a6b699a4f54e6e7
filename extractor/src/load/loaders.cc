#include "load/loaders.h"

#include <cctype>
#include <string>

#include "load/docx_loader.h"
#include "load/html_loader.h"
#include "load/pdf_loader.h"
#include "load/text_loader.h"

namespace gongkai {
namespace {

constexpr size_t kMaxTextBytes = size_t{32} << 20;
constexpr size_t kMaxBinaryBytes = size_t{256} << 20;

std::string Extension(std::string_view path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool HtmlExtension(std::string_view path) {
  std::string ext = Extension(path);
  return ext == "html" || ext == "htm" || ext == "shtml" || ext == "xhtml";
}

const Loader kLoaders[] = {
    {"pdf", "application/pdf", kMaxBinaryBytes,
     [](std::string_view head, std::string_view) { return head.substr(0, 5) == "%PDF-"; },
     [](std::string_view bytes, std::string_view, Document* doc, Error* error) {
       return LoadPdf(bytes, doc, error);
     }},
    {"ole2", "application/x-ole-storage", kMaxBinaryBytes,
     [](std::string_view head, std::string_view) { return LooksLikeOle2(head); },
     [](std::string_view bytes, std::string_view path, Document*, Error* error) {
       return RefuseOle2(bytes, path, error);
     }},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
     kMaxBinaryBytes, [](std::string_view head, std::string_view) { return LooksLikeZip(head); },
     [](std::string_view bytes, std::string_view, Document* doc, Error* error) {
       return LoadDocx(bytes, doc, error);
     }},
    {"html", "text/html", kMaxTextBytes,
     [](std::string_view head, std::string_view path) {
       return LooksLikeHtml(head) || (HtmlExtension(path) && head.find('<') != head.npos);
     },
     [](std::string_view bytes, std::string_view, Document* doc, Error* error) {
       return LoadHtml(bytes, doc, error);
     }},
    {"text", "text/plain", kMaxTextBytes, [](std::string_view, std::string_view) { return true; },
     [](std::string_view bytes, std::string_view, Document* doc, Error* error) {
       return LoadText(bytes, doc, error);
     }},
};

}  // namespace

const Loader& ChooseLoader(std::string_view head, std::string_view path) {
  for (const Loader& loader : kLoaders) {
    if (loader.sniff(head, path)) return loader;
  }
  return kLoaders[std::size(kLoaders) - 1];
}

}  // namespace gongkai
