#!/bin/sh
# Summaries and exit codes count what the dataset holds: a resumed run over partial and failed
# records is not ok; a worker killed after its commit is not a timeout; any input that gives no
# record is reported.
. "$(dirname "$0")/../lib.sh"
count() { sqlite3 "$1" "$2"; }
ok="$root/corpus/real/000_7d8fc7268cbfb024/input.txt"
partial="$root/corpus/real/2019_hebei_gxt_1/input.txt"
empty="$root/corpus/reject/empty/input.txt"

# 1. A rerun finds everything stored: it says and exits what the dataset holds.
"$bin" extract -j 2 "$ok" "$partial" "$empty" -o "$tmp/d.sqlite" 2> /dev/null
[ $? -eq 3 ] || fail "first run: exit 3"
"$bin" extract -j 2 "$ok" "$partial" "$empty" -o "$tmp/d.sqlite" 2> "$tmp/err"
code=$?
[ $code -eq 3 ] || fail "a resumed run over partial and failed records exits 3, got $code"
grep -q "3 inputs: 1 ok, 1 partial, 1 failed, 3 already in the dataset — partial" "$tmp/err" ||
  fail "the resumed summary: $(cat "$tmp/err")"

# 2. A worker that stored its record and was then killed (here: hangs past --timeout): the
#    dataset holds it ok, so the run says ok.
cp "$ok" "$tmp/late.txt"
GONGKAI_FAULT=hang_after_write=late.txt "$bin" extract --timeout 2 "$tmp/late.txt" \
  -o "$tmp/late.sqlite" 2> "$tmp/err"
code=$?
[ $code -eq 0 ] || fail "stored ok, then killed: exit 0, got $code"
grep -q "worker.timeout" "$tmp/err" && fail "not reported as a timeout"
[ "$(count "$tmp/late.sqlite" 'SELECT status FROM sources')" = ok ] || fail "stored ok"
[ "$(count "$tmp/late.sqlite" 'SELECT count(*) FROM sources')" -eq 1 ] || fail "one row"

# 3. A worker that hangs before storing: a worker.timeout record carrying the sha256 the worker
#    reported (the parent never reads the input), and a file replaced under the same path
#    replaces its row.
cp "$ok" "$tmp/slow.txt"
GONGKAI_FAULT=hang=slow.txt "$bin" extract --timeout 1 "$tmp/slow.txt" -o "$tmp/s.sqlite" 2> /dev/null
[ "$(count "$tmp/s.sqlite" 'SELECT error_code || length(sha256) FROM sources')" = worker.timeout64 ] ||
  fail "a timeout record with the sha256"
cp "$partial" "$tmp/slow.txt"
"$bin" extract "$tmp/slow.txt" -o "$tmp/s.sqlite" 2> /dev/null
[ "$(count "$tmp/s.sqlite" 'SELECT count(*) || status FROM sources')" = 1partial ] ||
  fail "one row per path, the new bytes: $(count "$tmp/s.sqlite" 'SELECT path, status FROM sources')"
cp "$ok" "$tmp/slow.txt"
"$bin" extract "$tmp/slow.txt" -o "$tmp/s.sqlite" 2> /dev/null
[ "$(count "$tmp/s.sqlite" 'SELECT count(*) || status FROM sources')" = 1ok ] || fail "replaced again"
[ "$(count "$tmp/s.sqlite" 'SELECT count(*) FROM reports')" -eq 1 ] || fail "the old report is gone"
[ "$(count "$tmp/s.sqlite" 'SELECT count(*) FROM figures f LEFT JOIN reports r ON r.id = f.report_id WHERE r.id IS NULL')" -eq 0 ] ||
  fail "no figure of a removed report"
echo "endings: ok"
