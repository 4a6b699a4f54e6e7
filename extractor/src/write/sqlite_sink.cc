#include <sqlite3.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "normalize/normalize.h"
#include "util/sha256.h"
#include "util/text.h"
#include "write/dataset_schema.h"
#include "write/sinks.h"

namespace gongkai {
namespace {

using nlohmann::json;

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  Statement& Bind(int i, const json& v) {
    if (v.is_null()) {
      sqlite3_bind_null(stmt_, i);
    } else if (v.is_boolean()) {
      sqlite3_bind_int(stmt_, i, v.get<bool>() ? 1 : 0);
    } else if (v.is_number_integer()) {
      sqlite3_bind_int64(stmt_, i, v.get<int64_t>());
    } else if (v.is_number()) {
      sqlite3_bind_double(stmt_, i, v.get<double>());
    } else if (v.is_string()) {
      const std::string& s = v.get_ref<const std::string&>();
      sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    } else {
      std::string s = v.dump();
      sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
    }
    return *this;
  }
  Statement& Bind(int i, const std::string& s) { return Bind(i, json(s)); }
  Statement& Bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  // Runs to completion; true if it produced a row (then readable with Int/Text).
  bool Step() { return sqlite3_step(stmt_) == SQLITE_ROW; }
  bool Run() {
    int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
  }
  int64_t Int(int col) { return sqlite3_column_int64(stmt_, col); }
  friend sqlite3_stmt* Handle(Statement& s) { return s.stmt_; }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

std::string AgencyKey(const json& agency) {
  if (!agency.is_string()) return "";
  return StripSpaces(Normalizer().Normalize(agency.get<std::string>()));
}

class SqliteSink : public RecordSink {
 public:
  explicit SqliteSink(sqlite3* db) : db_(db) {}
  ~SqliteSink() override { sqlite3_close(db_); }

  bool Done(const std::string& sha256, const std::string& path) override {
    Statement q(db_, "SELECT 1 FROM sources WHERE sha256 = ?");
    if (!q.Bind(1, sha256).Step()) return false;
    // The same bytes under another name: one more source of the same record.
    Statement alias(db_,
                    "INSERT OR IGNORE INTO sources(sha256, path, media_type, bytes, pages, "
                    "encoding, url, title, published, report_id, status, error_code, "
                    "error_message, record) SELECT sha256, ?, media_type, bytes, pages, encoding, "
                    "url, title, published, report_id, status, error_code, error_message, record "
                    "FROM sources WHERE sha256 = ? ORDER BY id LIMIT 1");
    alias.Bind(1, path).Bind(2, sha256).Run();
    return true;
  }

  bool Write(const std::string& line, Error* error) override {
    json r = json::parse(line, nullptr, false);
    if (r.is_discarded()) {
      *error = {"dataset.bad_record", "a record is not valid JSON"};
      return false;
    }
    const json& src = r["source"];
    if (!Exec("BEGIN IMMEDIATE", error)) return false;
    if (Done(src.value("sha256", ""), src.value("path", ""))) return Exec("COMMIT", error);
    bool ok = Insert(r, line);
    if (!ok) {
      Exec("ROLLBACK", nullptr);
      *error = {"dataset.write", sqlite3_errmsg(db_)};
      return false;
    }
    return Exec("COMMIT", error);
  }

  bool Finish(Error* error) override { return Exec("PRAGMA wal_checkpoint(TRUNCATE)", error); }

 private:
  bool Exec(const char* sql, Error* error) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
    if (error) *error = {"dataset.write", message ? message : "sqlite error"};
    sqlite3_free(message);
    return false;
  }

  // The report a record belongs to: the same agency, year and figures is the same report
  // (a PDF and its text), whatever the file.
  int64_t ReportId(const json& r, bool* created) {
    const json& report = r["report"];
    std::string key = AgencyKey(report["agency"]);
    std::string fingerprint;
    if (!key.empty() && report["year"].is_number()) {
      fingerprint = key + "|" + std::to_string(report["year"].get<int>()) + "|" +
                    Sha256Hex(r["figures"].dump());
    } else {
      fingerprint = "source|" + r["source"].value("sha256", "");
    }
    Statement find(db_, "SELECT id FROM reports WHERE fingerprint = ?");
    if (find.Bind(1, fingerprint).Step()) {
      *created = false;
      return find.Int(0);
    }
    Statement add(db_,
                  "INSERT INTO reports(agency, agency_key, year, title, template, status, "
                  "fingerprint) VALUES(?,?,?,?,?,?,?)");
    add.Bind(1, report["agency"]).Bind(2, key.empty() ? json() : json(key)).Bind(3, report["year"]);
    add.Bind(4, report["title"]).Bind(5, report["template"]).Bind(6, r["status"]);
    add.Bind(7, fingerprint);
    if (!add.Run()) return -1;
    *created = true;
    return sqlite3_last_insert_rowid(db_);
  }

