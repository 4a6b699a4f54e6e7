#include "audit/audit.h"

#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "util/number.h"

namespace gongkai {
namespace {

constexpr const char* kColumns[] = {"natural", "commercial", "research", "nonprofit",
                                    "legal",   "other_org",  "total"};
constexpr const char* kApplicants[] = {"natural",   "commercial", "research",
                                       "nonprofit", "legal",      "other_org"};
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

// One identity: lhs keys must all be present; rhs keys count when present (a template lacks
// some rows, e.g. 2019's single "other"), and at least one must be.
struct Identity {
  std::string rule;
  std::string row;
  std::string column;
  std::vector<std::string> lhs;
  std::vector<std::string> rhs;
};

// Identities 1–4 of FORMATS.md, built once.
const std::vector<Identity>& Identities() {
  static const std::vector<Identity> identities = [] {
    std::vector<Identity> out;
    const std::string r = "requests.";
    for (const char* c : kColumns) {
      out.push_back({"requests.balance",
                     "",
                     c,
                     {r + "received." + c, r + "carried_over." + c},
                     {r + "total." + c, r + "carried_forward." + c}});
    }
    for (const char* c : kColumns) {
      Identity id{"requests.outcomes", "", c, {r + "total." + c}, {}};
      for (const char* row : kOutcomeRows) id.rhs.push_back(r + row + "." + c);
      out.push_back(std::move(id));
    }
    std::vector<std::string> rows = {"received", "carried_over"};
    rows.insert(rows.end(), std::begin(kOutcomeRows), std::end(kOutcomeRows));
    rows.push_back("total");
    rows.push_back("carried_forward");
    for (const std::string& row : rows) {
      Identity id{"requests.row_total", row, "total", {r + row + ".total"}, {}};
      for (const char* c : kApplicants) id.rhs.push_back(r + row + "." + c);
      out.push_back(std::move(id));
    }
    for (const char* group : {"review", "suit_direct", "suit_after_review"}) {
      std::string p = std::string("appeals.") + group + ".";
      out.push_back({p + "total",
                     group,
                     "total",
                     {p + "total"},
                     {p + "upheld", p + "corrected", p + "other", p + "pending"}});
    }
    return out;
  }();
  return identities;
}

bool Equal(double a, double b) { return std::fabs(a - b) < 1e-6; }

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() > suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

std::vector<Finding> Audit(const std::vector<Figure>& figures) {
  std::vector<Finding> out;
  std::unordered_map<std::string_view, const Figure*> index;
  index.reserve(figures.size() * 2);
  for (const Figure& f : figures) index.emplace(f.key, &f);
  // Adds a key's value (blank as 0, noted); false when the key is absent.
  auto add = [&](const std::string& key, Finding* f, double* side) {
    auto it = index.find(key);
    if (it == index.end()) return false;
    if (it->second->value) {
      *side += *it->second->value;
    } else {
      f->blank_keys.push_back(key);
    }
    return true;
  };
  for (const Identity& id : Identities()) {
    Finding f;
    f.rule = id.rule;
    f.row = id.row;
    f.column = id.column;
    bool complete = true;
    for (const std::string& k : id.lhs) complete &= add(k, &f, &f.lhs);
    if (!complete) continue;
    int present = 0;
    for (const std::string& k : id.rhs) present += add(k, &f, &f.rhs) ? 1 : 0;
    if (present == 0) continue;
    f.ok = Equal(f.lhs, f.rhs);
    out.push_back(std::move(f));
  }
  for (const Figure& figure : figures) {
    if (!figure.value) continue;
    double v = *figure.value;
    if (v < 0 && !EndsWith(figure.key, ".change")) {
      Finding f;
      f.rule = "values.non_negative";
      f.row = figure.key;
      f.ok = false;
      f.lhs = v;
      out.push_back(std::move(f));
    }
    if (!EndsWith(figure.key, ".amount") && v != std::trunc(v)) {
      Finding f;
      f.rule = "values.integer";
      f.row = figure.key;
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
