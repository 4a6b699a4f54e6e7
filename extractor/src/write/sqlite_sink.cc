#include <nlohmann/json.hpp>
#include <vector>

#include "segment/agency.h"
#include "util/sha256.h"
#include "util/text.h"
#include "write/dataset_schema.h"
#include "write/sinks.h"
#include "write/sqlite_db.h"

namespace gongkai {
namespace {

using nlohmann::json;

// Each step returns SQLITE_OK or the error that ends the transaction.
#define GONGKAI_TRY(expr)                               \
  do {                                                  \
    if (int rc_ = (expr); rc_ != SQLITE_OK) return rc_; \
  } while (0)

// One agency's filings join across years even when its printed name varies (科技厅 / 科学技术厅).
std::string AgencyKeyOf(const json& agency) {
  if (!agency.is_string()) return "";
  return AgencyKey(agency.get<std::string>());
}

class SqliteSink : public RecordSink {
 public:
  explicit SqliteSink(std::unique_ptr<SqliteDb> db) : db_(std::move(db)) {}

  Presence Find(const std::string& sha256, const std::string& path, std::string* status,
                Error* error) override {
    // Read first, without the write lock: a rerun finds most inputs stored.
    bool found = false;
    int rc = StoredSource(sha256, path, status, &found);
    if (rc == SQLITE_OK && found) return Presence::kStored;
    bool any = false;
    if (rc == SQLITE_OK && !sha256.empty()) {
      rc = db_->Sql("SELECT 1 FROM sources WHERE sha256 = ? LIMIT 1")
               .Bind(1, sha256)
               .QueryOne([&](Statement&) { any = true; });
    }
    Presence presence = Presence::kAbsent;
    if (rc == SQLITE_OK && any) {
      rc = db_->Transaction([&] { return Alias(sha256, path, status, &presence); });
    }
    if (rc != SQLITE_OK) *error = db_->ErrorOf(rc);
    return rc == SQLITE_OK ? presence : Presence::kAbsent;
  }

  bool Write(const std::string& line, Error* error, std::string* stored_status) override {
    json r = json::parse(line, nullptr, false);
    if (r.is_discarded() || !r["source"].is_object()) {
      *error = {"dataset.bad_record", "a record is not valid JSON"};
      return false;
    }
    const std::string sha256 = r["source"].value("sha256", "");
    const std::string path = r["source"].value("path", "");
    std::string status;
    int rc = db_->Transaction([&] {
      Presence presence;
      GONGKAI_TRY(Alias(sha256, path, &status, &presence));
      if (presence != Presence::kAbsent) return SQLITE_OK;
      GONGKAI_TRY(ReplacePath(path, sha256));
      status = r.value("status", "");
      return Insert(r, line);
    });
    if (rc != SQLITE_OK) {
      *error = db_->ErrorOf(rc);
      return false;
    }
    if (stored_status) *stored_status = status;
    return true;
  }

  bool Finish(Error* error) override {
    int rc = db_->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
    // Another process still reading or writing keeps the WAL: not an error.
    if (rc == SQLITE_OK || Retryable(rc)) return true;
    *error = db_->ErrorOf(rc);
    return false;
  }

  bool StoredStatus(const std::string& path, std::string* status) override {
    bool found = false;
    int rc = db_->Sql("SELECT status FROM sources WHERE path = ? LIMIT 1")
                 .Bind(1, path)
                 .QueryOne([&](Statement& s) {
                   found = true;
                   *status = s.Text(0);
                 });
    return rc == SQLITE_OK && found;
  }

 private:
  int StoredSource(const std::string& sha256, const std::string& path, std::string* status,
                   bool* found) {
    *found = false;
    return db_->Sql("SELECT status FROM sources WHERE sha256 = ? AND path = ?")
        .Bind(1, sha256)
        .Bind(2, path)
        .QueryOne([&](Statement& s) {
          *found = true;
          *status = s.Text(0);
        });
  }

