// Splitting flattened digit runs into cells. A scraped page that lost its cell separators prints
// 「规范性文件5225」 for three cells: every split into valid numbers is enumerated, the table's
// identities (grammars/<template>/identities.toml: row totals, column sums, the balance, table
// 四's block totals) keep those that can be true, and plausibility ranks what is left. Several
// survivors make the figure ambiguous.
#ifndef GONGKAI_FIGURES_FLATTENED_SOLVER_H_
#define GONGKAI_FIGURES_FLATTENED_SOLVER_H_

#include <optional>
#include <string>
#include <vector>

#include "grammar/identities.h"

namespace gongkai {

struct SplitRow {
  std::string stem;                  // "requests.received", "proactive.licensing", "appeals"
  std::vector<std::string> columns;  // key suffixes, in printed order
  std::vector<bool> signed_columns;  // may print + or -
  std::vector<bool> amount_columns;  // 万元, may print decimals
  std::string run;                   // the digits as printed; empty: the row prints nothing
};

struct SplitOutcome {
  std::vector<std::optional<double>> values;  // one per column; nullopt: blank
  // Per column, every value some surviving split gives it, when that is more than one.
  std::vector<std::vector<std::optional<double>>> candidates;
  size_t valid_splits = 0;         // splits into valid numbers
  size_t after_row = 0;            // left by the row's own identity
  size_t after_identities = 0;     // left by every identity (row and table)
  std::string problem;             // non-empty: no split fits; the values are blank
  bool identities_failed = false;  // no combination of the rows' splits satisfies the table's
                                   // identities; each row took its own most plausible split
};

// Solves one table's flattened rows jointly under the table's identities. A row's cells are the
// figure keys stem.column; an identity binds as the audit checks it (every left-hand key and at
// least one right-hand key among the rows), on one row's split or across the rows'.
std::vector<SplitOutcome> SolveFlattened(const std::vector<SplitRow>& rows,
                                         const std::vector<const Identity*>& identities);

}  // namespace gongkai

#endif  // GONGKAI_FIGURES_FLATTENED_SOLVER_H_
