#include "figures/stats_reader.h"

#include <algorithm>

#include "figures/label_matcher.h"
#include "util/number.h"
#include "util/text.h"

namespace gongkai {
namespace {

constexpr std::string_view kUnits[] = {"条", "件",   "次", "篇", "万元", "元", "个",
                                       "人", "人次", "家", "项", "场",   "期", "份"};

bool IsUnit(std::string_view text) {
  return std::find(std::begin(kUnits), std::end(kUnits), text) != std::end(kUnits);
}

}  // namespace

bool FindStatsTable(const Document& doc, size_t* first_line) {
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    if (doc.lines[i].norm.find("统计指标") == std::string::npos) continue;
    int seen = 0;
    for (size_t j = i; j < doc.lines.size() && seen < 8; ++j) {
      if (Trim(doc.lines[j].norm).empty()) continue;
      ++seen;
      if (doc.lines[j].norm.find("统计数") != std::string::npos) {
        *first_line = i;
        return true;
      }
    }
  }
  return false;
}

TableGrid BuildTokenGrid(const std::string& table, const std::vector<SpanLine>& lines) {
  TableGrid grid;
  grid.table = table;
  grid.layout = Layout::kCellPerLine;
  for (const SpanLine& sl : lines) {
    std::string current;
    int spaces = 0;
    auto flush = [&]() {
      if (current.empty()) return;
      Cell cell = MakeCell(current, sl.line->number, sl.line->page);
      Row row;
      row.line = cell.line;
      row.page = cell.page;
      row.text = current;
      if (cell.kind == CellKind::kText) {
        row.labels.push_back(std::move(cell));
      } else {
        row.values.push_back(std::move(cell));
      }
      grid.rows.push_back(std::move(row));
      current.clear();
    };
    for (char c : sl.norm) {
      if (c == '\t' || c == ' ' || c == '|') {  // a pipe: cells joined as scraped tables print them
        spaces += c == ' ' ? 1 : 2;
        continue;
      }
      if (spaces >= 2) flush();
      spaces = 0;
      current.push_back(c);
    }
    flush();
  }
  return grid;
}