  // Inside a write transaction: (sha256, path) is stored (kStored); or the bytes are, under
  // another path, and path becomes one more source of that record (kAliased). An input without
  // a sha256 (never read) is nobody's alias.
  int Alias(const std::string& sha256, const std::string& path, std::string* status,
            Presence* presence) {
    *presence = Presence::kAbsent;
    bool found = false;
    GONGKAI_TRY(StoredSource(sha256, path, status, &found));
    if (found) {
      *presence = Presence::kStored;
      return SQLITE_OK;
    }
    if (sha256.empty()) return SQLITE_OK;
    int64_t first = -1;
    GONGKAI_TRY(db_->Sql("SELECT id, status FROM sources WHERE sha256 = ? ORDER BY id LIMIT 1")
                    .Bind(1, sha256)
                    .QueryOne([&](Statement& s) {
                      first = s.Int(0);
                      *status = s.Text(1);
                    }));
    if (first < 0) return SQLITE_OK;
    GONGKAI_TRY(ReplacePath(path, sha256));
    GONGKAI_TRY(db_->Sql("INSERT INTO sources(sha256, path, media_type, bytes, pages, encoding, "
                         "url, title, published, report_id, status, error_code, error_message, "
                         "record) SELECT sha256, ?, media_type, bytes, pages, encoding, url, "
                         "title, published, report_id, status, error_code, error_message, record "
                         "FROM sources WHERE id = ?")
                    .Bind(1, path)
                    .Bind(2, first)
                    .Run());
    *presence = Presence::kAliased;
    return SQLITE_OK;
  }

  // One source row per path: a row for path with other bytes (the file changed, or an error
  // record written before it could be read) gives way to the new one.
  int ReplacePath(const std::string& path, const std::string& sha256) {
    std::vector<std::pair<int64_t, int64_t>> stale;  // source id, report id (0: none)
    Statement& q = db_->Sql("SELECT id, report_id FROM sources WHERE path = ? AND sha256 != ?");
    q.Bind(1, path).Bind(2, sha256);
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) stale.emplace_back(q.Int(0), q.IsNull(1) ? 0 : q.Int(1));
    q.Reset();
    if (rc != SQLITE_DONE) return rc;
    for (const auto& [source, report] : stale) GONGKAI_TRY(RemoveSource(source, report));
    return SQLITE_OK;
  }

  int RemoveSource(int64_t source, int64_t report) {
    GONGKAI_TRY(db_->Sql("DELETE FROM diagnostics WHERE source_id = ?").Bind(1, source).Run());
    GONGKAI_TRY(db_->Sql("DELETE FROM sources WHERE id = ?").Bind(1, source).Run());
    if (report == 0) return SQLITE_OK;
    int64_t next = -1;
    std::string record;
    GONGKAI_TRY(db_->Sql("SELECT id, record FROM sources WHERE report_id = ? ORDER BY path LIMIT 1")
                    .Bind(1, report)
                    .QueryOne([&](Statement& s) {
                      next = s.Int(0);
                      record = s.Text(1);
                    }));
    if (next < 0) {
      for (const char* sql :
           {"DELETE FROM figures WHERE report_id = ?", "DELETE FROM sections WHERE report_id = ?",
            "DELETE FROM findings WHERE report_id = ?",
            "DELETE FROM diagnostics WHERE report_id = ?", "DELETE FROM reports WHERE id = ?"}) {
        GONGKAI_TRY(db_->Sql(sql).Bind(1, report).Run());
      }
      return SQLITE_OK;
    }
    bool from_removed = false;
    GONGKAI_TRY(db_->Sql("SELECT 1 FROM figures WHERE report_id = ? AND source_id = ? LIMIT 1")
                    .Bind(1, report)
                    .Bind(2, source)
                    .QueryOne([&](Statement&) { from_removed = true; }));
    if (!from_removed) return SQLITE_OK;
    // The report's content came from the removed source: it now comes from the first left.
    json r = json::parse(record, nullptr, false);
    if (r.is_discarded()) return SQLITE_CORRUPT;
    return ReplaceContent(report, next, r);
  }

