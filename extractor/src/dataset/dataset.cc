#include "dataset/dataset.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

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

constexpr const char* kColumns[] = {"natural", "commercial", "research", "nonprofit",
                                    "legal",   "other_org",  "total"};

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

bool AuditDataset(const std::string& path, std::vector<DatasetFinding>* findings, Error* error) {
  Db db = Open(path, error);
  if (!db) return false;
  // Findings stored with each report (identities 1–5, timeliness).
  sqlite3_stmt* s = nullptr;
  const char* sql =
      "SELECT r.agency, r.year, f.rule, f.row, f.col, f.ok, f.lhs, f.rhs, "
      "(SELECT group_concat(path, ' | ') FROM sources WHERE report_id = r.id) "
      "FROM findings f JOIN reports r ON r.id = f.report_id ORDER BY r.agency_key, r.year, r.id";
  if (sqlite3_prepare_v2(db.get(), sql, -1, &s, nullptr) != SQLITE_OK) {
    *error = {"dataset.invalid", path + ": " + sqlite3_errmsg(db.get())};
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

  // Across filings: the reports of one agency, year by year.
  std::vector<Report> reports;
  sqlite3_prepare_v2(db.get(),
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
  sqlite3_prepare_v2(db.get(),
                     "SELECT key, value FROM figures WHERE report_id = ? AND "
                     "(key LIKE 'requests.carried_%' OR key LIKE 'proactive.%')",
                     -1, &s, nullptr);
  for (Report& r : reports) {
    sqlite3_bind_int64(s, 1, r.id);
    while (sqlite3_step(s) == SQLITE_ROW) {
      std::optional<double> v;
      if (sqlite3_column_type(s, 1) != SQLITE_NULL) v = sqlite3_column_double(s, 1);
      r.figures[Column(s, 0)] = v;
    }
    sqlite3_reset(s);
  }
  sqlite3_finalize(s);
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
  auto value = [](const Report* r, const std::string& key, bool* present) -> double {
    auto it = r->figures.find(key);
    *present = it != r->figures.end();
    return *present && it->second ? *it->second : 0.0;
  };
  for (const auto& [agency, years] : by_agency) {
    for (const auto& [year, now] : years) {
      auto prev_it = years.find(year - 1);
      if (prev_it == years.end()) continue;
      const Report* prev = prev_it->second;
      for (const char* c : kColumns) {
        bool a = false, b = false;
        double lhs = value(now, std::string("requests.carried_over.") + c, &a);
        double rhs = value(prev, std::string("requests.carried_forward.") + c, &b);
        if (!a || !b) continue;
        DatasetFinding f;
        f.agency = now->agency;
        f.year = year;
        f.rule = "requests.carry";
        f.row = "carried_over";
        f.column = c;
        f.lhs = lhs;
        f.rhs = rhs;
        f.ok = std::fabs(lhs - rhs) < 1e-6;
        f.evidence = std::to_string(year) + " 上年结转 " + FormatNumber(lhs) + " (" + now->sources +
                     ") vs " + std::to_string(year - 1) + " 结转下年度 " + FormatNumber(rhs) +
                     " (" + prev->sources + ")";
        findings->push_back(std::move(f));
      }
      if (now->template_id != "2021") continue;
      for (const char* stem : {"rules", "normative_docs"}) {
        std::string p = std::string("proactive.") + stem + ".";
        bool a = false, b = false, c = false, d = false;
        double in_force = value(now, p + "in_force", &a);
        double before = value(prev, p + "in_force", &b);
        double issued = value(now, p + "issued", &c);
        double repealed = value(now, p + "repealed", &d);
        if (!(a && b && c && d)) continue;
        DatasetFinding f;
        f.agency = now->agency;
        f.year = year;
        f.rule = "proactive.in_force";
        f.row = stem;
        f.column = "in_force";
        f.warning = true;
        f.lhs = in_force;
        f.rhs = before + issued - repealed;
        f.ok = std::fabs(f.lhs - f.rhs) < 1e-6;
        f.evidence = std::to_string(year) + " 现行有效 " + FormatNumber(in_force) + " vs " +
                     std::to_string(year - 1) + " " + FormatNumber(before) + " + 制发 " +
                     FormatNumber(issued) + " − 废止 " + FormatNumber(repealed);
        findings->push_back(std::move(f));
      }
    }
  }
  return true;
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
