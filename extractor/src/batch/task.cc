#include "batch/task.h"

#include "batch/wire.h"

namespace gongkai {
namespace {

constexpr uint64_t kStart = 1;
constexpr uint64_t kResult = 2;
constexpr uint64_t kNoYear = ~uint64_t{0};

}  // namespace

std::string EncodeTask(const Task& t) {
  WireWriter w;
  w.Str(t.path).Str(t.hints.url).Str(t.hints.title).Str(t.hints.published).Str(t.hints.agency);
  w.U64(t.hints.year ? static_cast<uint64_t>(static_cast<uint32_t>(*t.hints.year)) : kNoYear);
  w.U64(t.notes.size());
  for (const std::string& n : t.notes) w.Str(n);
  return w.Take();
}

bool DecodeTask(std::string_view bytes, Task* t) {
  WireReader r(bytes);
  t->path = r.Str();
  t->hints.url = r.Str();
  t->hints.title = r.Str();
  t->hints.published = r.Str();
  t->hints.agency = r.Str();
  uint64_t year = r.U64();
  t->hints.year.reset();
  if (year != kNoYear) t->hints.year = static_cast<int>(static_cast<uint32_t>(year));
  uint64_t notes = r.U64();
  t->notes.clear();
  for (uint64_t i = 0; r.ok() && i < notes; ++i) t->notes.push_back(r.Str());
  return r.AtEnd();
}

std::string EncodeStart(const TaskStart& s) {
  WireWriter w;
  w.U64(kStart).Str(s.sha256).U64(s.bytes).Str(s.media_type);
  return w.Take();
}

std::string EncodeResult(const TaskResult& x) {
  WireWriter w;
  w.U64(kResult).Str(x.status).Str(x.error_code).Str(x.line);
  w.U64((x.stored ? 1 : 0) | (x.skipped ? 2 : 0)).Str(x.write_error);
  return w.Take();
}

bool DecodeMessage(std::string_view bytes, TaskStart* start, TaskResult* result, bool* is_start) {
  WireReader r(bytes);
  uint64_t kind = r.U64();
  *is_start = kind == kStart;
  if (kind == kStart) {
    start->sha256 = r.Str();
    start->bytes = r.U64();
    start->media_type = r.Str();
    return r.AtEnd();
  }
  if (kind != kResult) return false;
  result->status = r.Str();
  result->error_code = r.Str();
  result->line = r.Str();
  uint64_t flags = r.U64();
  result->stored = flags & 1;
  result->skipped = flags & 2;
  result->write_error = r.Str();
  return r.AtEnd();
}

}  // namespace gongkai
