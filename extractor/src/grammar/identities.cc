#include "grammar/identities.h"

#include <algorithm>
#include <cstdint>
#include <set>
#include <sstream>

#define TOML_EXCEPTIONS 1
#include <toml++/toml.h>

#include "grammar/grammar.h"
#include "util/number.h"

namespace gongkai {
namespace {

constexpr std::string_view kExpansions[] = {"column", "row", "block"};

std::vector<std::string> Strings(const toml::node_view<const toml::node>& node) {
  std::vector<std::string> out;
  if (const toml::array* array = node.as_array()) {
    for (const toml::node& item : *array) {
      if (auto s = item.value<std::string>()) out.push_back(*s);
    }
  }
  return out;
}

// The names of the {placeholders} in text.
std::set<std::string> PlaceholdersIn(const std::string& text) {
  std::set<std::string> out;
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    out.insert(text.substr(open + 1, close - open - 1));
  }
  return out;
}

std::string Replace(std::string text, const std::string& placeholder, const std::string& value) {
  if (placeholder.empty()) return text;
  std::string token = "{" + placeholder + "}";
  for (size_t at = text.find(token); at != std::string::npos; at = text.find(token, at)) {
    text.replace(at, token.size(), value);
    at += value.size();
  }
  return text;
}

// A term as written: "-" subtracts it, "previous:" reads last year's report.
FilingTerm ParseTerm(std::string_view text) {
  FilingTerm term;
  if (!text.empty() && text[0] == '-') {
    term.negative = true;
    text.remove_prefix(1);
  }
  constexpr std::string_view kPrevious = "previous:";
  if (text.substr(0, kPrevious.size()) == kPrevious) {
    term.previous_year = true;
    text.remove_prefix(kPrevious.size());
  }
  term.key = std::string(text);
  return term;
}

std::string TableOf(const std::string& key) { return key.substr(0, key.find('.')); }

// N of an evidence placeholder lhsN or rhsN; SIZE_MAX when it is none.
size_t TermIndex(const std::string& name) {
  if (name.size() < 4 || name.size() > 6) return SIZE_MAX;
  size_t index = 0;
  for (char c : name.substr(3)) {
    if (c < '0' || c > '9') return SIZE_MAX;
    index = index * 10 + static_cast<size_t>(c - '0');
  }
  return index;
}

// One [[identity]] or [[across_filings]] entry as written, before expansion.
struct Entry {
  std::string rule, row, column, evidence;
  std::vector<std::string> lhs, rhs;
  const TableGrammar* table = nullptr;
  std::string placeholder;          // column, row, block or "" (none)
  std::vector<std::string> values;  // what the placeholder stands for
};

class IdentityReader {
 public:
  IdentityReader(const std::string& file, const std::vector<const TableGrammar*>& tables,
                 Error* error)
      : file_(file), tables_(tables), error_(error) {
    for (const TableGrammar* t : tables_) {
      for (const std::string& k : t->FigureKeys()) keys_.insert(k);
    }
  }

  bool Read(const toml::table& doc, TemplateIdentities* out) {
    out->template_id = doc["template"].value_or(std::string());
    if (out->template_id.empty()) return Fail("needs template =");
    ReadValueKinds(out);
    return ReadIdentityList(doc, out) && ReadValueRules(doc, out) && ReadFilingList(doc, out);
  }

 private:
  bool Fail(const std::string& what) {
    *error_ = {"grammar.invalid", file_ + ": " + what};
    return false;
  }

  void ReadValueKinds(TemplateIdentities* out) const {
    for (const TableGrammar* t : tables_) {
      for (const Rule& row : t->rows) {
        for (const std::string& c : t->RowColumns(row)) {
          if (row.IsSigned(c)) out->signed_keys.insert(t->FigureKey(row, c));
          if (row.IsAmount(c)) out->amount_keys.insert(t->FigureKey(row, c));
        }
      }
    }
  }

