#include "figures/flattened_solver.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace gongkai {
namespace {

constexpr size_t kMaxSplitsPerRow = 20000;
constexpr size_t kMaxJointLeaves = 2000000;
constexpr size_t kMaxSolutions = 256;

using Values = std::vector<std::optional<double>>;

struct Candidate {
  Values values;
  double plausibility = 0;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads one cell of a split: optional sign (signed columns), digits without a leading zero,
// optional decimals (amount columns).
bool ParsePart(std::string_view part, bool allow_sign, bool allow_decimal, double* value) {
  if (part.empty()) return false;
  size_t i = 0;
  bool negative = false;
  if (part[0] == '+' || part[0] == '-') {
    if (!allow_sign) return false;
    negative = part[0] == '-';
    i = 1;
  }
  size_t digits_start = i;
  while (i < part.size() && IsDigit(part[i])) ++i;
  size_t int_digits = i - digits_start;
  if (int_digits == 0) return false;
  if (int_digits > 1 && part[digits_start] == '0') return false;
  if (i < part.size()) {
    if (part[i] != '.' || !allow_decimal || i + 1 == part.size()) return false;
    ++i;
    while (i < part.size() && IsDigit(part[i])) ++i;
    if (i != part.size()) return false;
  }
  std::string_view number = part.substr(digits_start);
  double v = 0;
  auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), v);
  if (ec != std::errc() || ptr != number.data() + number.size()) return false;
  *value = negative ? -v : v;
  return true;
}

class SplitEnumerator {
 public:
  SplitEnumerator(const SplitRow& row, std::string_view run, double unit_factor, bool blanks)
      : row_(row), run_(run), factor_(unit_factor), blanks_(blanks) {}

  std::vector<Values> All() {
    current_.assign(row_.columns.size(), std::nullopt);
    Walk(0, 0);
    return std::move(out_);
  }

 private:
  void Walk(size_t column, size_t pos) {
    if (out_.size() >= kMaxSplitsPerRow) return;
    size_t n = row_.columns.size();
    if (column == n) {
      if (pos == run_.size()) out_.push_back(current_);
      return;
    }
    // Every later column needs at least one character unless it may be blank.
    if (blanks_) {
      current_[column].reset();
      Walk(column + 1, pos);
    }
    size_t rest = n - column - 1;
    for (size_t end = pos + 1; end <= run_.size(); ++end) {
      if (!blanks_ && run_.size() - end < rest) break;
      double v = 0;
      if (!ParsePart(run_.substr(pos, end - pos), row_.signed_columns[column],
                     row_.amount_columns[column], &v)) {
        continue;
      }
      if (row_.amount_columns[column]) v *= factor_;
      current_[column] = v;
      Walk(column + 1, end);
    }
    current_[column].reset();
  }

  const SplitRow& row_;
  std::string_view run_;
  double factor_;
  bool blanks_;
  Values current_;
  std::vector<Values> out_;
};

double Get(const Values& v, size_t i) { return v[i] ? *v[i] : 0.0; }

bool Near(double a, double b) { return std::fabs(a - b) < 1e-6; }

// A cell of the table: row index and column index.
struct Pos {
  size_t row;
  size_t col;
};

// An identity as it binds on the rows: where its present keys stand.
struct Bound {
  std::vector<Pos> lhs;
  std::vector<Pos> rhs;
  bool first_part_likeliest = false;
};

// The identities that bind, split into those on one row's cells and those across rows.
struct BoundIdentities {
  std::vector<std::vector<Bound>> row;  // per row
  std::vector<Bound> table;
};

BoundIdentities Bind(const std::vector<SplitRow>& rows,
                     const std::vector<const Identity*>& identities) {
  std::map<std::string, Pos> where;
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].columns.size(); ++c) {
      where.emplace(rows[r].stem + "." + rows[r].columns[c], Pos{r, c});
    }
  }
  BoundIdentities out;
  out.row.resize(rows.size());
  for (const Identity* id : identities) {
    Bound b;
    b.first_part_likeliest = id->first_part_likeliest;
    bool complete = true;
    for (const std::string& k : id->lhs) {
      auto it = where.find(k);
      if (it == where.end()) complete = false;
      if (it != where.end()) b.lhs.push_back(it->second);
    }
    for (const std::string& k : id->rhs) {
      if (auto it = where.find(k); it != where.end()) b.rhs.push_back(it->second);
    }
    if (!complete || b.lhs.empty() || b.rhs.empty()) continue;
    size_t r = b.lhs[0].row;
    bool one_row = std::all_of(b.lhs.begin(), b.lhs.end(), [&](Pos p) { return p.row == r; }) &&
                   std::all_of(b.rhs.begin(), b.rhs.end(), [&](Pos p) { return p.row == r; });
    (one_row ? out.row[r] : out.table).push_back(std::move(b));
  }
  return out;
}

