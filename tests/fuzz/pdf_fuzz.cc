// Fuzz target: the PDF loader and the geometry tables. Contract: any bytes after a %PDF header →
// a record or a pdf.* error record, never a crash, in bounded time and memory. Inputs over 1 MiB
// are skipped.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "gongkai/jsonl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.rfind("%PDF-", 0) != 0) bytes.insert(0, "%PDF-1.7\n");
  gongkai::Record r = gongkai::fuzz::SharedExtractor().ExtractBytes("fuzz.pdf", bytes);
  std::string line = gongkai::ToJsonLine(r);
  if (line.empty()) __builtin_trap();
  return 0;
}
