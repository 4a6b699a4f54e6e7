#include "extract_command.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "gongkai/extractor.h"
#include "gongkai/jsonl.h"

namespace gongkai {

int RunExtract(const ExtractCommand& command) {
  Stage stage = Stage::kAll;
  if (!command.dump_stage.empty() && !ParseStage(command.dump_stage, &stage)) {
    std::cerr << "gongkai: unknown stage '" << command.dump_stage
              << "' (load, normalize, segment, tables, figures, audit)\n";
    return kExitUsage;
  }
  Error error;
  std::unique_ptr<Extractor> extractor =
      Extractor::Create(ExtractorOptions{command.grammar_dir}, &error);
  if (!extractor) {
    std::cerr << "gongkai: " << error.code << ": " << error.message << "\n";
    return kExitInternal;
  }
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!command.output.empty()) {
    file.open(command.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "gongkai: cannot write " << command.output << "\n";
      return kExitInternal;
    }
    out = &file;
  }
  bool failed = false, partial = false;
  for (const std::string& path : command.inputs) {
    if (stage != Stage::kAll) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      if (!in) {
        std::cerr << "gongkai: cannot read " << path << "\n";
        failed = true;
        continue;
      }
      *out << "# " << path << "\n" << extractor->Dump(path, bytes.str(), stage);
      continue;
    }
    Record record = extractor->ExtractFile(path);
    *out << ToJsonLine(record) << "\n";
    if (record.error) {
      failed = true;
      std::cerr << "gongkai: " << path << ": " << record.error->code << ": "
                << record.error->message << "\n";
    } else if (record.status == Status::kPartial) {
      partial = true;
    }
  }
  out->flush();
  if (!*out) {
    std::cerr << "gongkai: write error\n";
    return kExitInternal;
  }
  if (failed) return kExitFailed;
  return partial ? kExitPartial : kExitOk;
}

}  // namespace gongkai