// Σ lhs = Σ rhs, each cell read by value(pos).
template <typename ValueAt>
bool Holds(const Bound& b, ValueAt value) {
  double lhs = 0, rhs = 0;
  for (Pos p : b.lhs) lhs += value(p);
  for (Pos p : b.rhs) rhs += value(p);
  return Near(lhs, rhs);
}

bool RowHolds(const std::vector<Bound>& identities, const Values& v) {
  auto value = [&](Pos p) { return Get(v, p.col); };
  return std::all_of(identities.begin(), identities.end(),
                     [&](const Bound& b) { return Holds(b, value); });
}

int ColumnIndex(const SplitRow& row, const std::string& name) {
  for (size_t i = 0; i < row.columns.size(); ++i) {
    if (row.columns[i] == name) return static_cast<int>(i);
  }
  return -1;
}

// How believable a split is, for ranking what the identities leave. Stocks are at least as large
// as the year's flows; 2019 reports usually print decisions = prior items + change; a purchase
// averages between 0.5 and 100 万元; and where an identity says so, a lone non-zero part is most
// often the first (自然人).
double Plausibility(const SplitRow& row, const std::vector<Bound>& identities, const Values& v) {
  double score = 0;
  for (const auto& x : v) score += x ? 0.5 : 0.0;
  auto at = [&](const char* name) -> std::optional<double> {
    int i = ColumnIndex(row, name);
    return i < 0 ? std::nullopt : v[i];
  };
  if (auto in_force = at("in_force")) {
    if (*in_force >= at("issued").value_or(0) && *in_force >= at("repealed").value_or(0)) {
      score += 1;
    }
  }
  bool documents = ColumnIndex(row, "made") >= 0 || ColumnIndex(row, "published") >= 0;
  if (auto total = at("total"); total && documents) {
    if (*total >= at("made").value_or(0) && *total >= at("published").value_or(0)) score += 1;
    if (at("made") && at("published") && *at("made") == *at("published")) score += 1;
  }
  if (auto prior = at("prior_items")) {
    auto change = at("change");
    auto decisions = at("decisions");
    if (decisions && Near(*prior + change.value_or(0), *decisions)) score += 2;
    if (*prior + change.value_or(0) >= 0) score += 1;
  }
  if (auto items = at("items"); items && at("amount") && *items > 0) {
    double each = *at("amount") / *items;
    if (each >= 0.5 && each <= 100) score += 1;
  }
  for (const Bound& b : identities) {
    if (!b.first_part_likeliest) continue;
    for (size_t i = 0; i < b.rhs.size(); ++i) {
      const auto& x = v[b.rhs[i].col];
      if (x && *x != 0) {
        score -= 0.01 * static_cast<double>(i);
        break;
      }
    }
  }
  return score;
}

// The run as printed, without a trailing unit, and the factor that brings it to 万元.
std::string_view StripUnit(std::string_view run, double* factor) {
  *factor = 1;
  if (run.size() > 6 && run.substr(run.size() - 6) == "万元") {
    run.remove_suffix(6);
  } else if (run.size() > 3 && run.substr(run.size() - 3) == "元") {
    run.remove_suffix(3);
    *factor = 1.0 / 10000;
  }
  return run;
}

// Every split of one row its own identities allow, ranked; fills the row's counts. A row no split
// fits keeps one blank candidate: never a value read from garbage.
std::vector<Candidate> RowCandidates(const SplitRow& row, const std::vector<Bound>& identities,
                                     SplitOutcome* o) {
  size_t n = row.columns.size();
  o->values.assign(n, std::nullopt);
  o->candidates.assign(n, {});
  std::vector<Candidate> cands;
  if (row.run.empty()) {
    cands.push_back({o->values, 0});
    o->valid_splits = o->after_row = 1;
    return cands;
  }
  double factor = 1;
  std::string_view run = StripUnit(row.run, &factor);
  auto keep = [&](std::vector<Values>& found) {
    for (Values& v : found) {
      if (!RowHolds(identities, v)) continue;
      double p = Plausibility(row, identities, v);
      cands.push_back({std::move(v), p});
    }
  };
  // Cells printed empty vanish without a trace: splits that leave cells blank are candidates
  // too (ranked lower). Those without blanks come first, so that the cap on enumeration never
  // drops them; with blanks are tried too where no identity constrains the row (table 二), or
  // when no split without blanks satisfies the row's identities.
  std::vector<Values> splits = SplitEnumerator(row, run, factor, false).All();
  o->valid_splits = splits.size();
  keep(splits);
  if (identities.empty() || cands.empty()) {
    std::vector<Values> with_blanks;
    for (Values& v : SplitEnumerator(row, run, factor, true).All()) {
      if (std::any_of(v.begin(), v.end(), [](const auto& x) { return !x; })) {
        with_blanks.push_back(std::move(v));
      }
    }
    o->valid_splits += with_blanks.size();
    keep(with_blanks);
  }
  o->after_row = cands.size();
  if (cands.empty()) {
    o->problem = splits.empty()
                     ? "「" + row.run + "」 cannot be read as " + std::to_string(n) + " cells"
                     : "no split of 「" + row.run + "」 satisfies the row's total";
    cands.push_back({o->values, 0});
  }
  return cands;
}