  bool ReadIdentityList(const toml::table& doc, TemplateIdentities* out) {
    const toml::array* list = doc["identity"].as_array();
    for (size_t i = 0; list && i < list->size(); ++i) {
      Entry e;
      if (!ReadEntry((*list)[i], "identity", &e)) return false;
      const toml::table& t = *(*list)[i].as_table();
      for (const std::string& v : e.values) {
        Identity id;
        id.rule = Replace(e.rule, e.placeholder, v);
        id.row = Replace(e.row, e.placeholder, v);
        id.column = Replace(e.column, e.placeholder, v);
        id.table = e.table->table;
        id.first_part_likeliest = t["first_part_likeliest"].value_or(false);
        for (const std::string& k : e.lhs) id.lhs.push_back(Replace(k, e.placeholder, v));
        for (const std::string& k : e.rhs) id.rhs.push_back(Replace(k, e.placeholder, v));
        std::vector<std::string> all = id.lhs;
        all.insert(all.end(), id.rhs.begin(), id.rhs.end());
        for (const std::string& k : all) {
          if (k.find_first_of("-:") != std::string::npos) {
            return Fail(id.rule + ": 「" + k + "」: in a report, identities are plain sums");
          }
          if (!CheckKey(id.rule, k)) return false;
        }
        out->identities.push_back(std::move(id));
      }
    }
    return true;
  }

  bool ReadValueRules(const toml::table& doc, TemplateIdentities* out) {
    const toml::array* list = doc["value_rule"].as_array();
    for (size_t i = 0; list && i < list->size(); ++i) {
      const toml::table* t = (*list)[i].as_table();
      if (!t) return Fail("[[value_rule]] entries must be tables");
      ValueRule rule;
      rule.rule = (*t)["rule"].value_or(std::string());
      std::string check = (*t)["check"].value_or(std::string());
      if (rule.rule.empty()) return Fail("a [[value_rule]] lacks its rule");
      if (check == "non_negative") {
        rule.check = ValueRule::Check::kNonNegative;
      } else if (check == "integer") {
        rule.check = ValueRule::Check::kInteger;
      } else {
        return Fail(rule.rule + ": check is non_negative or integer, not 「" + check + "」");
      }
      out->value_rules.push_back(std::move(rule));
    }
    return true;
  }

  bool ReadFilingList(const toml::table& doc, TemplateIdentities* out) {
    const toml::array* list = doc["across_filings"].as_array();
    for (size_t i = 0; list && i < list->size(); ++i) {
      Entry e;
      if (!ReadEntry((*list)[i], "across_filings", &e)) return false;
      if (e.evidence.empty()) return Fail(e.rule + ": needs evidence =");
      if (!CheckEvidence(e)) return false;
      for (const std::string& v : e.values) {
        FilingIdentity id;
        id.rule = Replace(e.rule, e.placeholder, v);
        id.row = Replace(e.row, e.placeholder, v);
        id.column = Replace(e.column, e.placeholder, v);
        id.evidence = Replace(e.evidence, e.placeholder, v);
        id.warning = (*(*list)[i].as_table())["warning"].value_or(false);
        for (const std::string& k : e.lhs)
          id.lhs.push_back(ParseTerm(Replace(k, e.placeholder, v)));
        for (const std::string& k : e.rhs)
          id.rhs.push_back(ParseTerm(Replace(k, e.placeholder, v)));
        for (const auto* side : {&id.lhs, &id.rhs}) {
          for (const FilingTerm& term : *side) {
            if (!CheckKey(id.rule, term.key)) return false;
          }
        }
        out->filing_identities.push_back(std::move(id));
      }
    }
    return true;
  }

  // The fields an [[identity]] and an [[across_filings]] entry share, and what its one
  // placeholder stands for.
  bool ReadEntry(const toml::node& node, const std::string& kind, Entry* e) {
    const toml::table* t = node.as_table();
    if (!t) return Fail("[[" + kind + "]] entries must be tables");
    e->rule = (*t)["rule"].value_or(std::string());
    e->row = (*t)["row"].value_or(std::string());
    e->column = (*t)["column"].value_or(std::string());
    e->evidence = (*t)["evidence"].value_or(std::string());
    e->lhs = Strings((*t)["lhs"]);
    e->rhs = Strings((*t)["rhs"]);
    if (e->rule.empty()) return Fail("an [[" + kind + "]] lacks its rule");
    if (e->lhs.empty() || e->rhs.empty()) return Fail(e->rule + ": needs lhs and rhs");
    std::string table = TableOf(ParseTerm(e->lhs[0]).key);
    for (const TableGrammar* g : tables_) {
      if (g->table == table) e->table = g;
    }
    if (!e->table) return Fail(e->rule + ": the template has no table 「" + table + "」");
    return FindPlaceholder(*t, e);
  }

