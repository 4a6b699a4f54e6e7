// The scraper's manifest (--manifest scraped.csv): columns path, url, title, published (others
// kept), one row per scraped file.
#ifndef GONGKAI_BATCH_MANIFEST_H_
#define GONGKAI_BATCH_MANIFEST_H_

#include <map>
#include <string>
#include <vector>

#include "gongkai/extractor.h"

namespace gongkai {

// Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM) into rows.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

class Manifest {
 public:
  // Reads the manifest; paths in it are relative to its own folder.
  bool Load(const std::string& path, Error* error);
  // The hints for an input path (matched by canonical path), or empty hints; *notes (if given)
  // receives the row's values that could not be used (a year that is not a year).
  SourceHints Find(const std::string& input, std::vector<std::string>* notes = nullptr) const;
  size_t size() const { return rows_.size(); }

 private:
  struct Row {
    SourceHints hints;
    std::vector<std::string> notes;
  };
  std::map<std::string, Row> rows_;
};

}  // namespace gongkai

#endif  // GONGKAI_BATCH_MANIFEST_H_
