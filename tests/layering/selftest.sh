#!/bin/sh
# layering.sh fails on an upward include, a stage it does not know, and a public header or CLI
# file reaching into extractor/src; and passes on the tree as it is.
set -u
here=$(dirname "$0")
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

sh "$here/layering.sh" "$root" > /dev/null || fail "the tree itself breaks the layering"
fresh() {
  rm -rf "$tmp/extractor"
  mkdir -p "$tmp/extractor"
  cp -r "$root/extractor/src" "$root/extractor/include" "$root/extractor/cli" "$tmp/extractor/"
}
expect_fail() {
  out=$(sh "$here/layering.sh" "$tmp" 2>&1) && fail "$1 passes"
  echo "$out" | grep -q "$2" || fail "$1: wrong message: $out"
}
fresh
printf '#include "audit/audit.h"\n' >> "$tmp/extractor/src/util/text.h"
expect_fail "util including audit" "includes audit/audit.h, a stage above it"
fresh
printf '#include "segment/segmenter.h"\n' >> "$tmp/extractor/src/grammar/grammar.cc"
expect_fail "grammar including segment" "a stage above it"
fresh
mkdir -p "$tmp/extractor/src/newstage"
printf '#include "util/text.h"\n' > "$tmp/extractor/src/newstage/x.cc"
expect_fail "an unknown stage" "has no place in the layering"
fresh
printf '#include "model/document.h"\n' >> "$tmp/extractor/include/gongkai/record.h"
expect_fail "a public header reaching src" "public header"
fresh
printf '#include "figures/figures.h"\n' >> "$tmp/extractor/cli/main.cc"
expect_fail "the CLI reaching figures/" "only the public API"
echo "layering selftest: ok"
