#include "audit/prose_audit.h"

#include <cmath>
#include <optional>
#include <string_view>

#include "util/number.h"

namespace gongkai {
namespace {

// A prose key and the table figures that hold the same count, per template: the first template
// whose figures the record has is compared (a sum where the table splits the count).
struct Counterpart {
  std::string_view prose;
  std::vector<std::vector<std::string_view>> tables;
};

const std::vector<Counterpart>& Counterparts() {
  static const std::vector<Counterpart> kCounterparts = {
      {"prose.requests.received", {{"requests.received.total"}, {"stats.requests.received.total"}}},
      {"prose.requests.completed", {{"requests.total.total"}, {"stats.requests.completed.total"}}},
      {"prose.proactive.items", {{"stats.proactive.published"}}},
      {"prose.appeals.review", {{"appeals.review.total"}, {"stats.review.total"}}},
      {"prose.appeals.suit",
       {{"appeals.suit_direct.total", "appeals.suit_after_review.total"}, {"stats.suit.total"}}},
      {"prose.responses.press_conferences", {{"stats.responses.press_conferences"}}},
      {"prose.responses.interpretations", {{"stats.responses.interpretations"}}},
      {"prose.fees.amount", {{"stats.fees"}}},
  };
  return kCounterparts;
}

const Figure* FindKey(const std::vector<Figure>& figures, std::string_view key) {
  for (const Figure& f : figures) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

// The table's value for one template (blank cells as 0), and the figure it came from; nullopt
// when the record lacks one of the keys.
std::optional<double> TableValue(const std::vector<Figure>& figures,
                                 const std::vector<std::string_view>& keys, const Figure** first) {
  double sum = 0;
  for (std::string_view key : keys) {
    const Figure* f = FindKey(figures, key);
    if (!f) return std::nullopt;
    if (!*first) *first = f;
    sum += f->value.value_or(0);
  }
  return sum;
}

Diagnostic Mismatch(const ProseFigure& p, double table, const Figure& figure,
                    const std::vector<std::string_view>& keys) {
  Diagnostic d;
  d.severity = Severity::kWarning;
  d.code = "prose.table_mismatch";
  d.key = p.key;
  d.page = p.page;
  d.line = p.line;
  std::string names;
  for (std::string_view k : keys) names += (names.empty() ? "" : " + ") + std::string(k);
  d.label = names;
  d.message = "the text states " + FormatNumber(p.value) + " (「" + p.text + "」), the table " +
              FormatNumber(table) + " (" + names + ")";
  d.values = {p.value, table};
  Provenance prose;
  prose.page = p.page;
  prose.line = p.line;
  prose.text = p.text;
  prose.rule = p.rule;
  prose.unit = p.unit;
  d.provenances = {prose, figure.provenance};
  return d;
}

}  // namespace

std::vector<Diagnostic> ProseAgainstTables(const std::vector<ProseFigure>& prose,
                                           const std::vector<Figure>& figures) {
  std::vector<Diagnostic> out;
  for (const ProseFigure& p : prose) {
    for (const Counterpart& c : Counterparts()) {
      if (c.prose != p.key) continue;
      for (const auto& keys : c.tables) {
        const Figure* first = nullptr;
        std::optional<double> table = TableValue(figures, keys, &first);
        if (!table) continue;
        // 「430余条」 says at least 430, and less than the next round figure.
        bool same = p.approximate ? *table >= p.value && *table < p.value * 1.1 + 1
                                  : std::fabs(*table - p.value) < 1e-9;
        if (!same) out.push_back(Mismatch(p, *table, *first, keys));
        break;
      }
    }
  }
  return out;
}

}  // namespace gongkai
