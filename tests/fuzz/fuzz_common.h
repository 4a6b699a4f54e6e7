#ifndef GONGKAI_TESTS_FUZZ_FUZZ_COMMON_H_
#define GONGKAI_TESTS_FUZZ_FUZZ_COMMON_H_

#include <cstdlib>
#include <memory>

#include "gongkai/extractor.h"

namespace gongkai::fuzz {

// One extractor for the whole fuzzing run: the grammars compile once.
inline const Extractor& SharedExtractor() {
  static const std::unique_ptr<Extractor> extractor = [] {
    Error error;
    auto e = Extractor::Create(ExtractorOptions{}, &error);
    if (!e) std::abort();
    return e;
  }();
  return *extractor;
}

}  // namespace gongkai::fuzz

#endif  // GONGKAI_TESTS_FUZZ_FUZZ_COMMON_H_