// Every choice of one candidate per row that satisfies the identities across rows (up to
// kMaxSolutions), as candidate indices per row. Depth-first over the rows with a choice.
std::vector<std::vector<size_t>> JointSolutions(const std::vector<std::vector<Candidate>>& cands,
                                                const std::vector<size_t>& open,
                                                const std::vector<Bound>& identities) {
  std::vector<std::vector<size_t>> solutions;
  std::vector<const Values*> chosen(cands.size());
  for (size_t r = 0; r < cands.size(); ++r) chosen[r] = &cands[r][0].values;
  auto value = [&](Pos p) { return Get(*chosen[p.row], p.col); };
  std::vector<size_t> idx(open.size(), 0);
  while (true) {
    for (size_t k = 0; k < open.size(); ++k) chosen[open[k]] = &cands[open[k]][idx[k]].values;
    if (std::all_of(identities.begin(), identities.end(),
                    [&](const Bound& b) { return Holds(b, value); })) {
      std::vector<size_t> s(cands.size(), 0);
      for (size_t k = 0; k < open.size(); ++k) s[open[k]] = idx[k];
      solutions.push_back(std::move(s));
      if (solutions.size() >= kMaxSolutions) break;
    }
    size_t k = 0;
    while (k < open.size() && ++idx[k] == cands[open[k]].size()) idx[k++] = 0;
    if (k == open.size()) break;
  }
  return solutions;
}

// Every value column c takes among the given candidates, when that is more than one.
std::vector<std::optional<double>> Spread(const std::vector<Candidate>& cands,
                                          const std::set<size_t>& which, size_t c) {
  std::set<std::optional<double>> seen;
  for (size_t i : which) seen.insert(cands[i].values[c]);
  if (seen.size() < 2) return {};
  return {seen.begin(), seen.end()};
}

// No joint check (or none holds): each row its own most plausible split.
void PickPerRow(const std::vector<std::vector<Candidate>>& cands, bool identities_failed,
                std::vector<SplitOutcome>* out) {
  for (size_t r = 0; r < cands.size(); ++r) {
    size_t best = 0;
    for (size_t i = 1; i < cands[r].size(); ++i) {
      if (cands[r][i].plausibility > cands[r][best].plausibility) best = i;
    }
    SplitOutcome& o = (*out)[r];
    o.after_identities = cands[r].size();
    o.values = cands[r][best].values;
    std::set<size_t> all;
    for (size_t i = 0; i < cands[r].size(); ++i) all.insert(i);
    if (cands[r].size() > 1) {
      for (size_t c = 0; c < o.values.size(); ++c) o.candidates[c] = Spread(cands[r], all, c);
    }
    o.identities_failed = identities_failed;
  }
}

// Several joint solutions: the most plausible, with every value the others allow.
void PickJoint(const std::vector<std::vector<Candidate>>& cands,
               const std::vector<std::vector<size_t>>& solutions, std::vector<SplitOutcome>* out) {
  size_t best = 0;
  double best_score = -1e300;
  for (size_t s = 0; s < solutions.size(); ++s) {
    double score = 0;
    for (size_t r = 0; r < cands.size(); ++r) score += cands[r][solutions[s][r]].plausibility;
    if (score > best_score + 1e-9) {
      best_score = score;
      best = s;
    }
  }
  for (size_t r = 0; r < cands.size(); ++r) {
    std::set<size_t> distinct;
    for (const auto& s : solutions) distinct.insert(s[r]);
    SplitOutcome& o = (*out)[r];
    o.after_identities = distinct.size();
    o.values = cands[r][solutions[best][r]].values;
    for (size_t c = 0; c < o.values.size(); ++c) o.candidates[c] = Spread(cands[r], distinct, c);
  }
}

}  // namespace

std::vector<SplitOutcome> SolveFlattened(const std::vector<SplitRow>& rows,
                                         const std::vector<const Identity*>& identities) {
  BoundIdentities bound = Bind(rows, identities);
  std::vector<SplitOutcome> out(rows.size());
  std::vector<std::vector<Candidate>> cands(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    cands[r] = RowCandidates(rows[r], bound.row[r], &out[r]);
  }
  // Joint search over the rows that still have several candidates.
  std::vector<size_t> open;
  size_t leaves = 1;
  for (size_t r = 0; r < rows.size(); ++r) {
    if (cands[r].size() > 1) {
      open.push_back(r);
      leaves = leaves > kMaxJointLeaves ? leaves : leaves * cands[r].size();
    }
  }
  bool joint = !bound.table.empty() && leaves <= kMaxJointLeaves;
  std::vector<std::vector<size_t>> solutions;
  if (joint) solutions = JointSolutions(cands, open, bound.table);
  if (solutions.empty()) {
    PickPerRow(cands, joint && !open.empty(), &out);
  } else {
    PickJoint(cands, solutions, &out);
  }
  return out;
}

}  // namespace gongkai
