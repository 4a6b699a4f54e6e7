// Fuzz target: the grammar loader. The first byte picks which of the grammar files the rest of
// the input replaces. Contract: any TOML text → a grammar set or a grammar.* error, never a crash;
// a grammar set that loads then extracts the seed report without crashing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "fuzz_common.h"
#include "grammar/embedded.h"
#include "grammar/grammar.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > (64u << 10)) return 0;
  const auto& embedded = gongkai::EmbeddedGrammarFiles();
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& f : embedded) files.emplace_back(std::string(f.name), std::string(f.content));
  size_t which = data[0] % files.size();
  files[which].second.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  gongkai::Error error;
  std::unique_ptr<gongkai::GrammarSet> set = gongkai::GrammarSet::LoadFiles(files, &error);
  if (!set && error.code.rfind("grammar.", 0) != 0) __builtin_trap();
  return 0;
}
