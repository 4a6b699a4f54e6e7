// A SQLite connection for several writing processes: every statement's result checked, and
// write transactions retried while another process holds the lock.
#ifndef GONGKAI_WRITE_SQLITE_DB_H_
#define GONGKAI_WRITE_SQLITE_DB_H_

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "gongkai/record.h"

namespace gongkai {

// A prepared statement. Bind errors are kept and returned by the next Step or Run.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql);
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int i, const nlohmann::json& v);
  Statement& Bind(int i, const std::string& s);
  Statement& Bind(int i, int64_t v);
  // One step: SQLITE_ROW, SQLITE_DONE or an error code. Reset() must follow.
  int Step();
  // To the end, then Reset: SQLITE_OK or the error code.
  int Run();
  // Steps once and calls on_row if there is a row, then resets: SQLITE_OK or the error code.
  int QueryOne(const std::function<void(Statement&)>& on_row);
  int64_t Int(int col) { return sqlite3_column_int64(stmt_, col); }
  std::string Text(int col);
  bool IsNull(int col) { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  void Reset();

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;  // the first prepare or bind error
};

class SqliteDb {
 public:
  // Opens or creates path and runs schema (idempotent DDL) in a write transaction; pragmas
  // first. Waits for other processes doing the same.
  static std::unique_ptr<SqliteDb> Open(const std::string& path, const char* pragmas,
                                        const char* schema, Error* error);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // The statement for sql (prepared once, kept), reset.
  Statement& Sql(const char* sql);
  int Exec(const char* sql);
  // Runs body in one write transaction (BEGIN IMMEDIATE … COMMIT). When SQLite reports the
  // database busy or locked at any step, rolls back and runs body again after a bounded
  // back-off (1 ms doubling to 250 ms, for up to kRetrySeconds): body must only depend on the
  // database. SQLITE_OK or the error code.
  int Transaction(const std::function<int()>& body);
  // The error for rc, as "dataset.write" and SQLite's message.
  Error ErrorOf(int rc) const;
  sqlite3* get() const { return db_; }

  static constexpr int kRetrySeconds = 120;

 private:
  explicit SqliteDb(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::map<std::string, std::unique_ptr<Statement>> statements_;
};

// Whether rc says another connection holds a lock (busy, locked, busy snapshot or recovery).
bool Retryable(int rc);

}  // namespace gongkai

#endif  // GONGKAI_WRITE_SQLITE_DB_H_
