#include "dataset/dataset.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "grammar/grammar.h"
#include "normalize/normalize.h"
#include "util/number.h"
#include "util/text.h"
#include "write/sinks.h"

namespace gongkai {
namespace {

using Db = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

Db Open(const std::string& path, Error* error) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  if (rc != SQLITE_OK) {
    *error = {"dataset.open", path + ": " + (db ? sqlite3_errmsg(db) : "cannot open")};
    sqlite3_close(db);
    return Db(nullptr, sqlite3_close);
  }
  return Db(db, sqlite3_close);
}

std::string Column(sqlite3_stmt* s, int i) {
  const unsigned char* t = sqlite3_column_text(s, i);
  return t ? reinterpret_cast<const char*>(t) : "";
}

bool IsRegionEnd(std::string_view s) {
  for (std::string_view r : {"省", "市", "县", "区", "州", "盟", "旗"}) {
    if (s.size() >= r.size() && s.substr(s.size() - r.size()) == r) return true;
  }
  return false;
}

bool IsRegionStart(std::string_view s) {
  for (std::string_view r : {"省", "市", "县", "区", "州", "盟", "旗"}) {
    if (s.substr(0, r.size()) == r) return true;
  }
  return false;
}

struct Report {
  int64_t id = 0;
  std::string agency;
  int year = 0;
  std::string template_id;
  std::string sources;
  std::map<std::string, std::optional<double>> figures;
};

}  // namespace

std::vector<std::string> GroupAgencies(const std::vector<std::string>& names) {
  Normalizer n;
  std::vector<std::string> keys;
  std::set<std::string> distinct;
  for (const std::string& name : names) {
    keys.push_back(StripSpaces(n.Normalize(name)));
    distinct.insert(keys.back());
  }
  // A name is the same agency as the one longer name that ends with it after a region
  // (「财政局」 and 「淮安市财政局」, 「省工业和信息化厅」 and 「河北省工业和信息化厅」), when only
  // one fits.
  std::map<std::string, std::string> canonical;
  for (const std::string& k : distinct) {
    std::vector<std::string> fits;
    for (const std::string& other : distinct) {
      if (other.size() <= k.size() || other.compare(other.size() - k.size(), k.size(), k) != 0) {
        continue;
      }
      std::string_view rest(other.data(), other.size() - k.size());
      if (IsRegionEnd(rest) || IsRegionStart(k)) fits.push_back(other);
    }
    canonical[k] = fits.size() == 1 ? fits[0] : k;
  }
  std::vector<std::string> out;
  for (const std::string& k : keys) out.push_back(canonical[k]);
  return out;
}

namespace {

// Findings stored with each report (identities 1–5, timeliness).
bool ReadStoredFindings(sqlite3* db, const std::string& path, std::vector<DatasetFinding>* findings,
                        Error* error) {
  sqlite3_stmt* s = nullptr;
  const char* sql =
      "SELECT r.agency, r.year, f.rule, f.row, f.col, f.ok, f.lhs, f.rhs, "
      "(SELECT group_concat(path, ' | ') FROM sources WHERE report_id = r.id) "
      "FROM findings f JOIN reports r ON r.id = f.report_id ORDER BY r.agency_key, r.year, r.id";
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) {
    *error = {"dataset.invalid", path + ": " + sqlite3_errmsg(db)};
    return false;
  }
  while (sqlite3_step(s) == SQLITE_ROW) {
    DatasetFinding f;
    f.agency = Column(s, 0);
    f.year = sqlite3_column_int(s, 1);
    f.rule = Column(s, 2);
    f.row = Column(s, 3);
    f.column = Column(s, 4);
    f.ok = sqlite3_column_int(s, 5) != 0;
    f.lhs = sqlite3_column_double(s, 6);
    f.rhs = sqlite3_column_double(s, 7);
    f.evidence = Column(s, 8);
    findings->push_back(std::move(f));
  }
  sqlite3_finalize(s);
  return true;
}

// The reports with agency and year, with the figures of the given keys.
std::vector<Report> ReadReports(sqlite3* db, const std::set<std::string>& keys) {
  std::vector<Report> reports;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT r.id, r.agency, r.year, r.template, "
                     "(SELECT group_concat(path, ' | ') FROM sources WHERE report_id = r.id) "
                     "FROM reports r WHERE r.agency IS NOT NULL AND r.year IS NOT NULL "
                     "ORDER BY r.id",
                     -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) {
    Report r;
    r.id = sqlite3_column_int64(s, 0);
    r.agency = Column(s, 1);
    r.year = sqlite3_column_int(s, 2);
    r.template_id = Column(s, 3);
    r.sources = Column(s, 4);
    reports.push_back(std::move(r));
  }
  sqlite3_finalize(s);
  sqlite3_prepare_v2(db, "SELECT key, value FROM figures WHERE report_id = ?", -1, &s, nullptr);
  for (Report& r : reports) {
    sqlite3_bind_int64(s, 1, r.id);
    while (sqlite3_step(s) == SQLITE_ROW) {
      std::string key = Column(s, 0);
      if (!keys.count(key)) continue;
      std::optional<double> v;
      if (sqlite3_column_type(s, 1) != SQLITE_NULL) v = sqlite3_column_double(s, 1);
      r.figures[key] = v;
    }
    sqlite3_reset(s);
  }
  sqlite3_finalize(s);
  return reports;
}

