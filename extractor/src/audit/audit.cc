#include "audit/audit.h"

#include <cmath>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "util/number.h"

namespace gongkai {
namespace {

using FigureIndex = std::unordered_map<std::string_view, const Figure*>;

bool Equal(double a, double b) { return std::fabs(a - b) < 1e-6; }

// Adds a key's value to *side (a blank as 0, noted in the finding); false when the key is absent.
bool Add(const FigureIndex& index, const std::string& key, Finding* f, double* side) {
  auto it = index.find(key);
  if (it == index.end()) return false;
  if (it->second->value) {
    *side += *it->second->value;
  } else {
    f->blank_keys.push_back(key);
  }
  return true;
}

// One identity on the figures; nothing when a left-hand key or every right-hand key is absent.
std::optional<Finding> Check(const Identity& id, const FigureIndex& index) {
  Finding f;
  f.rule = id.rule;
  f.row = id.row;
  f.column = id.column;
  for (const std::string& k : id.lhs) {
    if (!Add(index, k, &f, &f.lhs)) return std::nullopt;
  }
  int present = 0;
  for (const std::string& k : id.rhs) present += Add(index, k, &f, &f.rhs) ? 1 : 0;
  if (present == 0) return std::nullopt;
  f.ok = Equal(f.lhs, f.rhs);
  return f;
}

// The failures of the template's value rules on one figure.
void CheckValue(const Figure& figure, const TemplateIdentities& ids, std::vector<Finding>* out) {
  if (!figure.value) return;
  double v = *figure.value;
  for (const ValueRule& rule : ids.value_rules) {
    Finding f;
    f.rule = rule.rule;
    f.row = figure.key;
    f.ok = false;
    f.lhs = v;
    if (rule.check == ValueRule::Check::kNonNegative) {
      if (v >= 0 || ids.signed_keys.count(figure.key)) continue;
    } else {
      if (v == std::trunc(v) || ids.amount_keys.count(figure.key)) continue;
      f.rhs = std::trunc(v);
    }
    out->push_back(std::move(f));
  }
}

}  // namespace

std::vector<Finding> Audit(const std::vector<Figure>& figures,
                           const std::vector<std::pair<std::string, std::string>>& tables,
                           const GrammarSet& grammars) {
  std::vector<Finding> out;
  FigureIndex index;
  index.reserve(figures.size() * 2);
  for (const Figure& f : figures) index.emplace(f.key, &f);
  std::unordered_map<std::string_view, const TemplateIdentities*> by_table;
  for (const auto& [table, template_id] : tables) {
    const TemplateIdentities* ids = grammars.identities(template_id);
    if (!ids) continue;
    by_table.emplace(table, ids);
    for (const Identity& id : ids->identities) {
      if (id.table != table) continue;
      if (std::optional<Finding> f = Check(id, index)) out.push_back(std::move(*f));
    }
  }
  for (const Figure& figure : figures) {
    auto it = by_table.find(std::string_view(figure.key).substr(0, figure.key.find('.')));
    if (it != by_table.end()) CheckValue(figure, *it->second, &out);
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
