#include "write/error_record.h"

namespace gongkai {

Record ErrorRecord(const SourceInfo& source, const std::string& code, const std::string& message) {
  Record r;
  r.status = Status::kFailed;
  r.source = source;
  r.error = Error{code, source.path + ": " + message};
  return r;
}

}  // namespace gongkai
