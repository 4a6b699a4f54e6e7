#!/bin/sh
# Every C++ file of extractor/, tests/ and tools/ is as clang-format (.clang-format) prints it.
# Files in known_unformatted.txt are skipped until someone formats them: the list only shrinks.
# Usage: format.sh ROOT CLANG_FORMAT
set -u
root=$1
clang_format=$2
cd "$root" || exit 2
known=tests/format/known_unformatted.txt
files=$(find extractor tests tools -name '*.cc' -o -name '*.h' | sort |
  grep -vxF -f "$known")
[ -n "$files" ] || { echo "format: no files found"; exit 1; }
# shellcheck disable=SC2086
"$clang_format" --dry-run -Werror $files || {
  echo "format: run clang-format -i on the files above"
  exit 1
}
echo "format: $(echo "$files" | wc -l) files formatted"
