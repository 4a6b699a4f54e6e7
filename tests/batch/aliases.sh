#!/bin/sh
# The same bytes under 10,000 paths (common in scraped folders), two workers: exactly one sources
# row per path, and a rerun adds none. Two runs started at once on a new dataset wait for each
# other instead of failing with "database is locked".
. "$(dirname "$0")/../lib.sh"
count() { sqlite3 "$1" "$2"; }

mkdir "$tmp/in"
cp "$root/corpus/real/000_7d8fc7268cbfb024/input.txt" "$tmp/in/report.txt"
/usr/bin/python3 -c '
import os, sys
for i in range(1, 10000):
    os.symlink("report.txt", os.path.join(sys.argv[1], "copy%05d.txt" % i))
' "$tmp/in"
[ "$(ls "$tmp/in" | wc -l)" -eq 10000 ] || fail "10,000 paths"

"$bin" extract -j 2 "$tmp/in" -o "$tmp/a.sqlite" 2> "$tmp/err"
code=$?
[ $code -eq 0 ] || { tail -3 "$tmp/err"; fail "10,000 ok inputs should exit 0, got $code"; }
[ "$(count "$tmp/a.sqlite" 'SELECT count(*) FROM sources')" -eq 10000 ] ||
  fail "one sources row per path: $(count "$tmp/a.sqlite" 'SELECT count(*) FROM sources') of 10000"
[ "$(count "$tmp/a.sqlite" 'SELECT count(DISTINCT path) FROM sources')" -eq 10000 ] ||
  fail "10,000 distinct paths"
[ "$(count "$tmp/a.sqlite" 'SELECT count(*) FROM reports')" -eq 1 ] || fail "one report"
grep -q "10000 inputs: 10000 ok, 0 partial, 0 failed — ok" "$tmp/err" || fail "the summary"

"$bin" extract -j 2 "$tmp/in" -o "$tmp/a.sqlite" 2> "$tmp/err"
[ $? -eq 0 ] || fail "a rerun of an ok dataset exits 0"
grep -q "10000 already in the dataset" "$tmp/err" || fail "the rerun skips every path"
[ "$(count "$tmp/a.sqlite" 'SELECT count(*) FROM sources')" -eq 10000 ] || fail "a rerun adds no row"

# Two runs at once on a dataset that does not exist yet: both finish, every input once.
mkdir "$tmp/real"
cp -r "$root/corpus/real/." "$tmp/real/"
inputs=$(find "$tmp/real" -name '*.pdf' -o -name '*.txt' | wc -l)
"$bin" extract -j 2 "$tmp/real" -o "$tmp/c.sqlite" 2> "$tmp/err1" &
first=$!
"$bin" extract -j 2 "$tmp/real" -o "$tmp/c.sqlite" 2> "$tmp/err2"
second=$?
wait $first
first=$?
[ $first -ne 4 ] && [ $second -ne 4 ] || { cat "$tmp/err1" "$tmp/err2"; fail "concurrent runs: $first, $second"; }
! grep -q "locked" "$tmp/err1" "$tmp/err2" || fail "no run fails on the lock"
[ "$(count "$tmp/c.sqlite" 'SELECT count(*) FROM sources')" -eq "$inputs" ] ||
  fail "concurrent runs: one row per input ($inputs)"
[ "$(count "$tmp/c.sqlite" 'PRAGMA integrity_check')" = ok ] || fail "integrity check"
echo "aliases: ok"
