// Fuzz target: the Word loader. Contract: any bytes after a zip header → a record or an error
// record with a code (docx.damaged, input.too_complex, …), never a crash, in bounded time and
// memory. Inputs over 1 MiB are skipped.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_common.h"
#include "gongkai/jsonl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.rfind("PK\x03\x04", 0) != 0) bytes.insert(0, "PK\x03\x04");
  gongkai::Record r = gongkai::fuzz::SharedExtractor().ExtractBytes("fuzz.docx", bytes);
  std::string line = gongkai::ToJsonLine(r);
  if (line.empty() || (r.error.has_value() && r.error->code.empty())) __builtin_trap();
  return 0;
}
