// The gongkai commands: extract, audit, merge. main.cc only parses the command line.
#ifndef GONGKAI_CLI_EXTRACT_COMMAND_H_
#define GONGKAI_CLI_EXTRACT_COMMAND_H_

#include <string>
#include <vector>

namespace gongkai {

// Exit codes, documented in README.md and `gongkai --help`.
enum ExitCode {
  kExitOk = 0,        // every input gave a record with status ok; audit: every identity holds
  kExitFailed = 1,    // every input gave an error record; audit: an identity fails
  kExitUsage = 2,     // bad command line
  kExitPartial = 3,   // some inputs gave partial or error records, not all failed
  kExitInternal = 4,  // grammars unreadable, output unwritable, dataset unreadable
};

struct ExtractCommand {
  std::vector<std::string> inputs;  // files and folders; "-": paths on standard input
  bool nul_separated = false;       // paths on standard input end in NUL, not a line break
  std::string output;               // empty: JSON Lines on stdout; .sqlite/.db, .csv by extension
  bool excel = false;               // CSV with a UTF-8 BOM
  std::string dump_stage;           // empty: full records
  std::string grammar_dir;
  int jobs = 0;              // when jobs_given; else the number of cores
  bool jobs_given = false;   // -j must then be positive; it is capped at kJobsPerCore per core
  double timeout = 60;       // seconds, positive and finite, at most kMaxTimeout
  int max_memory_mib = 768;  // a worker's memory limit (0: none)
  std::string shard;         // "K/N"
  std::string manifest;
};

inline constexpr int kJobsPerCore = 4;
inline constexpr double kMaxTimeout = 1e6;

int RunExtract(const ExtractCommand& command);

struct AuditCommand {
  std::string dataset;
  bool json = false;
};

int RunAudit(const AuditCommand& command);

struct MergeCommand {
  std::vector<std::string> inputs;
  std::string output;
};

int RunMerge(const MergeCommand& command);

}  // namespace gongkai

#endif  // GONGKAI_CLI_EXTRACT_COMMAND_H_
