// Fuzz target: the CSV reader of --manifest. Contract: any bytes → rows, never a crash; every
// field of the output comes from the input (no field longer than the input).
#include <cstddef>
#include <cstdint>
#include <string>

#include "batch/manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 20)) return 0;
  std::string text(reinterpret_cast<const char*>(data), size);
  for (const auto& row : gongkai::ParseCsv(text)) {
    for (const std::string& field : row) {
      if (field.size() > size) __builtin_trap();
    }
  }
  return 0;
}
