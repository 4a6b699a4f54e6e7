// Results that finished before their turn, held until they can be written in input order.
#ifndef GONGKAI_BATCH_REORDER_BUFFER_H_
#define GONGKAI_BATCH_REORDER_BUFFER_H_

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>

namespace gongkai {

// Up to memory_limit bytes are held in memory; beyond that results go to an unlinked temporary
// file and are read back when their turn comes, so one slow input never makes the parent hold
// the whole batch in memory (the file is bounded by the batch's output, the index by a few
// dozen bytes per waiting result). Without a temporary file (tmpfile() fails) results stay in
// memory.
class ReorderBuffer {
 public:
  explicit ReorderBuffer(size_t memory_limit) : limit_(memory_limit) {}
  ~ReorderBuffer();
  ReorderBuffer(const ReorderBuffer&) = delete;
  ReorderBuffer& operator=(const ReorderBuffer&) = delete;

  void Put(size_t index, std::string bytes);
  // The next result in input order, if it has arrived.
  bool Next(std::string* bytes);

  size_t memory_bytes() const { return memory_; }
  size_t spilled() const { return spilled_; }  // results that went to the file, in all

 private:
  struct Entry {
    std::string bytes;    // in memory, or
    int64_t offset = -1;  // in the file
    size_t size = 0;
  };
  bool Spill(Entry* entry);

  std::map<size_t, Entry> waiting_;
  size_t next_ = 0;
  size_t limit_;
  size_t memory_ = 0;
  size_t spilled_ = 0;
  std::FILE* file_ = nullptr;
  int64_t file_end_ = 0;
  size_t in_file_ = 0;  // results in the file not yet read back
};

}  // namespace gongkai

#endif  // GONGKAI_BATCH_REORDER_BUFFER_H_
