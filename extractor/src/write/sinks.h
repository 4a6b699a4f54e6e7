// Where a batch's records go. Every sink takes records as the JSON lines the pipeline writes, so
// a record from a worker process needs no second representation.
#ifndef GONGKAI_WRITE_SINKS_H_
#define GONGKAI_WRITE_SINKS_H_

#include <memory>
#include <ostream>
#include <string>

#include "gongkai/record.h"

namespace gongkai {

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // Writes one record. False (with *error) when the output cannot be written. stored_status, if
  // given, receives the status the output now holds for the record's path (the dataset may hold
  // it already, from another process: then that one's).
  virtual bool Write(const std::string& json_line, Error* error,
                     std::string* stored_status = nullptr) = 0;
  virtual bool Finish(Error* error) = 0;

  // Only the dataset remembers: whether it holds an input with this sha256 (a rerun skips it).
  // The same bytes under another path are recorded as one more source of the same record
  // (kAliased). *status: the status stored.
  enum class Presence { kAbsent, kStored, kAliased };
  virtual Presence Find(const std::string& sha256, const std::string& path, std::string* status,
                        Error* error) {
    return Presence::kAbsent;
  }
  // The status the dataset holds for path (as written in records), false if none.
  virtual bool StoredStatus(const std::string& path, std::string* status) { return false; }
};

// JSON Lines: the records as they are.
std::unique_ptr<RecordSink> MakeJsonlSink(std::ostream* out);

// CSV, long format (RFC 4180): one row per figure, with agency, year, template, key, value,
// source path and page. Text cells that a spreadsheet would run as a formula (starting with
// = + - @, a tab or CR) are neutralised with a leading apostrophe (OWASP). excel: a UTF-8 BOM
// first, so that Excel opens Chinese text correctly.
std::unique_ptr<RecordSink> MakeCsvSink(std::ostream* out, bool excel);

// The text of a CSV cell: neutralised as above, then quoted as RFC 4180 needs.
std::string CsvCell(const std::string& text);

// The SQLite dataset (schema in dataset_schema.h, documented in docs/dataset.md). Opens or
// creates path, waiting for other processes creating it at the same time; each record is
// written in one transaction, retried while another process holds the lock.
std::unique_ptr<RecordSink> MakeSqliteSink(const std::string& path, Error* error);

}  // namespace gongkai

#endif  // GONGKAI_WRITE_SINKS_H_
