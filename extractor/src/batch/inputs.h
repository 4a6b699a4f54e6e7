// Turning command-line arguments (files and folders) into the list of inputs of a batch.
#ifndef GONGKAI_BATCH_INPUTS_H_
#define GONGKAI_BATCH_INPUTS_H_

#include <string>
#include <vector>

namespace gongkai {

// Files are taken as given; folders are walked recursively (entries sorted, hidden ones skipped)
// and give the files that look like reports: PDFs and text by content or by extension, never
// the data files a corpus keeps beside them (.json, .csv, .sqlite, ...). Paths that do not
// exist are kept: they become io.unreadable error records.
std::vector<std::string> CollectInputs(const std::vector<std::string>& args);

// Whether a file found in a folder is a report input.
bool LooksLikeReportFile(const std::string& path);

// Deterministic partition of inputs into n shards by a hash of the path; k is 1-based.
bool InShard(const std::string& path, int k, int n);

}  // namespace gongkai

#endif  // GONGKAI_BATCH_INPUTS_H_
