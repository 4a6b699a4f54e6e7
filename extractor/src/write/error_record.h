// The one builder of error records, and the codes the batch and the writers give (README's
// error-code table lists them).
#ifndef GONGKAI_WRITE_ERROR_RECORD_H_
#define GONGKAI_WRITE_ERROR_RECORD_H_

#include <cstddef>
#include <string>

#include "gongkai/record.h"

namespace gongkai {
namespace codes {

inline constexpr char kUnreadable[] = "io.unreadable";
inline constexpr char kNotAFile[] = "io.not_a_file";
inline constexpr char kTooLarge[] = "input.too_large";
inline constexpr char kTooComplex[] = "input.too_complex";
inline constexpr char kWorkerCrashed[] = "worker.crashed";
inline constexpr char kWorkerTimeout[] = "worker.timeout";
// Diagnostics.
inline constexpr char kManifestInvalid[] = "manifest.invalid";
inline constexpr char kDiagnosticsTruncated[] = "diagnostics.truncated";

}  // namespace codes

// A record lists at most this many diagnostics; the rest are summed up in one
// diagnostics.truncated (a hostile input can give millions).
inline constexpr size_t kMaxDiagnostics = 1000;

// A failed record for source (path, and whatever else is known of it): message is prefixed
// with the path.
Record ErrorRecord(const SourceInfo& source, const std::string& code, const std::string& message);

}  // namespace gongkai

#endif  // GONGKAI_WRITE_ERROR_RECORD_H_
