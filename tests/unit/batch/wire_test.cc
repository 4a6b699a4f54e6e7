#include "batch/wire.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "batch/input_file.h"
#include "batch/reorder_buffer.h"
#include "batch/task.h"

namespace gongkai {
namespace {

TEST(Task, AnyByteSurvives) {
  Task t;
  t.path = std::string("dir\t1/a\nb\0c\r.pdf", 17);
  t.hints.url = "http://x/?a=1\tb=2";
  t.hints.title = "标题\n第二行";
  t.hints.published = "\t";
  t.hints.agency = "T3\tT4";
  t.hints.year = 2021;
  t.notes = {"year 「20x1」", ""};
  Task back;
  ASSERT_TRUE(DecodeTask(EncodeTask(t), &back));
  EXPECT_EQ(back.path, t.path);
  EXPECT_EQ(back.hints.url, t.hints.url);
  EXPECT_EQ(back.hints.title, t.hints.title);
  EXPECT_EQ(back.hints.published, t.hints.published);
  EXPECT_EQ(back.hints.agency, t.hints.agency);
  EXPECT_EQ(back.hints.year, 2021);
  EXPECT_EQ(back.notes, t.notes);
  t.hints.year.reset();
  ASSERT_TRUE(DecodeTask(EncodeTask(t), &back));
  EXPECT_FALSE(back.hints.year.has_value());
}

TEST(Task, CorruptMessagesAreRefused) {
  Task t;
  t.path = "a.txt";
  std::string bytes = EncodeTask(t);
  Task back;
  for (size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_FALSE(DecodeTask(bytes.substr(0, n), &back)) << n;
  }
  EXPECT_FALSE(DecodeTask(bytes + "x", &back));
  std::string huge = bytes;
  huge[0] = '\xff';  // a length past the end
  EXPECT_FALSE(DecodeTask(huge, &back));
}

TEST(Task, ResultsAndStarts) {
  TaskResult r;
  r.status = "failed";
  r.error_code = "io.not_a_file";
  r.line = "{\"a\":\"\\t\"}\n\t";
  r.stored = true;
  r.write_error = "dataset.write: disk full";
  TaskStart s;
  TaskResult back;
  bool is_start = true;
  ASSERT_TRUE(DecodeMessage(EncodeResult(r), &s, &back, &is_start));
  EXPECT_FALSE(is_start);
  EXPECT_EQ(back.status, r.status);
  EXPECT_EQ(back.error_code, r.error_code);
  EXPECT_EQ(back.line, r.line);
  EXPECT_TRUE(back.stored);
  EXPECT_FALSE(back.skipped);
  EXPECT_EQ(back.write_error, r.write_error);
  ASSERT_TRUE(DecodeMessage(EncodeStart({"abc", 42, "text/plain"}), &s, &back, &is_start));
  EXPECT_TRUE(is_start);
  EXPECT_EQ(s.sha256, "abc");
  EXPECT_EQ(s.bytes, 42u);
  EXPECT_FALSE(DecodeMessage("garbage", &s, &back, &is_start));
}

TEST(ReorderBuffer, InOrderWithinItsMemory) {
  ReorderBuffer buffer(1000);
  std::string out;
  // 0 is slow: 1..199 (100 bytes each) wait; at most 1000 bytes of them in memory.
  for (size_t i = 199; i >= 1; --i) {
    buffer.Put(i, std::string(100, static_cast<char>('a' + i % 26)));
    EXPECT_LE(buffer.memory_bytes(), 1000u);
    EXPECT_FALSE(buffer.Next(&out));
  }
  EXPECT_GE(buffer.spilled(), 180u);
  buffer.Put(0, "first");
  ASSERT_TRUE(buffer.Next(&out));
  EXPECT_EQ(out, "first");
  for (size_t i = 1; i < 200; ++i) {
    ASSERT_TRUE(buffer.Next(&out)) << i;
    EXPECT_EQ(out, std::string(100, static_cast<char>('a' + i % 26))) << i;
  }
  EXPECT_FALSE(buffer.Next(&out));
  EXPECT_EQ(buffer.memory_bytes(), 0u);
  // The file starts again from empty: a second round reads back right.
  buffer.Put(201, "b");
  buffer.Put(200, "a");
  ASSERT_TRUE(buffer.Next(&out));
  EXPECT_EQ(out, "a");
  ASSERT_TRUE(buffer.Next(&out));
  EXPECT_EQ(out, "b");
}

class InputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("gongkai_input_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const char* name) { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

TEST_F(InputFileTest, NotAFileIsNeverRead) {
  ASSERT_EQ(mkfifo(Path("fifo").c_str(), 0600), 0);
  for (std::string path : {Path("fifo"), std::string("/dev/zero"), dir_.string()}) {
    EXPECT_TRUE(IsNotAFile(path)) << path;
    std::string bytes;
    Record r;
    EXPECT_FALSE(ReadInput(path, &bytes, &r)) << path;  // returns at once: a FIFO never blocks
    ASSERT_TRUE(r.error) << path;
    EXPECT_EQ(r.error->code, "io.not_a_file") << path;
  }
  EXPECT_FALSE(IsNotAFile(Path("missing")));
  std::string bytes;
  Record r;
  EXPECT_FALSE(ReadInput(Path("missing"), &bytes, &r));
  EXPECT_EQ(r.error->code, "io.unreadable");
}

TEST_F(InputFileTest, TextOverItsLimitIsRefusedUnread) {
  { std::ofstream(Path("ok.txt")) << "一二三"; }
  std::string bytes;
  Record r;
  ASSERT_TRUE(ReadInput(Path("ok.txt"), &bytes, &r));
  EXPECT_EQ(bytes, "一二三");
  // A sparse file just over the text limit: refused by its size, with its sha256.
  int fd = open(Path("big.txt").c_str(), O_CREAT | O_WRONLY, 0600);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(ftruncate(fd, static_cast<off_t>(Extractor::kMaxTextBytes) + 1), 0);
  close(fd);
  EXPECT_FALSE(ReadInput(Path("big.txt"), &bytes, &r));
  EXPECT_EQ(r.error->code, "input.too_large");
  EXPECT_EQ(r.source.bytes, Extractor::kMaxTextBytes + 1);
  EXPECT_EQ(r.source.sha256.size(), 64u);
  EXPECT_TRUE(bytes.empty());
}

}  // namespace
}  // namespace gongkai
