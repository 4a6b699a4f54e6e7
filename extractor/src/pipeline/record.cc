#include "gongkai/record.h"

namespace gongkai {

const Figure* Record::FindFigure(const std::string& key) const {
  for (const Figure& f : figures) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

const char* StatusName(Status status) {
  switch (status) {
    case Status::kOk:
      return "ok";
    case Status::kPartial:
      return "partial";
    case Status::kFailed:
      return "failed";
  }
  return "failed";
}

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

}  // namespace gongkai
