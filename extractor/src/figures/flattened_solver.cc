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

// The row's own identity: requests rows r.total = Σ applicants; table 四 block totals.
bool RowIdentityHolds(const std::string& table, const SplitRow& row, const Values& v) {
  if (table == "requests" && v.size() == 7) {
    double sum = 0;
    for (size_t i = 0; i < 6; ++i) sum += Get(v, i);
    return Near(sum, Get(v, 6));
  }
  if (table == "appeals" && v.size() % 5 == 0) {
    for (size_t b = 0; b < v.size(); b += 5) {
      if (!Near(Get(v, b) + Get(v, b + 1) + Get(v, b + 2) + Get(v, b + 3), Get(v, b + 4))) {
        return false;
      }
    }
  }
  return true;
}

int ColumnIndex(const SplitRow& row, const std::string& name) {
  for (size_t i = 0; i < row.columns.size(); ++i) {
    if (row.columns[i] == name) return static_cast<int>(i);
  }
  return -1;
}

// How believable a split is, for ranking what the identities leave. Stocks are at least as large
// as the year's flows; 2019 reports usually print decisions = prior items + change; a lone
// applicant count is most often 自然人; a purchase averages between 0.5 and 100 万元.
double Plausibility(const std::string& table, const SplitRow& row, const Values& v) {
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
  if (auto total = at("total"); total && table == "proactive") {
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
  if (table == "requests" && v.size() == 7) {
    for (size_t i = 0; i < 6; ++i) {
      if (v[i] && *v[i] != 0) {
        score -= 0.01 * static_cast<double>(i);
        break;
      }
    }
  }
  return score;
}

// Table 三's column identities over whole rows: outcomes sum to （七）总计, and the balance.
class RequestsIdentities {
 public:
  explicit RequestsIdentities(const std::vector<SplitRow>& rows) {
    for (size_t r = 0; r < rows.size(); ++r) {
      const std::string& stem = rows[r].stem;
      if (rows[r].columns.size() != 7) continue;
      if (stem == "requests.received")
        received_ = r;
      else if (stem == "requests.carried_over")
        carried_over_ = r;
      else if (stem == "requests.total")
        total_ = r;
      else if (stem == "requests.carried_forward")
        carried_forward_ = r;
      else
        outcomes_.push_back(r);
    }
  }

  bool Holds(const std::vector<const Values*>& chosen) const {
    if (total_ == kNone) return true;
    for (size_t c = 0; c < 7; ++c) {
      double sum = 0;
      for (size_t r : outcomes_) sum += Get(*chosen[r], c);
      if (!Near(sum, Get(*chosen[total_], c))) return false;
      if (received_ != kNone && carried_over_ != kNone && carried_forward_ != kNone) {
        double lhs = Get(*chosen[received_], c) + Get(*chosen[carried_over_], c);
        double rhs = Get(*chosen[total_], c) + Get(*chosen[carried_forward_], c);
        if (!Near(lhs, rhs)) return false;
      }
    }
    return true;
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);
  size_t received_ = kNone, carried_over_ = kNone, total_ = kNone, carried_forward_ = kNone;
  std::vector<size_t> outcomes_;
};

}  // namespace

