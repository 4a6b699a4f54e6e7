// `gongkai extract`: files in, one JSON Lines record per file out.
#ifndef GONGKAI_CLI_EXTRACT_COMMAND_H_
#define GONGKAI_CLI_EXTRACT_COMMAND_H_

#include <string>
#include <vector>

namespace gongkai {

// Exit codes, documented in README.md and `gongkai --help`.
enum ExitCode {
  kExitOk = 0,        // every input gave a record with status ok
  kExitFailed = 1,    // at least one input gave an error record
  kExitUsage = 2,     // bad command line
  kExitPartial = 3,   // every input gave a record, some with status partial
  kExitInternal = 4,  // grammars unreadable, output unwritable
};

struct ExtractCommand {
  std::vector<std::string> inputs;
  std::string output;      // empty: stdout
  std::string dump_stage;  // empty: full records
  std::string grammar_dir;
};

int RunExtract(const ExtractCommand& command);

}  // namespace gongkai

#endif  // GONGKAI_CLI_EXTRACT_COMMAND_H_
