#include "grammar/grammar.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#define TOML_EXCEPTIONS 1
#include <toml++/toml.h>

#include "grammar/embedded.h"
#include "normalize/normalize.h"
#include "util/text.h"

namespace gongkai {
namespace {

// A template's identities file, beside its table files: "<template>/identities.toml".
constexpr std::string_view kIdentities = "/identities.toml";

RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  return options;
}

// Compiles a pattern or explains why it does not compile.
std::unique_ptr<RE2> Compile(const std::string& pattern, const std::string& where, Error* error) {
  auto re = std::make_unique<RE2>(pattern, PatternOptions());
  if (!re->ok()) {
    *error = {"grammar.bad_pattern", where + ": " + re->error() + " in '" + pattern + "'"};
    return nullptr;
  }
  return re;
}

std::vector<std::string> StringList(const toml::node_view<const toml::node>& node) {
  std::vector<std::string> out;
  if (const toml::array* array = node.as_array()) {
    for (const toml::node& item : *array) {
      if (auto s = item.value<std::string>()) out.push_back(*s);
    }
  }
  return out;
}

// The official label as the similarity match compares it (see Rule::official_core).
std::u32string OfficialCore(const std::string& official) {
  static const RE2 kEnumeration(
      R"(^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、]))");
  std::string key = StripSpaces(Normalizer().Normalize(official));
  re2::StringPiece rest(key);
  for (int i = 0; i < 3 && RE2::Consume(&rest, kEnumeration); ++i) {
  }
  return ToCodePoints(std::string_view(rest.data(), rest.size()));
}

// Reads the fields every rule shares. Fails when the id or pattern is missing.
bool ReadRule(const toml::table& t, const std::string& file, const std::string& id_prefix,
              Rule* rule, Error* error) {
  std::string id = t["id"].value_or(std::string());
  if (id.empty()) id = t["key"].value_or(std::string());
  std::string pattern = t["pattern"].value_or(std::string());
  if (id.empty() || pattern.empty()) {
    *error = {"grammar.invalid", file + ": a rule lacks its id or pattern"};
    return false;
  }
  rule->id = id_prefix + id;
  rule->key = t["key"].value_or(t["name"].value_or(id));
  rule->official = t["official"].value_or(std::string());
  rule->group = t["group"].value_or(std::string());
  rule->needs_group = t["needs_group"].value_or(false);
  rule->template_specific = t["template_specific"].value_or(false);
  rule->columns = StringList(t["columns"]);
  rule->amount_columns = StringList(t["amount_columns"]);
  rule->signed_columns = StringList(t["signed_columns"]);
  rule->unit = t["unit"].value_or(std::string());
  rule->official_core = OfficialCore(rule->official);
  rule->examples = StringList(t["examples"]);
  rule->tolerant_examples = StringList(t["tolerant_examples"]);
  rule->counterexamples = StringList(t["counterexamples"]);
  std::string where = file + " " + rule->id;
  rule->strict = Compile(pattern, where, error);
  if (!rule->strict) return false;
  for (const std::string& p : StringList(t["tolerant"])) {
    auto re = Compile(p, where, error);
    if (!re) return false;
    rule->tolerant.push_back(std::move(re));
  }
  return true;
}

bool ReadRules(const toml::table& doc, const char* name, const std::string& file,
               const std::string& id_prefix, std::vector<Rule>* rules, Error* error) {
  const toml::array* array = doc[name].as_array();
  if (!array) return true;
  for (const toml::node& node : *array) {
    const toml::table* t = node.as_table();
    if (!t) {
      *error = {"grammar.invalid", file + ": [[" + name + "]] entries must be tables"};
      return false;
    }
    Rule rule;
    if (!ReadRule(*t, file, id_prefix, &rule, error)) return false;
    rules->push_back(std::move(rule));
  }
  return true;
}

bool BuildScanner(TableGrammar* grammar, Error* error);

bool ReadTable(const toml::table& doc, const std::string& file, TableGrammar* grammar,
               Error* error) {
  grammar->table = doc["table"].value_or(std::string());
  grammar->template_id = doc["template"].value_or(std::string());
  if (grammar->table.empty() || grammar->template_id.empty()) {
    *error = {"grammar.invalid", file + ": needs table = and template ="};
    return false;
  }
  std::string prefix = grammar->template_id + ":";
  if (!ReadRules(doc, "column", file, prefix + "column.", &grammar->columns, error) ||
      !ReadRules(doc, "header", file, prefix, &grammar->headers, error) ||
      !ReadRules(doc, "group", file, prefix, &grammar->groups, error) ||
      !ReadRules(doc, "row", file, prefix, &grammar->rows, error) ||
      !ReadRules(doc, "block", file, prefix, &grammar->blocks, error)) {
    return false;
  }
  for (Rule& row : grammar->rows) {
    if (!row.columns.empty()) continue;
    for (const Rule& c : grammar->columns) row.columns.push_back(c.key);
  }
  return grammar->index.Build({&grammar->headers, &grammar->groups, &grammar->rows,
                               &grammar->blocks, &grammar->columns},
                              error) &&
         BuildScanner(grammar, error);
}

bool ReadReportRule(const toml::table& doc, const char* name, const std::string& file, Rule* rule,
                    Error* error) {
  const toml::table* t = doc[name].as_table();
  if (!t) {
    *error = {"grammar.invalid", file + ": missing [" + std::string(name) + "]"};
    return false;
  }
  toml::table copy = *t;
  copy.insert_or_assign("id", std::string(name));
  return ReadRule(copy, file, "report:", rule, error);
}

// report.toml: one rule per piece of the report's metadata.
bool ReadReportRules(const toml::table& doc, const std::string& name, ReportRules* r,
                     Error* error) {
  return ReadReportRule(doc, "title", name, &r->title, error) &&
         ReadReportRule(doc, "title_year_first", name, &r->title_year_first, error) &&
         ReadReportRule(doc, "period", name, &r->period, error) &&
         ReadReportRule(doc, "signature_date", name, &r->signature_date, error) &&
         ReadReportRule(doc, "agency_phrase", name, &r->agency_phrase, error) &&
         ReadReportRule(doc, "opening", name, &r->opening, error) &&
         ReadReportRule(doc, "agency", name, &r->agency, error) &&
         ReadReportRule(doc, "table_replaced", name, &r->table_replaced, error) &&
         ReadReportRule(doc, "title_inline", name, &r->title_inline, error) &&
         ReadReportRule(doc, "date", name, &r->date, error) &&
         ReadReportRule(doc, "period_words", name, &r->period_words, error) &&
         ReadReportRule(doc, "statistics_time", name, &r->statistics_time, error) &&
         ReadReportRule(doc, "short_agency", name, &r->short_agency, error) &&
         ReadReportRule(doc, "place", name, &r->place, error) &&
         ReadReportRule(doc, "agency_field", name, &r->agency_field, error) &&
         ReadReportRule(doc, "link", name, &r->link, error);
}

// The pattern without ^ and $ anchors (outside character classes), to find it inside text.
std::string Unanchored(const std::string& pattern) {
  std::string out;
  bool escape = false;
  bool in_class = false;
  for (char c : pattern) {
    if (escape) {
      out.push_back(c);
      escape = false;
      continue;
    }
    if (c == '\\') {
      escape = true;
      out.push_back(c);
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out.push_back(c);
      continue;
    }
    if (c == '[') in_class = true;
    if (c == '^' || c == '$') continue;
    out.push_back(c);
  }
  return out;
}

bool BuildScanner(TableGrammar* grammar, Error* error) {
  std::string alternation;
  for (const auto* rules :
       {&grammar->headers, &grammar->groups, &grammar->rows, &grammar->blocks, &grammar->columns}) {
    for (const Rule& r : *rules) {
      if (!alternation.empty()) alternation += "|";
      alternation += "(?:" + Unanchored(r.strict->pattern()) + ")";
    }
  }
  RE2::Options options = PatternOptions();
  options.set_longest_match(true);
  grammar->scanner = std::make_unique<RE2>(alternation.empty() ? "$^" : alternation, options);
  if (!grammar->scanner->ok()) {
    *error = {"grammar.bad_pattern", grammar->template_id + "/" + grammar->table +
                                         " scanner: " + grammar->scanner->error()};
    return false;
  }
  return true;
}

}  // namespace