TableFigures ReadStats(const TableGrid& grid, const TableGrammar& grammar) {
  TableFigures out;
  out.table = grammar.table;
  out.template_id = grammar.template_id;
  std::vector<const Cell*> labels;  // text since the last value
  const Cell* unit = nullptr;
  std::string group;
  std::vector<bool> taken(grammar.rows.size(), false);
  std::vector<std::optional<Figure>> by_rule(grammar.rows.size());
  RuleIndex::Kinds scratch;
  int found = 0;
  for (const Row& row : grid.rows) {
    const Cell* cell = !row.labels.empty() ? &row.labels[0] : &row.values[0];
    if (cell->kind == CellKind::kText) {
      if (IsUnit(cell->key)) {
        unit = cell;
        continue;
      }
      const RuleIndex::Kinds& kinds = grammar.index.Match(cell->key, &scratch);
      std::span<const MatchKind> groups = grammar.index.List(kinds, TableGrammar::kGroupList);
      std::span<const MatchKind> headers = grammar.index.List(kinds, TableGrammar::kHeaderList);
      auto strict_group = std::find(groups.begin(), groups.end(), MatchKind::kStrict);
      if (strict_group != groups.end()) {
        group = grammar.groups[strict_group - groups.begin()].key;
        labels.clear();
        continue;
      }
      if (std::find(headers.begin(), headers.end(), MatchKind::kStrict) != headers.end()) continue;
      labels.push_back(cell);
      continue;
    }
    if (cell->kind != CellKind::kNumber && cell->kind != CellKind::kBlank) continue;
    // A value: the label cells before it name the indicator (the first one that matches; the
    // others are notes such as 「（不同渠道和方式公开相同信息计1条）」 or a label's wrapped tail).
    RuleHit hit;
    std::string printed;
    for (const Cell* l : labels) printed += l->text;
    for (bool similar : {false, true}) {
      for (const Cell* l : labels) {
        const RuleIndex::Kinds& kinds = grammar.index.Match(l->key, &scratch);
        hit = MatchLabel(grammar.rows, grammar.index.List(kinds, TableGrammar::kRowList), l->key,
                         group, taken, similar);
        if (hit.match != LabelMatch::kNone) break;
      }
      if (hit.match != LabelMatch::kNone) break;
    }
    if (hit.match == LabelMatch::kNone) {
      if (!labels.empty()) {
        Diagnostic d{Severity::kError, "row.unmatched",
                     "the indicator 「" + printed + "」 is not one of the 统计表's"};
        d.table = grammar.table;
        d.label = printed;
        d.line = cell->line;
        d.page = cell->page;
        out.diagnostics.push_back(std::move(d));
      }
      labels.clear();
      unit = nullptr;
      continue;
    }
    const Rule& rule = grammar.rows[hit.rule];
    if (!rule.group.empty()) group = rule.group;
    if (taken[hit.rule]) {
      Diagnostic d{Severity::kWarning, "row.duplicate",
                   "a second value for 「" + rule.official + "」; the first is kept"};
      d.key = grammar.FigureKey(rule, "");
      d.line = cell->line;
      out.diagnostics.push_back(std::move(d));
      labels.clear();
      unit = nullptr;
      continue;
    }
    taken[hit.rule] = true;
    ++found;
    Figure f;
    f.key = grammar.FigureKey(rule, "");
    f.provenance.rule = rule.id;
    f.provenance.line = cell->line;
    f.provenance.page = cell->page;
    f.provenance.cell = cell->text;
    f.provenance.text = printed + (unit ? "\t" + unit->text : "") + "\t" + cell->text;
    f.provenance.unit = unit ? unit->key : rule.unit;
    CellNumber n = ParseCellNumber(cell->text);
    if (n.kind == CellNumber::Kind::kNumber) {
      f.value = n.value;
      std::string printed_unit = unit ? unit->key : "";
      if (printed_unit == "元" && rule.unit == "万元") {
        f.value = n.value / 10000.0;
        f.provenance.unit = "万元";
        Diagnostic d{Severity::kInfo, "unit.converted", "「" + cell->text + "元」 stored in 万元"};
        d.key = f.key;
        d.line = cell->line;
        out.diagnostics.push_back(std::move(d));
      } else if (!printed_unit.empty() && printed_unit != rule.unit) {
        Diagnostic d{Severity::kWarning, "unit.unexpected",
                     "counted in 「" + printed_unit + "」, the 统计表 says 「" + rule.unit + "」"};
        d.key = f.key;
        d.line = cell->line;
        out.diagnostics.push_back(std::move(d));
      }
    } else {
      Diagnostic d{Severity::kInfo, "cell.blank", "the cell is printed empty"};
      d.key = f.key;
      d.line = cell->line;
      out.diagnostics.push_back(std::move(d));
    }
    if (hit.match != LabelMatch::kStrict) {
      Diagnostic d{Severity::kWarning, "row.fuzzy_label",
                   "printed label 「" + printed + "」 read as 「" + rule.official + "」 (" +
                       LabelMatchName(hit.match) + " match)"};
      d.key = f.key;
      d.label = printed;
      d.rule = rule.id;
      d.line = cell->line;
      out.diagnostics.push_back(std::move(d));
    }
    by_rule[hit.rule] = std::move(f);
    labels.clear();
    unit = nullptr;
  }
  for (size_t r = 0; r < grammar.rows.size(); ++r) {
    if (by_rule[r]) {
      out.figures.push_back(std::move(*by_rule[r]));
    } else if (found > 0) {
      Diagnostic d{Severity::kError, "row.missing",
                   "no value for 「" + grammar.rows[r].official + "」"};
      d.table = grammar.table;
      d.key = grammar.FigureKey(grammar.rows[r], "");
      out.diagnostics.push_back(std::move(d));
    }
  }
  if (found == 0) out.template_id.clear();
  out.score = found;
  out.complete = true;
  return out;
}

}  // namespace gongkai
