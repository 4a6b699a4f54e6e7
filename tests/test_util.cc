#include "test_util.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "load/text_loader.h"
#include "normalize/normalize.h"

namespace gongkai::testing {

std::string SourceDir() { return GONGKAI_SOURCE_DIR; }

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const Extractor& SharedExtractor() {
  static const std::unique_ptr<Extractor> extractor = [] {
    Error error;
    auto e = Extractor::Create(ExtractorOptions{}, &error);
    if (!e) throw std::runtime_error(error.code + ": " + error.message);
    return e;
  }();
  return *extractor;
}

const GrammarSet& SharedGrammars() { return SharedExtractor().grammars(); }

Document MakeDocument(const std::string& text) {
  Document doc;
  Error error;
  if (!LoadText(text, &doc, &error)) throw std::runtime_error(error.code);
  Normalizer().NormalizeDocument(&doc);
  return doc;
}

}  // namespace gongkai::testing
