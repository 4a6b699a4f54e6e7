#include "audit/audit.h"

#include <cmath>
#include <map>
#include <optional>

#include "util/number.h"

namespace gongkai {
namespace {

constexpr const char* kColumns[] = {"natural", "commercial", "research", "nonprofit",
                                    "legal",   "other_org",  "total"};
constexpr const char* kApplicants[] = {"natural", "commercial", "research",
                                       "nonprofit", "legal", "other_org"};
// Rows of table 三 whose sum is （七）总计 (identity 2); "other" is the 2019 single row.
constexpr const char* kOutcomeRows[] = {
    "granted",
    "partial",
    "denied.state_secret",
    "denied.prohibited",
    "denied.security",
    "denied.third_party",
    "denied.internal",
    "denied.deliberative",
    "denied.enforcement",
    "denied.inquiry",
    "unavailable.not_held",
    "unavailable.needs_creation",
    "unavailable.unclear",
    "rejected.complaint",
    "rejected.duplicate",
    "rejected.publication",
    "rejected.excessive",
    "rejected.reconfirm",
    "other",
    "other.no_correction",
    "other.unpaid_fee",
    "other.other",
};

class FigureIndex {
 public:
  explicit FigureIndex(const std::vector<Figure>& figures) {
    for (const Figure& f : figures) map_[f.key] = &f;
  }
  bool Has(const std::string& key) const { return map_.count(key) > 0; }

  // Adds key's value to *sum (blank as 0, noted). False if the key is absent.
  bool Add(const std::string& key, double* sum, std::vector<std::string>* blanks) const {
    auto it = map_.find(key);
    if (it == map_.end()) return false;
    if (it->second->value) {
      *sum += *it->second->value;
    } else {
      blanks->push_back(key);
    }
    return true;
  }

  const std::map<std::string, const Figure*>& all() const { return map_; }

 private:
  std::map<std::string, const Figure*> map_;
};

bool Equal(double a, double b) { return std::fabs(a - b) < 1e-6; }

void CheckSum(const FigureIndex& index, const std::string& rule, const std::string& row,
              const std::string& column, const std::vector<std::string>& lhs_keys,
              const std::vector<std::string>& rhs_keys, std::vector<Finding>* out) {
  Finding f;
  f.rule = rule;
  f.row = row;
  f.column = column;
  for (const std::string& k : lhs_keys) {
    if (!index.Add(k, &f.lhs, &f.blank_keys)) return;
  }
  int present = 0;
  for (const std::string& k : rhs_keys) present += index.Add(k, &f.rhs, &f.blank_keys) ? 1 : 0;
  if (present == 0) return;
  f.ok = Equal(f.lhs, f.rhs);
  out->push_back(std::move(f));
}

}  // namespace

std::vector<Finding> Audit(const std::vector<Figure>& figures) {
  std::vector<Finding> out;
  FigureIndex index(figures);
  const std::string r = "requests.";
  if (index.Has(r + "total.total")) {
    for (const char* c : kColumns) {
      CheckSum(index, "requests.balance", "", c, {r + "received." + c, r + "carried_over." + c},
               {r + "total." + c, r + "carried_forward." + c}, &out);
    }
    for (const char* c : kColumns) {
      std::vector<std::string> parts;
      for (const char* row : kOutcomeRows) {
        std::string key = r + row + "." + c;
        if (index.Has(key)) parts.push_back(key);
      }
      CheckSum(index, "requests.outcomes", "", c, {r + "total." + c}, parts, &out);
    }
    std::vector<std::string> rows = {"received", "carried_over"};
    rows.insert(rows.end(), std::begin(kOutcomeRows), std::end(kOutcomeRows));
    rows.push_back("total");
    rows.push_back("carried_forward");
    for (const std::string& row : rows) {
      if (!index.Has(r + row + ".total")) continue;
      std::vector<std::string> parts;
      for (const char* c : kApplicants) parts.push_back(r + row + "." + c);
      CheckSum(index, "requests.row_total", row, "total", {r + row + ".total"}, parts, &out);
    }
  }
  for (const char* group : {"review", "suit_direct", "suit_after_review"}) {
    std::string p = std::string("appeals.") + group + ".";
    if (!index.Has(p + "total")) continue;
    CheckSum(index, "appeals." + std::string(group) + ".total", group, "total", {p + "total"},
             {p + "upheld", p + "corrected", p + "other", p + "pending"}, &out);
  }
  for (const auto& [key, figure] : index.all()) {
    if (!figure->value) continue;
    double v = *figure->value;
    bool is_change = key.size() > 7 && key.compare(key.size() - 7, 7, ".change") == 0;
    bool is_amount = key.size() > 7 && key.compare(key.size() - 7, 7, ".amount") == 0;
    if (v < 0 && !is_change) {
      Finding f;
      f.rule = "values.non_negative";
      f.row = key;
      f.ok = false;
      f.lhs = v;
      out.push_back(std::move(f));
    }
    if (!is_amount && v != std::trunc(v)) {
      Finding f;
      f.rule = "values.integer";
      f.row = key;
      f.ok = false;
      f.lhs = v;
      f.rhs = std::trunc(v);
      out.push_back(std::move(f));
    }
  }
  return out;
}

std::string DumpAudit(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += std::string(f.ok ? "ok   " : "FAIL ") + f.rule + " row=" + f.row +
           " column=" + f.column + " lhs=" + FormatNumber(f.lhs) + " rhs=" + FormatNumber(f.rhs);
    if (!f.blank_keys.empty()) out += " blanks=" + std::to_string(f.blank_keys.size());
    out += "\n";
  }
  return out;
}

}  // namespace gongkai