  // The report a record belongs to: the same agency, year and figures is the same report
  // (a PDF and its text), whatever the file.
  int ReportId(const json& r, int64_t* id, bool* created) {
    const json& report = r["report"];
    std::string key = AgencyKeyOf(report["agency"]);
    std::string fingerprint;
    if (!key.empty() && report["year"].is_number()) {
      fingerprint = key + "|" + std::to_string(report["year"].get<int>()) + "|" +
                    Sha256Hex(r["figures"].dump());
    } else {
      fingerprint = "source|" + r["source"].value("sha256", "");
    }
    *id = -1;
    GONGKAI_TRY(db_->Sql("SELECT id FROM reports WHERE fingerprint = ?")
                    .Bind(1, fingerprint)
                    .QueryOne([&](Statement& s) { *id = s.Int(0); }));
    *created = *id < 0;
    if (!*created) return SQLITE_OK;
    Statement& add = db_->Sql(
        "INSERT INTO reports(agency, agency_key, year, title, template, status, fingerprint) "
        "VALUES(?,?,?,?,?,?,?)");
    add.Bind(1, report["agency"]).Bind(2, key.empty() ? json() : json(key)).Bind(3, report["year"]);
    add.Bind(4, report["title"]).Bind(5, report["template"]).Bind(6, r["status"]);
    GONGKAI_TRY(add.Bind(7, fingerprint).Run());
    *id = sqlite3_last_insert_rowid(db_->get());
    return SQLITE_OK;
  }

