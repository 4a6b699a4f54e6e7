// Fuzz target: the whole pipeline on text. Contract: any input → a record or an error record,
// never a crash, in bounded time and memory. Inputs over 1 MiB are skipped (the PDF and text
// loaders are exercised on large inputs by the hostile corpus instead).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.h"
#include "gongkai/jsonl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Never let the input pose as a PDF: this target is about text.
  if (bytes.substr(0, 5) == "%PDF-") return 0;
  gongkai::Record r = gongkai::fuzz::SharedExtractor().ExtractBytes("fuzz.txt", bytes);
  std::string line = gongkai::ToJsonLine(r);
  if (line.empty() || (r.error.has_value() && r.error->code.empty())) __builtin_trap();
  return 0;
}