// One filing identity between an agency's reports of year and year − 1; nothing when a key is
// absent from either.
std::optional<DatasetFinding> CheckFiling(const FilingIdentity& id, int year, const Report& now,
                                          const Report& prev) {
  std::vector<double> sides[2];
  double sums[2] = {0, 0};
  const std::vector<FilingTerm>* terms[2] = {&id.lhs, &id.rhs};
  for (int side = 0; side < 2; ++side) {
    for (const FilingTerm& term : *terms[side]) {
      const Report& r = term.previous_year ? prev : now;
      auto it = r.figures.find(term.key);
      if (it == r.figures.end()) return std::nullopt;
      double v = it->second ? *it->second : 0.0;
      sides[side].push_back(v);
      sums[side] += term.negative ? -v : v;
    }
  }
  DatasetFinding f;
  f.agency = now.agency;
  f.year = year;
  f.rule = id.rule;
  f.row = id.row;
  f.column = id.column;
  f.warning = id.warning;
  f.lhs = sums[0];
  f.rhs = sums[1];
  f.ok = std::fabs(f.lhs - f.rhs) < 1e-6;
  f.evidence = FormatEvidence(id, year, now.sources, prev.sources, sides[0], sides[1]);
  return f;
}

}  // namespace

bool AuditDataset(const std::string& path, const GrammarSet& grammars,
                  std::vector<DatasetFinding>* findings, Error* error) {
  Db db = Open(path, error);
  if (!db) return false;
  if (!ReadStoredFindings(db.get(), path, findings, error)) return false;

  // Across filings: the reports of one agency, year by year, with the figures the identities of
  // grammars/<template>/identities.toml compare.
  std::set<std::string> keys = {"requests.carried_forward.total"};
  for (const auto& ids : grammars.all_identities()) {
    for (const FilingIdentity& id : ids->filing_identities) {
      for (const auto* side : {&id.lhs, &id.rhs}) {
        for (const FilingTerm& term : *side) keys.insert(term.key);
      }
    }
  }
  std::vector<Report> reports = ReadReports(db.get(), keys);
  std::vector<std::string> names;
  for (const Report& r : reports) names.push_back(r.agency);
  std::vector<std::string> groups = GroupAgencies(names);
  std::map<std::string, std::map<int, const Report*>> by_agency;
  for (size_t i = 0; i < reports.size(); ++i) {
    const Report*& slot = by_agency[groups[i]][reports[i].year];
    // Two reports for one year (a 统计表 page beside the report body): the one with table 三.
    if (!slot || (!slot->figures.count("requests.carried_forward.total") &&
                  reports[i].figures.count("requests.carried_forward.total"))) {
      slot = &reports[i];
    }
  }
  for (const auto& [agency, years] : by_agency) {
    for (const auto& [year, now] : years) {
      auto prev = years.find(year - 1);
      const TemplateIdentities* ids = grammars.identities(now->template_id);
      if (prev == years.end() || !ids) continue;
      for (const FilingIdentity& id : ids->filing_identities) {
        if (auto f = CheckFiling(id, year, *now, *prev->second)) findings->push_back(std::move(*f));
      }
    }
  }
  return true;
}

bool AuditDataset(const std::string& path, std::vector<DatasetFinding>* findings, Error* error) {
  std::unique_ptr<GrammarSet> grammars = GrammarSet::LoadEmbedded(error);
  return grammars && AuditDataset(path, *grammars, findings, error);
}

bool MergeDatasets(const std::vector<std::string>& inputs, const std::string& output,
                   Error* error) {
  std::vector<std::pair<std::string, std::string>> records;  // path, record
  for (const std::string& in : inputs) {
    Db db = Open(in, error);
    if (!db) return false;
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db.get(), "SELECT path, record FROM sources", -1, &s, nullptr) !=
        SQLITE_OK) {
      *error = {"dataset.invalid", in + ": not a gongkai dataset"};
      return false;
    }
    while (sqlite3_step(s) == SQLITE_ROW) records.emplace_back(Column(s, 0), Column(s, 1));
    sqlite3_finalize(s);
  }
  std::stable_sort(records.begin(), records.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::unique_ptr<RecordSink> sink = MakeSqliteSink(output, error);
  if (!sink) return false;
  for (const auto& [path, record] : records) {
    if (!sink->Write(record, error)) return false;
  }
  return sink->Finish(error);
}

}  // namespace gongkai