  int InsertSource(const json& r, const std::string& line, int64_t report, int64_t* source) {
    const json& src = r["source"];
    const bool failed = r.contains("error");
    Statement& s = db_->Sql(
        "INSERT INTO sources(sha256, path, media_type, bytes, pages, encoding, url, title, "
        "published, report_id, status, error_code, error_message, record) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    s.Bind(1, src.value("sha256", "")).Bind(2, src["path"]).Bind(3, src["media_type"]);
    s.Bind(4, src["bytes"]).Bind(5, src.value("pages", json())).Bind(6, src["encoding"]);
    s.Bind(7, src.value("url", json())).Bind(8, src.value("title", json()));
    s.Bind(9, src.value("published", json()));
    s.Bind(10, failed ? json() : json(report)).Bind(11, r["status"]);
    s.Bind(12, failed ? r["error"]["code"] : json())
        .Bind(13, failed ? r["error"]["message"] : json());
    GONGKAI_TRY(s.Bind(14, line).Run());
    *source = sqlite3_last_insert_rowid(db_->get());
    return SQLITE_OK;
  }

  int InsertDiagnostics(const json& r, int64_t report, int64_t source) {
    Statement& q = db_->Sql(
        "INSERT INTO diagnostics(report_id, source_id, severity, code, message, page, line, tbl, "
        "key, label, rule, candidates) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    for (const json& d : r["diagnostics"]) {
      q.Bind(1, report).Bind(2, source).Bind(3, d["severity"]).Bind(4, d["code"]);
      q.Bind(5, d["message"]).Bind(6, d.value("page", json())).Bind(7, d.value("line", json()));
      q.Bind(8, d.value("table", json())).Bind(9, d.value("key", json()));
      q.Bind(10, d.value("label", json())).Bind(11, d.value("rule", json()));
      GONGKAI_TRY(q.Bind(12, d.value("candidates", json())).Run());
    }
    return SQLITE_OK;
  }

  int Insert(const json& r, const std::string& line) {
    const bool failed = r.contains("error");
    int64_t report = 0, source = 0;
    bool created = false;
    if (!failed) GONGKAI_TRY(ReportId(r, &report, &created));
    GONGKAI_TRY(InsertSource(r, line, report, &source));
    if (failed) return SQLITE_OK;
    GONGKAI_TRY(InsertDiagnostics(r, report, source));
    if (created) return InsertContent(report, source, r);
    // The report's content comes from its source with the first path, whatever order the
    // sources arrive in (parallel workers): a later source that sorts first takes over.
    std::string current;
    GONGKAI_TRY(db_->Sql("SELECT s.path FROM figures f JOIN sources s ON s.id = f.source_id "
                         "WHERE f.report_id = ? LIMIT 1")
                    .Bind(1, report)
                    .QueryOne([&](Statement& s) { current = s.Text(0); }));
    if (!current.empty() && r["source"].value("path", "") >= current) return SQLITE_OK;
    return ReplaceContent(report, source, r);
  }

  int ReplaceContent(int64_t report, int64_t source, const json& r) {
    for (const char* sql :
         {"DELETE FROM figures WHERE report_id = ?", "DELETE FROM sections WHERE report_id = ?",
          "DELETE FROM findings WHERE report_id = ?"}) {
      GONGKAI_TRY(db_->Sql(sql).Bind(1, report).Run());
    }
    Statement& update =
        db_->Sql("UPDATE reports SET title = ?, template = ?, status = ? WHERE id = ?");
    update.Bind(1, r["report"]["title"]).Bind(2, r["report"]["template"]).Bind(3, r["status"]);
    GONGKAI_TRY(update.Bind(4, report).Run());
    return InsertContent(report, source, r);
  }

  int InsertContent(int64_t report, int64_t source, const json& r) {
    Statement& fig = db_->Sql(
        "INSERT INTO figures(report_id, key, value, page, line, box, text, cell, rule, unit, "
        "source_id) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& [key, value] : r["figures"].items()) {
      const json& p = r["provenance"].value(key, json::object());
      fig.Bind(1, report).Bind(2, key).Bind(3, value).Bind(4, p.value("page", json()));
      fig.Bind(5, p.value("line", json())).Bind(6, p.value("box", json()));
      fig.Bind(7, p.value("text", json())).Bind(8, p.value("cell", json()));
      fig.Bind(9, p.value("rule", json())).Bind(10, p.value("unit", json())).Bind(11, source);
      GONGKAI_TRY(fig.Run());
    }
    Statement& sec = db_->Sql(
        "INSERT INTO sections(report_id, ordinal, id, heading, page, line) VALUES(?,?,?,?,?,?)");
    for (const json& x : r["sections"]) {
      sec.Bind(1, report).Bind(2, x["ordinal"]).Bind(3, x["id"]).Bind(4, x["heading"]);
      GONGKAI_TRY(sec.Bind(5, x["page"]).Bind(6, x["line"]).Run());
    }
    Statement& fin = db_->Sql(
        "INSERT INTO findings(report_id, rule, row, col, ok, lhs, rhs, blank_as_zero) "
        "VALUES(?,?,?,?,?,?,?,?)");
    for (const json& f : r["audit"]) {
      fin.Bind(1, report).Bind(2, f["rule"]).Bind(3, f.value("row", json()));
      fin.Bind(4, f.value("column", json())).Bind(5, f["ok"]).Bind(6, f["lhs"]).Bind(7, f["rhs"]);
      GONGKAI_TRY(fin.Bind(8, f.value("blank_as_zero", json())).Run());
    }
    return SQLITE_OK;
  }

  std::unique_ptr<SqliteDb> db_;
};

#undef GONGKAI_TRY

}  // namespace

std::unique_ptr<RecordSink> MakeSqliteSink(const std::string& path, Error* error) {
  std::unique_ptr<SqliteDb> db = SqliteDb::Open(path, kDatasetPragmas, kDatasetSchema, error);
  if (!db) return nullptr;
  return std::make_unique<SqliteSink>(std::move(db));
}

}  // namespace gongkai