  bool Insert(const json& r, const std::string& line) {
    const json& src = r["source"];
    bool failed = r.contains("error");
    int64_t report = 0;
    bool created = false;
    if (!failed) {
      report = ReportId(r, &created);
      if (report < 0) return false;
    }
    Statement s(db_,
                "INSERT INTO sources(sha256, path, media_type, bytes, pages, encoding, url, title, "
                "published, report_id, status, error_code, error_message, record) "
                "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    s.Bind(1, src["sha256"]).Bind(2, src["path"]).Bind(3, src["media_type"]);
    s.Bind(4, src["bytes"]).Bind(5, src.value("pages", json())).Bind(6, src["encoding"]);
    s.Bind(7, src.value("url", json())).Bind(8, src.value("title", json()));
    s.Bind(9, src.value("published", json()));
    s.Bind(10, failed ? json() : json(report)).Bind(11, r["status"]);
    s.Bind(12, failed ? r["error"]["code"] : json())
        .Bind(13, failed ? r["error"]["message"] : json());
    s.Bind(14, line);
    if (!s.Run()) return false;
    int64_t source = sqlite3_last_insert_rowid(db_);
    if (failed) return true;
    for (const json& d : r["diagnostics"]) {
      Statement q(db_,
                  "INSERT INTO diagnostics(report_id, source_id, severity, code, message, page, "
                  "line, tbl, key, label, rule, candidates) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
      q.Bind(1, report).Bind(2, source).Bind(3, d["severity"]).Bind(4, d["code"]);
      q.Bind(5, d["message"]).Bind(6, d.value("page", json())).Bind(7, d.value("line", json()));
      q.Bind(8, d.value("table", json())).Bind(9, d.value("key", json()));
      q.Bind(10, d.value("label", json())).Bind(11, d.value("rule", json()));
      q.Bind(12, d.value("candidates", json()));
      if (!q.Run()) return false;
    }
    if (!created) {
      // The report's content comes from its source with the first path, whatever order the
      // sources arrive in (parallel workers): a later source that sorts first takes over.
      Statement primary(db_,
                        "SELECT s.path FROM figures f JOIN sources s ON s.id = f.source_id "
                        "WHERE f.report_id = ? LIMIT 1");
      std::string current;
      if (primary.Bind(1, report).Step()) {
        const unsigned char* t = sqlite3_column_text(Handle(primary), 0);
        current = t ? reinterpret_cast<const char*>(t) : "";
      }
      if (!current.empty() && src.value("path", "") >= current) return true;
      for (const char* table : {"figures", "sections", "findings"}) {
        std::string sql = std::string("DELETE FROM ") + table + " WHERE report_id = ?";
        Statement del(db_, sql.c_str());
        if (!del.Bind(1, report).Run()) return false;
      }
      Statement update(db_, "UPDATE reports SET title = ?, template = ?, status = ? WHERE id = ?");
      update.Bind(1, r["report"]["title"]).Bind(2, r["report"]["template"]).Bind(3, r["status"]);
      if (!update.Bind(4, report).Run()) return false;
    }
    Statement fig(db_,
                  "INSERT INTO figures(report_id, key, value, page, line, box, text, cell, rule, "
                  "unit, source_id) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
    for (const auto& [key, value] : r["figures"].items()) {
      const json& p = r["provenance"].value(key, json::object());
      fig.Bind(1, report).Bind(2, key).Bind(3, value).Bind(4, p.value("page", json()));
      fig.Bind(5, p.value("line", json())).Bind(6, p.value("box", json()));
      fig.Bind(7, p.value("text", json())).Bind(8, p.value("cell", json()));
      fig.Bind(9, p.value("rule", json())).Bind(10, p.value("unit", json())).Bind(11, source);
      if (!fig.Run()) return false;
    }
    Statement sec(db_,
                  "INSERT INTO sections(report_id, ordinal, id, heading, page, line) "
                  "VALUES(?,?,?,?,?,?)");
    for (const json& x : r["sections"]) {
      sec.Bind(1, report).Bind(2, x["ordinal"]).Bind(3, x["id"]).Bind(4, x["heading"]);
      sec.Bind(5, x["page"]).Bind(6, x["line"]);
      if (!sec.Run()) return false;
    }
    Statement fin(db_,
                  "INSERT INTO findings(report_id, rule, row, col, ok, lhs, rhs, blank_as_zero) "
                  "VALUES(?,?,?,?,?,?,?,?)");
    for (const json& f : r["audit"]) {
      fin.Bind(1, report).Bind(2, f["rule"]).Bind(3, f.value("row", json()));
      fin.Bind(4, f.value("column", json())).Bind(5, f["ok"]).Bind(6, f["lhs"]).Bind(7, f["rhs"]);
      fin.Bind(8, f.value("blank_as_zero", json()));
      if (!fin.Run()) return false;
    }
    return true;
  }

  sqlite3* db_;
};

}  // namespace

std::unique_ptr<RecordSink> MakeSqliteSink(const std::string& path, Error* error) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    *error = {"dataset.open", path + ": " + (db ? sqlite3_errmsg(db) : "cannot open")};
    sqlite3_close(db);
    return nullptr;
  }
  // Workers take turns at the write lock for a few milliseconds each: retry every 0.2 ms (for up
  // to a minute) rather than SQLite's default back-off, which sleeps up to 100 ms at a time.
  sqlite3_busy_handler(
      db,
      [](void*, int tries) -> int {
        if (tries > 300000) return 0;
        usleep(200);
        return 1;
      },
      nullptr);
  char* message = nullptr;
  if (sqlite3_exec(db, kDatasetSchema, nullptr, nullptr, &message) != SQLITE_OK) {
    *error = {"dataset.open", path + ": " + (message ? message : "bad schema")};
    sqlite3_free(message);
    sqlite3_close(db);
    return nullptr;
  }
  return std::make_unique<SqliteSink>(db);
}

}  // namespace gongkai
