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
  // Writes one record. False (with *error) when the output cannot be written.
  virtual bool Write(const std::string& json_line, Error* error) = 0;
  virtual bool Finish(Error* error) = 0;
  // Whether an input with this sha256 is already done (a rerun skips it); the dataset then
  // records path as another source of the same record. Only the dataset knows.
  virtual bool Done(const std::string& sha256, const std::string& path) { return false; }
};

// JSON Lines: the records as they are.
std::unique_ptr<RecordSink> MakeJsonlSink(std::ostream* out);

// CSV, long format (RFC 4180): one row per figure, with agency, year, template, key, value,
// source path and page. excel: a UTF-8 BOM first, so that Excel opens Chinese text correctly.
std::unique_ptr<RecordSink> MakeCsvSink(std::ostream* out, bool excel);

// The SQLite dataset (schema in dataset_schema.sql, documented in docs/dataset.md). Opens or
// creates path; each record is written in one transaction.
std::unique_ptr<RecordSink> MakeSqliteSink(const std::string& path, Error* error);

}  // namespace gongkai

#endif  // GONGKAI_WRITE_SINKS_H_