std::vector<SplitOutcome> SolveFlattened(const std::string& table,
                                         const std::vector<SplitRow>& rows) {
  std::vector<SplitOutcome> out(rows.size());
  std::vector<std::vector<Candidate>> cands(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    const SplitRow& row = rows[r];
    SplitOutcome& o = out[r];
    size_t n = row.columns.size();
    o.values.assign(n, std::nullopt);
    o.candidates.assign(n, {});
    if (row.run.empty()) {
      cands[r].push_back({o.values, 0});
      o.valid_splits = o.after_row = 1;
      continue;
    }
    std::string_view run = row.run;
    double factor = 1;
    if (run.size() > 6 && run.substr(run.size() - 6) == "万元") {
      run.remove_suffix(6);
    } else if (run.size() > 3 && run.substr(run.size() - 3) == "元") {
      run.remove_suffix(3);
      factor = 1.0 / 10000;
    }
    // Cells printed empty vanish without a trace: splits that leave cells blank are candidates
    // too (ranked lower). Those without blanks come first, so that the cap on enumeration never
    // drops them; with blanks are tried too where no identity constrains the row (table 二), or
    // when no split without blanks satisfies the row's identity.
    std::vector<Values> splits = SplitEnumerator(row, run, factor, false).All();
    auto keep = [&](std::vector<Values>& found) {
      for (Values& v : found) {
        if (RowIdentityHolds(table, row, v)) {
          double p = Plausibility(table, row, v);
          cands[r].push_back({std::move(v), p});
        }
      }
    };
    o.valid_splits = splits.size();
    keep(splits);
    if (table == "proactive" || cands[r].empty()) {
      std::vector<Values> with_blanks;
      for (Values& v : SplitEnumerator(row, run, factor, true).All()) {
        if (std::any_of(v.begin(), v.end(), [](const auto& x) { return !x; })) {
          with_blanks.push_back(std::move(v));
        }
      }
      o.valid_splits += with_blanks.size();
      keep(with_blanks);
    }
    o.after_row = cands[r].size();
    if (cands[r].empty()) {
      o.problem = splits.empty()
                      ? "「" + row.run + "」 cannot be read as " + std::to_string(n) + " cells"
                      : "no split of 「" + row.run + "」 satisfies the row's total";
      cands[r].push_back({o.values, 0});  // blank: never a value read from garbage
    }
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
  std::vector<std::vector<size_t>> solutions;
  std::vector<size_t> pick(rows.size(), 0);
  bool joint = table == "requests" && leaves <= kMaxJointLeaves;
  if (joint) {
    RequestsIdentities identities(rows);
    std::vector<const Values*> chosen(rows.size());
    for (size_t r = 0; r < rows.size(); ++r) chosen[r] = &cands[r][0].values;
    // Depth-first over open rows; check the identities at each leaf.
    std::vector<size_t> idx(open.size(), 0);
    while (true) {
      for (size_t k = 0; k < open.size(); ++k) chosen[open[k]] = &cands[open[k]][idx[k]].values;
      if (identities.Holds(chosen)) {
        std::vector<size_t> s(rows.size(), 0);
        for (size_t k = 0; k < open.size(); ++k) s[open[k]] = idx[k];
        solutions.push_back(std::move(s));
        if (solutions.size() >= kMaxSolutions) break;
      }
      size_t k = 0;
      while (k < open.size() && ++idx[k] == cands[open[k]].size()) idx[k++] = 0;
      if (k == open.size()) break;
    }
  }
  if (solutions.empty()) {
    // No joint check (or none holds): each row on its own.
    std::vector<size_t> best(rows.size(), 0);
    for (size_t r = 0; r < rows.size(); ++r) {
      for (size_t i = 1; i < cands[r].size(); ++i) {
        if (cands[r][i].plausibility > cands[r][best[r]].plausibility) best[r] = i;
      }
    }
    for (size_t r = 0; r < rows.size(); ++r) {
      out[r].after_identities = cands[r].size();
      out[r].values = cands[r][best[r]].values;
      if (cands[r].size() > 1) {
        for (size_t c = 0; c < out[r].values.size(); ++c) {
          std::set<std::optional<double>> seen;
          for (const Candidate& cand : cands[r]) seen.insert(cand.values[c]);
          if (seen.size() > 1) out[r].candidates[c].assign(seen.begin(), seen.end());
        }
      }
      out[r].identities_failed = joint && !open.empty();
    }
    return out;
  }
  // Several joint solutions: the most plausible, with every value the others allow.
  size_t best = 0;
  double best_score = -1e300;
  for (size_t s = 0; s < solutions.size(); ++s) {
    double score = 0;
    for (size_t r = 0; r < rows.size(); ++r) score += cands[r][solutions[s][r]].plausibility;
    if (score > best_score + 1e-9) {
      best_score = score;
      best = s;
    }
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    std::set<size_t> distinct;
    for (const auto& s : solutions) distinct.insert(s[r]);
    out[r].after_identities = distinct.size();
    out[r].values = cands[r][solutions[best][r]].values;
    for (size_t c = 0; c < out[r].values.size(); ++c) {
      std::set<std::optional<double>> seen;
      for (size_t i : distinct) seen.insert(cands[r][i].values[c]);
      if (seen.size() > 1) out[r].candidates[c].assign(seen.begin(), seen.end());
    }
  }
  return out;
}

}  // namespace gongkai
