// The SQLite dataset's schema (documented in docs/dataset.md). Idempotent: opening an existing
// dataset runs it again harmlessly.
#ifndef GONGKAI_WRITE_DATASET_SCHEMA_H_
#define GONGKAI_WRITE_DATASET_SCHEMA_H_

namespace gongkai {

// Per connection, outside any transaction.
inline constexpr const char* kDatasetPragmas = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA cache_size = -1024;
)sql";

// Run in one write transaction.
inline constexpr const char* kDatasetSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
INSERT OR IGNORE INTO meta VALUES('schema', 'gongkai.dataset/1');
CREATE TABLE IF NOT EXISTS reports(
  id INTEGER PRIMARY KEY,
  agency TEXT,
  agency_key TEXT,
  year INTEGER,
  title TEXT,
  template TEXT,
  status TEXT,
  fingerprint TEXT UNIQUE NOT NULL);
CREATE TABLE IF NOT EXISTS sources(
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL,
  path TEXT NOT NULL,
  media_type TEXT,
  bytes INTEGER,
  pages INTEGER,
  encoding TEXT,
  url TEXT,
  title TEXT,
  published TEXT,
  report_id INTEGER REFERENCES reports(id),
  status TEXT NOT NULL,
  error_code TEXT,
  error_message TEXT,
  record TEXT NOT NULL,
  UNIQUE(sha256, path));
CREATE TABLE IF NOT EXISTS figures(
  report_id INTEGER NOT NULL REFERENCES reports(id),
  key TEXT NOT NULL,
  value REAL,
  page INTEGER,
  line INTEGER,
  box TEXT,
  text TEXT,
  cell TEXT,
  rule TEXT,
  unit TEXT,
  source_id INTEGER REFERENCES sources(id),
  PRIMARY KEY(report_id, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sections(
  report_id INTEGER NOT NULL REFERENCES reports(id),
  ordinal INTEGER, id TEXT, heading TEXT, page INTEGER, line INTEGER);
CREATE TABLE IF NOT EXISTS findings(
  report_id INTEGER NOT NULL REFERENCES reports(id),
  rule TEXT, row TEXT, col TEXT, ok INTEGER, lhs REAL, rhs REAL, blank_as_zero TEXT);
CREATE TABLE IF NOT EXISTS diagnostics(
  report_id INTEGER REFERENCES reports(id),
  source_id INTEGER REFERENCES sources(id),
  severity TEXT, code TEXT, message TEXT, page INTEGER, line INTEGER,
  tbl TEXT, key TEXT, label TEXT, rule TEXT, candidates TEXT);
CREATE INDEX IF NOT EXISTS reports_agency_year ON reports(agency_key, year);
CREATE INDEX IF NOT EXISTS figures_key ON figures(key, report_id);
CREATE INDEX IF NOT EXISTS sources_report ON sources(report_id);
CREATE INDEX IF NOT EXISTS sources_path ON sources(path);
CREATE INDEX IF NOT EXISTS findings_report ON findings(report_id);
CREATE INDEX IF NOT EXISTS diagnostics_report ON diagnostics(report_id);
)sql";

}  // namespace gongkai

#endif  // GONGKAI_WRITE_DATASET_SCHEMA_H_