bool RuleIndex::Build(std::vector<const std::vector<Rule>*> lists, Error* error) {
  lists_ = std::move(lists);
  owners_.clear();
  offsets_.clear();
  known_.clear();
  total_ = 0;
  set_ = std::make_unique<RE2::Set>(PatternOptions(), RE2::UNANCHORED);
  std::string err;
  for (size_t l = 0; l < lists_.size(); ++l) {
    offsets_.push_back(total_);
    const std::vector<Rule>& rules = *lists_[l];
    total_ += rules.size();
    for (size_t r = 0; r < rules.size(); ++r) {
      auto add = [&](const RE2& re, bool strict) {
        if (set_->Add(re.pattern(), &err) < 0) {
          *error = {"grammar.bad_pattern", rules[r].id + ": " + err};
          return false;
        }
        owners_.push_back({static_cast<int>(l), static_cast<int>(r), strict});
        return true;
      };
      if (!add(*rules[r].strict, true)) return false;
      for (const auto& t : rules[r].tolerant) {
        if (!add(*t, false)) return false;
      }
    }
  }
  if (owners_.empty()) {
    set_.reset();
  } else if (!set_->Compile()) {
    *error = {"grammar.too_large", "the patterns do not fit RE2's memory budget"};
    return false;
  }
  for (const auto* rules : lists_) {
    for (const Rule& r : *rules) {
      std::vector<std::string> labels = r.examples;
      labels.insert(labels.end(), r.tolerant_examples.begin(), r.tolerant_examples.end());
      if (!r.official.empty()) labels.push_back(r.official);
      for (const std::string& label : labels) {
        // Examples are written normalized; only their spaces need removing.
        std::string key;
        for (char c : label) {
          if (c != ' ') key.push_back(c);
        }
        if (known_.count(key)) continue;
        Compute(key, &known_[key]);
      }
    }
  }
  return true;
}

