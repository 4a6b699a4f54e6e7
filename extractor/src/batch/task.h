// What crosses the worker boundary: the task the parent sends and what a worker sends back, in
// the length-prefixed form of wire.h (never text joined by a separator, never JSON searched by
// substring).
#ifndef GONGKAI_BATCH_TASK_H_
#define GONGKAI_BATCH_TASK_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gongkai/extractor.h"

namespace gongkai {

struct Task {
  std::string path;
  SourceHints hints;  // what a scraper knew about the file (may be empty)
  // Values of the input's manifest row that could not be used (a year that is not a year):
  // each becomes a manifest.invalid warning on the record.
  std::vector<std::string> notes;
};

// Sent by a worker once it has read its input, before extracting: what the parent needs to
// account for the input if the worker then dies or hangs, without opening the file itself.
struct TaskStart {
  std::string sha256;
  uint64_t bytes = 0;
  std::string media_type;
};

// What the parent learns of one input.
struct TaskResult {
  std::string status;       // ok, partial, failed (for a skipped input: the stored status)
  std::string error_code;   // an error record's code
  std::string line;         // the record's JSON line, when the parent writes it
  bool stored = false;      // a worker's dataset holds the record (line is then empty)
  bool skipped = false;     // the dataset held this path's record before (a rerun)
  std::string write_error;  // the worker could not store it: the error, for the parent to report
};

std::string EncodeTask(const Task& task);
bool DecodeTask(std::string_view bytes, Task* task);

// A worker's message: a start or a result.
std::string EncodeStart(const TaskStart& start);
std::string EncodeResult(const TaskResult& result);
// Which message bytes hold; false when they are neither (a corrupt message).
bool DecodeMessage(std::string_view bytes, TaskStart* start, TaskResult* result, bool* is_start);

}  // namespace gongkai

#endif  // GONGKAI_BATCH_TASK_H_
