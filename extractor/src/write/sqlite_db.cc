#include "write/sqlite_db.h"

#include <unistd.h>

#include <chrono>
#include <random>

namespace gongkai {
namespace {

using Clock = std::chrono::steady_clock;

// Retries f (a statement outside any transaction: a pragma, a checkpoint) like Transaction.
int RetryPlain(const std::function<int()>& f) {
  const auto deadline = Clock::now() + std::chrono::seconds(SqliteDb::kRetrySeconds);
  std::minstd_rand jitter(static_cast<unsigned>(getpid()));
  int delay_us = 1000;
  while (true) {
    int rc = f();
    if (!Retryable(rc) || Clock::now() > deadline) return rc;
    usleep(static_cast<useconds_t>(delay_us + static_cast<int>(jitter() % 1000)));
    delay_us = std::min(delay_us * 2, 250000);
  }
}

}  // namespace

bool Retryable(int rc) {
  int primary = rc & 0xFF;
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

Statement::Statement(sqlite3* db, const char* sql) {
  rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
}

Statement& Statement::Bind(int i, const nlohmann::json& v) {
  int rc = SQLITE_OK;
  if (!stmt_) return *this;
  if (v.is_null()) {
    rc = sqlite3_bind_null(stmt_, i);
  } else if (v.is_boolean()) {
    rc = sqlite3_bind_int(stmt_, i, v.get<bool>() ? 1 : 0);
  } else if (v.is_number_integer()) {
    rc = sqlite3_bind_int64(stmt_, i, v.get<int64_t>());
  } else if (v.is_number()) {
    rc = sqlite3_bind_double(stmt_, i, v.get<double>());
  } else if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    rc = sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  } else {
    std::string s = v.dump();
    rc = sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  if (rc_ == SQLITE_OK) rc_ = rc;
  return *this;
}

Statement& Statement::Bind(int i, const std::string& s) { return Bind(i, nlohmann::json(s)); }

Statement& Statement::Bind(int i, int64_t v) {
  int rc = stmt_ ? sqlite3_bind_int64(stmt_, i, v) : SQLITE_OK;
  if (rc_ == SQLITE_OK) rc_ = rc;
  return *this;
}

int Statement::Step() {
  if (rc_ != SQLITE_OK) return rc_;
  return sqlite3_step(stmt_);
}

int Statement::Run() {
  int rc = Step();
  while (rc == SQLITE_ROW) rc = sqlite3_step(stmt_);
  Reset();
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int Statement::QueryOne(const std::function<void(Statement&)>& on_row) {
  int rc = Step();
  if (rc == SQLITE_ROW) on_row(*this);
  Reset();
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

std::string Statement::Text(int col) {
  const unsigned char* t = sqlite3_column_text(stmt_, col);
  return t ? reinterpret_cast<const char*>(t) : "";
}

void Statement::Reset() {
  if (!stmt_) return;  // a prepare error stays
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  rc_ = SQLITE_OK;
}

std::unique_ptr<SqliteDb> SqliteDb::Open(const std::string& path, const char* pragmas,
                                         const char* schema, Error* error) {
  sqlite3* handle = nullptr;
  if (sqlite3_open(path.c_str(), &handle) != SQLITE_OK) {
    *error = {"dataset.open", path + ": " + (handle ? sqlite3_errmsg(handle) : "cannot open")};
    sqlite3_close(handle);
    return nullptr;
  }
  std::unique_ptr<SqliteDb> db(new SqliteDb(handle));
  // Workers take turns at the write lock for a few milliseconds each: poll every 0.2 ms (for up
  // to a minute) rather than SQLite's default back-off, which sleeps up to 100 ms at a time.
  sqlite3_busy_handler(
      handle,
      [](void*, int tries) -> int {
        if (tries > 300000) return 0;
        usleep(200);
        return 1;
      },
      nullptr);
  // Switching a new file to WAL takes an exclusive lock that a second process creating the
  // same dataset may hold: retried, as the schema's transaction is.
  int rc = RetryPlain([&] { return db->Exec(pragmas); });
  if (rc == SQLITE_OK) rc = db->Transaction([&] { return db->Exec(schema); });
  if (rc != SQLITE_OK) {
    *error = {"dataset.open", path + ": " + sqlite3_errmsg(handle)};
    return nullptr;
  }
  return db;
}

SqliteDb::~SqliteDb() {
  statements_.clear();
  sqlite3_close(db_);
}

Statement& SqliteDb::Sql(const char* sql) {
  std::unique_ptr<Statement>& s = statements_[sql];
  if (!s) s = std::make_unique<Statement>(db_, sql);
  s->Reset();
  return *s;
}

int SqliteDb::Exec(const char* sql) { return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }

int SqliteDb::Transaction(const std::function<int()>& body) {
  return RetryPlain([&] {
    int rc = Exec("BEGIN IMMEDIATE");
    if (rc == SQLITE_OK) rc = body();
    if (rc == SQLITE_OK) rc = Exec("COMMIT");
    if (rc != SQLITE_OK && !sqlite3_get_autocommit(db_)) Exec("ROLLBACK");
    return rc;
  });
}

Error SqliteDb::ErrorOf(int rc) const {
  const char* message = sqlite3_errmsg(db_);
  if (!message || sqlite3_errcode(db_) == SQLITE_OK) message = sqlite3_errstr(rc);
  return {"dataset.write", message};
}

}  // namespace gongkai