const RuleIndex::Kinds& RuleIndex::Match(std::string_view label, Kinds* scratch) const {
  auto it = known_.find(std::string(label));
  if (it != known_.end()) return it->second;
  Compute(label, scratch);
  return *scratch;
}

void RuleIndex::Compute(std::string_view label, Kinds* kinds) const {
  kinds->assign(total_, MatchKind::kNone);
  if (!set_) return;
  std::vector<int> hits;
  RE2::Set::ErrorInfo info;
  if (!set_->Match(label, &hits, &info)) {
    if (info.kind == RE2::Set::kNoError) return;
    // Out of memory in the DFA: one pattern at a time rather than miss a match.
    for (size_t l = 0; l < lists_.size(); ++l) {
      for (size_t r = 0; r < lists_[l]->size(); ++r) {
        (*kinds)[offsets_[l] + r] = (*lists_[l])[r].Match(label);
      }
    }
    return;
  }
  for (int h : hits) {
    const Owner& o = owners_[h];
    MatchKind& k = (*kinds)[offsets_[o.list] + o.rule];
    if (o.strict) {
      k = MatchKind::kStrict;
    } else if (k == MatchKind::kNone) {
      k = MatchKind::kTolerant;
    }
  }
}

MatchKind Rule::Match(std::string_view label) const {
  if (RE2::PartialMatch(label, *strict)) return MatchKind::kStrict;
  for (const auto& re : tolerant) {
    if (RE2::PartialMatch(label, *re)) return MatchKind::kTolerant;
  }
  return MatchKind::kNone;
}

bool Rule::IsAmount(const std::string& column) const {
  return std::find(amount_columns.begin(), amount_columns.end(), column) != amount_columns.end();
}

bool Rule::IsSigned(const std::string& column) const {
  return std::find(signed_columns.begin(), signed_columns.end(), column) != signed_columns.end();
}

std::string TableGrammar::FigureKey(const Rule& row, const std::string& column) const {
  std::string key = table + "." + row.key;
  if (!column.empty()) key += "." + column;
  return key;
}

std::vector<std::string> TableGrammar::FigureKeys() const {
  std::vector<std::string> keys;
  if (!blocks.empty()) {
    for (const Rule& block : blocks) {
      for (const Rule& c : columns) keys.push_back(table + "." + block.key + "." + c.key);
    }
    return keys;
  }
  for (const Rule& row : rows) {
    for (const std::string& c : RowColumns(row)) keys.push_back(FigureKey(row, c));
  }
  return keys;
}

std::vector<const TableGrammar*> GrammarSet::ForTable(std::string_view table) const {
  std::vector<const TableGrammar*> out;
  for (const auto& g : tables_) {
    if (g->table == table) out.push_back(g.get());
  }
  std::sort(out.begin(), out.end(), [](const TableGrammar* a, const TableGrammar* b) {
    return a->template_id > b->template_id;
  });
  return out;
}

