// Writes records as JSON Lines, with a fixed key order so output is diffable.
#ifndef GONGKAI_JSONL_H_
#define GONGKAI_JSONL_H_

#include <string>

#include "gongkai/record.h"

namespace gongkai {

// One record (or error record) as one line of JSON, without the trailing newline.
std::string ToJsonLine(const Record& record);

}  // namespace gongkai

#endif  // GONGKAI_JSONL_H_
