#ifndef GONGKAI_TESTS_TEST_UTIL_H_
#define GONGKAI_TESTS_TEST_UTIL_H_

#include <memory>
#include <string>

#include "gongkai/extractor.h"
#include "grammar/grammar.h"
#include "model/document.h"

namespace gongkai::testing {

// The repository's root folder.
std::string SourceDir();
std::string ReadFile(const std::string& path);
// One extractor (embedded grammars) shared by the tests of a binary.
const Extractor& SharedExtractor();
const GrammarSet& SharedGrammars();
// A loaded and normalized document made of UTF-8 text.
Document MakeDocument(const std::string& text);

}  // namespace gongkai::testing

#endif  // GONGKAI_TESTS_TEST_UTIL_H_