std::unique_ptr<GrammarSet> GrammarSet::LoadFiles(
    const std::vector<std::pair<std::string, std::string>>& files, Error* error) {
  std::unique_ptr<GrammarSet> set(new GrammarSet());
  bool have_sections = false;
  bool have_report = false;
  std::set<std::string> table_files;
  // Read last: their keys are checked against the tables.
  std::vector<std::pair<std::string, std::string>> identity_files;
  for (const auto& [name, content] : files) {
    toml::table doc;
    try {
      doc = toml::parse(content, name);
    } catch (const toml::parse_error& e) {
      std::ostringstream msg;
      msg << name << ":" << e.source().begin.line << ": " << e.description();
      *error = {"grammar.invalid", msg.str()};
      return nullptr;
    }
    if (name == "sections.toml") {
      have_sections = true;
      set->numbering_ = Compile(doc["numbering"].value_or(std::string()), name, error);
      if (!set->numbering_) return nullptr;
      if (!ReadRules(doc, "section", name, "sections:", &set->sections_, error)) return nullptr;
      set->heading_keywords_ = StringList(std::as_const(doc)["keywords"]);
      if (set->heading_keywords_.empty()) {
        *error = {"grammar.invalid", name + ": needs keywords = [...]"};
        return nullptr;
      }
      if (!set->BuildHeadings(name, StringList(std::as_const(doc)["alternative_numbering"]),
                              error)) {
        return nullptr;
      }
    } else if (name == "report.toml") {
      have_report = true;
      if (!ReadReportRules(doc, name, &set->report_, error)) return nullptr;
    } else if (name.size() > kIdentities.size() &&
               name.compare(name.size() - kIdentities.size(), kIdentities.size(), kIdentities) ==
                   0) {
      identity_files.emplace_back(name, content);
    } else if (name == "prose.toml") {
      if (!ReadRules(doc, "rule", name, "prose:", &set->prose_, error)) return nullptr;
    } else {
      auto grammar = std::make_unique<TableGrammar>();
      if (!ReadTable(doc, name, grammar.get(), error)) return nullptr;
      std::string expected = grammar->template_id + "/" + grammar->table + ".toml";
      if (name != expected) {
        *error = {"grammar.invalid", name + ": declares " + expected};
        return nullptr;
      }
      table_files.insert(name);
      set->tables_.push_back(std::move(grammar));
    }
  }
  if (!have_sections || !have_report || set->tables_.empty()) {
    *error = {"grammar.invalid", "grammars need sections.toml, report.toml and table files"};
    return nullptr;
  }
  for (const auto& [name, content] : identity_files) {
    if (!set->ReadIdentityFile(name, content, error)) return nullptr;
  }
  return set;
}

bool GrammarSet::ReadIdentityFile(const std::string& name, const std::string& content,
                                  Error* error) {
  std::string folder = name.substr(0, name.size() - kIdentities.size());
  std::vector<TableGrammar*> tables;
  for (const auto& t : tables_) {
    if (t->template_id == folder) tables.push_back(t.get());
  }
  auto ids = std::make_unique<TemplateIdentities>();
  std::vector<const TableGrammar*> read_only(tables.begin(), tables.end());
  if (!ReadIdentities(name, content, read_only, ids.get(), error)) {
    return false;
  }
  if (ids->template_id != folder || identities(folder)) {
    *error = {"grammar.invalid", name + ": declares template " + ids->template_id};
    return false;
  }
  for (TableGrammar* t : tables) {
    for (const Identity& id : ids->identities) {
      if (id.table == t->table) t->identities.push_back(&id);
    }
  }
  identities_.push_back(std::move(ids));
  return true;
}

const TemplateIdentities* GrammarSet::identities(std::string_view template_id) const {
  for (const auto& ids : identities_) {
    if (ids->template_id == template_id) return ids.get();
  }
  return nullptr;
}

// The heading patterns of sections.toml: the numbering followed by each section's pattern.
bool GrammarSet::BuildHeadings(const std::string& name,
                               const std::vector<std::string>& alternative_numberings,
                               Error* error) {
  std::string any;
  for (const Rule& s : sections_) {
    if (s.strict->NumberOfCapturingGroups() != 0) {
      *error = {"grammar.invalid", name + " " + s.id + ": use (?:...) groups, not (...)"};
      return false;
    }
    std::string heading = "(";
    heading += numbering_->pattern();
    heading += ")(";
    heading += s.strict->pattern();
    heading += ")";
    auto re = Compile(heading, name + " " + s.id, error);
    if (!re) return false;
    headings_.push_back(std::move(re));
    if (!any.empty()) any += '|';
    any += '(';
    any += s.strict->pattern();
    any += ')';
  }
  std::string any_heading = "(";
  any_heading += numbering_->pattern();
  any_heading += ")(?:";
  any_heading += any;
  any_heading += ")";
  any_heading_ = Compile(any_heading, name, error);
  if (!any_heading_) return false;
  for (const std::string& n : alternative_numberings) {
    auto re = Compile("(" + n + ")(?:" + any + ")", name + " alternative_numbering", error);
    if (!re) return false;
    alternative_headings_.push_back(std::move(re));
  }
  return true;
}

std::unique_ptr<GrammarSet> GrammarSet::LoadEmbedded(Error* error) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const EmbeddedFile& f : EmbeddedGrammarFiles()) {
    files.emplace_back(std::string(f.name), std::string(f.content));
  }
  return LoadFiles(files, error);
}

std::unique_ptr<GrammarSet> GrammarSet::LoadDir(const std::string& dir, Error* error) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  if (ec) {
    *error = {"grammar.unreadable", dir + ": " + ec.message()};
    return nullptr;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) break;
    if (!it->is_regular_file() || it->path().extension() != ".toml") continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    files.emplace_back(fs::relative(it->path(), dir).generic_string(), content.str());
  }
  std::sort(files.begin(), files.end());
  return LoadFiles(files, error);
}

}  // namespace gongkai
