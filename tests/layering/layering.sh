#!/bin/sh
# The layering of extractor/: a stage includes only stages below it (or itself), never one above.
#   util → model → load → normalize → grammar → segment → prose → tables → figures → audit → write
#   → pipeline → batch, dataset → cli
# The public headers (extractor/include/gongkai) stand at their stage: record.h below everything,
# jsonl.h with write, extractor.h with pipeline; they include nothing from extractor/src. The CLI
# is meant to see only the public API; until batch/ and dataset/ have one it may reach those
# folders, write/, grammar/ and util/, and nothing else of src/ (a ratchet: the list only shrinks).
# Usage: layering.sh ROOT (the source tree; tests/layering/selftest.sh runs it on a broken copy).
set -u
root=$1
cd "$root/extractor" || exit 2

grep -rn --include='*.h' --include='*.cc' '^#include "[^"]*/[^"]*"' src include cli | awk '
BEGIN {
  split("util model load normalize grammar segment prose tables figures audit write pipeline", order, " ")
  for (i = 1; i <= 12; i++) level[order[i]] = i - 1
  level["gongkai/record.h"] = level["util"]
  level["gongkai/jsonl.h"] = level["write"]
  level["gongkai/extractor.h"] = level["pipeline"]
  level["batch"] = level["dataset"] = 12
  level["cli"] = 13
  cli_may["batch"] = cli_may["dataset"] = cli_may["write"] = cli_may["grammar"] = 1
  cli_may["util"] = 1
  status = 0
}
{
  file = $0; sub(/:.*/, "", file)
  target = $0; sub(/^[^"]*"/, "", target); sub(/".*/, "", target)
  n++
  dir = target; sub(/\/.*/, "", dir)
  to = dir == "gongkai" ? target : dir
  split(file, parts, "/")
  from = parts[1] == "src" ? parts[2] : parts[1] == "cli" ? "cli" : "gongkai/" parts[3]
  if (!(from in level)) {
    printf "layering: %s: stage %s has no place in the layering (add it to tests/layering)\n", file, from
    status = 1; next
  }
  if (!(to in level)) {
    printf "layering: %s includes %s, of no known stage\n", file, target
    status = 1; next
  }
  if (parts[1] == "include" && dir != "gongkai") {
    printf "layering: public header %s includes %s from extractor/src\n", file, target
    status = 1
  }
  if (parts[1] == "cli" && dir != "gongkai" && !(dir in cli_may)) {
    printf "layering: the CLI includes %s: only the public API (extractor/include)\n", target
    status = 1
  }
  if (level[to] > level[from]) {
    printf "layering: %s (%s) includes %s, a stage above it\n", file, from, target
    status = 1
  }
}
END {
  if (status == 0) printf "layering: %d includes, none upward\n", n
  exit status
}'
