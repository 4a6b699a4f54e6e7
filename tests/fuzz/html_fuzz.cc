// Fuzz target: the HTML loader and the cell-grid tables. Contract: any bytes read as a web page →
// a record or an error record with a code, never a crash, in bounded time and memory. Inputs
// over 1 MiB are skipped.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "gongkai/jsonl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  // Always a page: the registry picks the HTML loader for a .html path that holds markup.
  if (bytes.find('<') == std::string::npos) bytes.insert(0, "<html>");
  gongkai::Record r = gongkai::fuzz::SharedExtractor().ExtractBytes("fuzz.html", bytes);
  std::string line = gongkai::ToJsonLine(r);
  if (line.empty() || (r.error.has_value() && r.error->code.empty())) __builtin_trap();
  return 0;
}
