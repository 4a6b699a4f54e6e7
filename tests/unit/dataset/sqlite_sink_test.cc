#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "gongkai/jsonl.h"
#include "write/error_record.h"
#include "write/sinks.h"

namespace gongkai {
namespace {

std::string Report(const std::string& path, const std::string& sha256, double value) {
  Record r;
  r.source.path = path;
  r.source.sha256 = sha256;
  r.source.media_type = "text/plain";
  r.report.agency = "某某局";
  r.report.year = 2021;
  r.report.template_id = "2021";
  r.figures.push_back({"requests.received.total", value, {}});
  return ToJsonLine(r);
}

class SqliteSinkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("gongkai_sink_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "d.sqlite").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  int64_t Count(const char* sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
    int64_t n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
  }
  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(SqliteSinkTest, AliasesAreSourcesOfOneRecord) {
  Error error;
  std::unique_ptr<RecordSink> sink = MakeSqliteSink(path_, &error);
  ASSERT_TRUE(sink) << error.message;
  std::string status;
  ASSERT_TRUE(sink->Write(Report("a.txt", "s1", 5), &error, &status)) << error.message;
  EXPECT_EQ(status, "ok");
  EXPECT_EQ(sink->Find("s1", "a.txt", &status, &error), RecordSink::Presence::kStored);
  EXPECT_EQ(sink->Find("s1", "b.txt", &status, &error), RecordSink::Presence::kAliased);
  EXPECT_EQ(sink->Find("s1", "b.txt", &status, &error), RecordSink::Presence::kStored);
  EXPECT_EQ(sink->Find("s2", "c.txt", &status, &error), RecordSink::Presence::kAbsent);
  EXPECT_TRUE(sink->StoredStatus("b.txt", &status));
  EXPECT_EQ(status, "ok");
  EXPECT_FALSE(sink->StoredStatus("c.txt", &status));
  EXPECT_EQ(Count("SELECT count(*) FROM sources"), 2);
  EXPECT_EQ(Count("SELECT count(DISTINCT report_id) FROM sources"), 1);
}

TEST_F(SqliteSinkTest, OneRowPerPath) {
  Error error;
  std::unique_ptr<RecordSink> sink = MakeSqliteSink(path_, &error);
  ASSERT_TRUE(sink);
  SourceInfo source;
  source.path = "a.txt";  // a worker died before it read the file: no sha256
  ASSERT_TRUE(sink->Write(ToJsonLine(ErrorRecord(source, codes::kWorkerCrashed, "died")), &error));
  ASSERT_TRUE(sink->Write(Report("a.txt", "s1", 5), &error));
  EXPECT_EQ(Count("SELECT count(*) FROM sources WHERE path = 'a.txt'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM sources WHERE status = 'ok'"), 1);
  // Two paths of one report; the first path's content is replaced by other bytes: the report
  // keeps the second path, with its content.
  ASSERT_TRUE(sink->Write(Report("b.txt", "s2", 5), &error));
  ASSERT_TRUE(sink->Write(Report("a.txt", "s3", 7), &error));
  EXPECT_EQ(Count("SELECT count(*) FROM sources"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM reports"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM figures"), 2);
  EXPECT_EQ(Count("SELECT f.value FROM figures f JOIN sources s ON s.id = f.source_id "
                  "WHERE s.path = 'b.txt'"),
            5);
}

TEST_F(SqliteSinkTest, WaitsForAnotherWriter) {
  Error error;
  std::unique_ptr<RecordSink> sink = MakeSqliteSink(path_, &error);
  ASSERT_TRUE(sink);
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  std::thread release([other] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
  });
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(sink->Write(Report("a.txt", "s1", 5), &error)) << error.message;
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(250));
  release.join();
  sqlite3_close(other);
  EXPECT_EQ(Count("SELECT count(*) FROM sources"), 1);
}

TEST_F(SqliteSinkTest, ConcurrentAliasesAreExact) {
  Error error;
  ASSERT_TRUE(MakeSqliteSink(path_, &error)->Write(Report("0.txt", "s1", 5), &error));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([this, t] {
      Error e;
      std::unique_ptr<RecordSink> sink = MakeSqliteSink(path_, &e);
      std::string status;
      for (int i = 0; i < 100; ++i) {
        std::string path = std::to_string(t) + "/" + std::to_string(i) + ".txt";
        if (i % 2) {
          sink->Find("s1", path, &status, &e);
        } else {
          sink->Write(Report(path, "s1", 5), &e);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(Count("SELECT count(*) FROM sources"), 401);
  EXPECT_EQ(Count("SELECT count(*) FROM reports"), 1);
}

}  // namespace
}  // namespace gongkai