  bool FindPlaceholder(const toml::table& t, Entry* e) {
    std::set<std::string> names;
    std::vector<std::string> texts = {e->rule, e->row, e->column};
    texts.insert(texts.end(), e->lhs.begin(), e->lhs.end());
    texts.insert(texts.end(), e->rhs.begin(), e->rhs.end());
    for (const std::string& text : texts) {
      for (const std::string& name : PlaceholdersIn(text)) {
        if (std::find(std::begin(kExpansions), std::end(kExpansions), name) ==
            std::end(kExpansions)) {
          return Fail(e->rule + ": unknown placeholder {" + name + "}");
        }
        names.insert(name);
      }
    }
    if (names.size() > 1) return Fail(e->rule + ": one placeholder per identity");
    if (names.empty()) {
      e->values = {""};
      return true;
    }
    e->placeholder = *names.begin();
    e->values = Strings(t[e->placeholder + "s"]);  // columns = [...], rows = [...], blocks = [...]
    if (e->values.empty()) {
      const std::vector<Rule>& rules = e->placeholder == "column" ? e->table->columns
                                       : e->placeholder == "row"  ? e->table->rows
                                                                  : e->table->blocks;
      for (const Rule& r : rules) e->values.push_back(r.key);
    }
    if (e->values.empty()) {
      return Fail(e->rule + ": table " + e->table->table + " has no " + e->placeholder + "s");
    }
    return true;
  }

  bool CheckKey(const std::string& rule, const std::string& key) {
    if (keys_.count(key)) return true;
    return Fail(rule + ": 「" + key + "」 is no figure of the template's tables");
  }

  bool CheckEvidence(const Entry& e) {
    for (const std::string& name : PlaceholdersIn(e.evidence)) {
      if (name == e.placeholder || name == "year" || name == "previous_year" || name == "sources" ||
          name == "previous_sources") {
        continue;
      }
      size_t terms = name.rfind("lhs", 0) == 0   ? e.lhs.size()
                     : name.rfind("rhs", 0) == 0 ? e.rhs.size()
                                                 : 0;
      size_t index = TermIndex(name);
      if (index >= terms) return Fail(e.rule + ": evidence names {" + name + "}, no term");
    }
    return true;
  }

  const std::string& file_;
  const std::vector<const TableGrammar*>& tables_;
  Error* error_;
  std::unordered_set<std::string> keys_;
};

}  // namespace

bool ReadIdentities(const std::string& file, const std::string& content,
                    const std::vector<const TableGrammar*>& tables, TemplateIdentities* out,
                    Error* error) {
  toml::table doc;
  try {
    doc = toml::parse(content, file);
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << file << ":" << e.source().begin.line << ": " << e.description();
    *error = {"grammar.invalid", msg.str()};
    return false;
  }
  return IdentityReader(file, tables, error).Read(doc, out);
}

std::string FormatEvidence(const FilingIdentity& identity, int year, const std::string& sources,
                           const std::string& previous_sources, const std::vector<double>& lhs,
                           const std::vector<double>& rhs) {
  const std::string& text = identity.evidence;
  std::string out;
  size_t pos = 0;
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', pos)) {
    size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    out.append(text, pos, open - pos);
    std::string name = text.substr(open + 1, close - open - 1);
    if (name == "year") {
      out += std::to_string(year);
    } else if (name == "previous_year") {
      out += std::to_string(year - 1);
    } else if (name == "sources") {
      out += sources;
    } else if (name == "previous_sources") {
      out += previous_sources;
    } else {
      const std::vector<double>& side = name.rfind("lhs", 0) == 0 ? lhs : rhs;
      size_t i = TermIndex(name);  // checked at load
      out += i < side.size() ? FormatNumber(side[i]) : "{" + name + "}";
    }
    pos = close + 1;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

}  // namespace gongkai
