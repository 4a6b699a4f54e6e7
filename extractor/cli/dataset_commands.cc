#include <unistd.h>

#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "dataset/dataset.h"
#include "extract_command.h"
#include "util/number.h"

namespace gongkai {

int RunAudit(const AuditCommand& command) {
  std::vector<DatasetFinding> findings;
  Error error;
  if (!AuditDataset(command.dataset, &findings, &error)) {
    std::cerr << "gongkai: " << error.code << ": " << error.message << "\n";
    return kExitInternal;
  }
  size_t failing = 0, warnings = 0;
  for (const DatasetFinding& f : findings) {
    if (!f.ok) (f.warning ? warnings : failing) += 1;
  }
  if (command.json || !isatty(STDOUT_FILENO)) {
    for (const DatasetFinding& f : findings) {
      nlohmann::json j = {{"agency", f.agency},    {"year", f.year},     {"rule", f.rule},
                          {"row", f.row},          {"column", f.column}, {"ok", f.ok},
                          {"warning", f.warning},  {"lhs", f.lhs},       {"rhs", f.rhs},
                          {"evidence", f.evidence}};
      std::cout << j.dump() << "\n";
    }
  } else {
    std::cout << std::left << std::setw(26) << "agency" << std::setw(6) << "year" << std::setw(22)
              << "rule" << std::setw(30) << "row/column" << std::setw(12) << "lhs" << std::setw(12)
              << "rhs"
              << "result\n";
    for (const DatasetFinding& f : findings) {
      if (f.ok) continue;
      std::cout << std::left << std::setw(26) << f.agency << std::setw(6) << f.year << std::setw(22)
                << f.rule << std::setw(30) << (f.row + "/" + f.column) << std::setw(12)
                << FormatNumber(f.lhs) << std::setw(12) << FormatNumber(f.rhs)
                << (f.warning ? "warning" : "FAIL") << "\n    " << f.evidence << "\n";
    }
  }
  std::cerr << "gongkai audit: " << findings.size() << " checks, " << failing << " failing, "
            << warnings << " warnings\n";
  return failing > 0 ? kExitFailed : kExitOk;
}

int RunMerge(const MergeCommand& command) {
  Error error;
  if (!MergeDatasets(command.inputs, command.output, &error)) {
    std::cerr << "gongkai: " << error.code << ": " << error.message << "\n";
    return kExitInternal;
  }
  return kExitOk;
}

}  // namespace gongkai
