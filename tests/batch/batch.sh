#!/bin/sh
# Batch runs end to end: every input accounted for (corrupt files, a worker that crashes, one that
# hangs), an interrupted run resumed to the same dataset, sharded runs merged to the same dataset,
# CSV output, and the audit across filings.
. "$(dirname "$0")/../lib.sh"
count() { sqlite3 "$1" "$2"; }
# Dataset contents without row ids, in a stable order.
dump() {
  sqlite3 "$1" "
    SELECT 'S', s.path, s.sha256, s.status, coalesce(s.error_code, ''), coalesce(r.fingerprint, '')
      FROM sources s LEFT JOIN reports r ON r.id = s.report_id ORDER BY s.path;
    SELECT 'R', fingerprint, agency, year, template, status FROM reports ORDER BY fingerprint;
    SELECT 'F', r.fingerprint, f.key, f.value, f.page, f.line, f.cell
      FROM figures f JOIN reports r ON r.id = f.report_id ORDER BY 2, 3;
    SELECT 'A', r.fingerprint, f.rule, f.row, f.col, f.ok, f.lhs, f.rhs
      FROM findings f JOIN reports r ON r.id = f.report_id ORDER BY 2, 3, 4, 5;
    SELECT 'X', r.fingerprint, x.ordinal, x.id, x.heading
      FROM sections x JOIN reports r ON r.id = x.report_id ORDER BY 2, 3;
    SELECT 'D', s.path, d.code, coalesce(d.key, ''), d.message
      FROM diagnostics d JOIN sources s ON s.id = d.source_id ORDER BY 2, 3, 4, 5;"
}

# 1. The corpus, three corrupt files, a crash and a hang: every input accounted for.
mkdir -p "$tmp/in"
cp -r "$root/corpus/real" "$root/corpus/generated" "$tmp/in/"
head -c 3000 "$root/corpus/real/2024_huaian_shi_1/input.pdf" > "$tmp/in/cut.pdf"
awk 'BEGIN { srand(7); for (i = 0; i < 4000; i++) printf "%c", int(rand() * 256) }' > "$tmp/in/noise.pdf"
: > "$tmp/in/zero.pdf"
cp "$root/corpus/real/2021_hebei_jyt_1/input.txt" "$tmp/in/crash.txt"
printf '\ncrash\n' >> "$tmp/in/crash.txt"
cp "$root/corpus/real/2019_hebei_jyt_1/input.txt" "$tmp/in/hang.txt"
printf '\nhang\n' >> "$tmp/in/hang.txt"
inputs=$(find "$tmp/in" -name '*.pdf' -o -name '*.txt' | wc -l)
GONGKAI_FAULT="crash=crash.txt,hang=hang.txt" "$bin" extract --timeout 10 -j 2 "$tmp/in" \
  -o "$tmp/all.sqlite" 2> "$tmp/err"
code=$?
[ $code -eq 3 ] || fail "a batch with failures should exit 3 (partial), got $code"
grep -q "inputs: .* — partial" "$tmp/err" || fail "the summary says partial"
[ "$(count "$tmp/all.sqlite" 'SELECT count(*) FROM sources')" -eq "$inputs" ] ||
  fail "records + error records = inputs ($inputs)"
[ "$(count "$tmp/all.sqlite" "SELECT error_code FROM sources WHERE path LIKE '%crash.txt'")" = worker.crashed ] ||
  fail "the crash is a worker.crashed record"
[ "$(count "$tmp/all.sqlite" "SELECT error_code FROM sources WHERE path LIKE '%hang.txt'")" = worker.timeout ] ||
  fail "the hang is a worker.timeout record"
[ "$(count "$tmp/all.sqlite" "SELECT error_code FROM sources WHERE path LIKE '%cut.pdf'")" = pdf.damaged ] ||
  fail "the truncated PDF is pdf.damaged"
[ "$(count "$tmp/all.sqlite" 'PRAGMA integrity_check')" = ok ] || fail "integrity check"
# The 淮安 PDF and texts of the seed in several encodings: one report each, several sources.
[ "$(count "$tmp/all.sqlite" "SELECT count(*) FROM sources s JOIN reports r ON r.id = s.report_id WHERE r.agency = '尖扎县教育局'")" -ge 1 ] ||
  fail "the seed has its report"

# 2. kill -9 in the middle, then the same command: the same dataset as an uninterrupted run.
mkdir -p "$tmp/k"
cp -r "$root/corpus/real" "$tmp/k/"
"$bin" extract -j 1 "$tmp/k" -o "$tmp/full.sqlite" 2> /dev/null
GONGKAI_FAULT="slow=.txt" "$bin" extract -j 1 "$tmp/k" -o "$tmp/resumed.sqlite" 2> /dev/null &
pid=$!
# Interrupted once a few records are stored (a fixed sleep is too short on a loaded machine).
i=0
while [ $i -lt 600 ]; do
  if [ -f "$tmp/resumed.sqlite" ]; then
    n=$(count "$tmp/resumed.sqlite" 'SELECT count(*) FROM sources' 2> /dev/null)
    [ "${n:-0}" -ge 3 ] && break
  fi
  sleep 0.1
  i=$((i + 1))
done
kill -9 $pid
pkill -9 -P $pid 2> /dev/null
wait $pid 2> /dev/null
done_before=$(count "$tmp/resumed.sqlite" 'SELECT count(*) FROM sources')
total=$(count "$tmp/full.sqlite" 'SELECT count(*) FROM sources')
[ "$done_before" -lt "$total" ] || fail "the run should have been interrupted ($done_before of $total)"
[ "$(count "$tmp/resumed.sqlite" 'PRAGMA integrity_check')" = ok ] || fail "interrupted dataset consistent"
"$bin" extract -j 1 "$tmp/k" -o "$tmp/resumed.sqlite" 2> "$tmp/err2"
grep -q "already in the dataset" "$tmp/err2" || fail "the rerun skips what is done"
dump "$tmp/full.sqlite" > "$tmp/full.txt"
dump "$tmp/resumed.sqlite" > "$tmp/resumed.txt"
cmp -s "$tmp/full.txt" "$tmp/resumed.txt" || { diff "$tmp/full.txt" "$tmp/resumed.txt" | head; fail "resumed != full"; }

# 3. Three shards merged: the same dataset as one run.
for k in 1 2 3; do
  "$bin" extract -j 2 --shard $k/3 "$tmp/k" -o "$tmp/shard$k.sqlite" 2> /dev/null
done
"$bin" merge "$tmp/shard1.sqlite" "$tmp/shard2.sqlite" "$tmp/shard3.sqlite" -o "$tmp/merged.sqlite" ||
  fail "merge"
dump "$tmp/merged.sqlite" > "$tmp/merged.txt"
cmp -s "$tmp/full.txt" "$tmp/merged.txt" || { diff "$tmp/full.txt" "$tmp/merged.txt" | head; fail "merged != full"; }
s1=$(count "$tmp/shard1.sqlite" 'SELECT count(*) FROM sources')
[ "$s1" -gt 0 ] && [ "$s1" -lt "$total" ] || fail "a shard holds part of the inputs"

# 4. CSV, long format, with a BOM for Excel.
"$bin" extract --excel "$root/corpus/real/000_7d8fc7268cbfb024/input.txt" -o "$tmp/f.csv" 2> /dev/null
[ "$(head -c 3 "$tmp/f.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "the BOM"
[ "$(wc -l < "$tmp/f.csv")" -eq 201 ] || fail "a header and 200 figure rows"
grep -q '^尖扎县教育局,2021,2021,proactive.normative_docs.issued,3,' "$tmp/f.csv" || fail "a figure row"

echo "batch: ok"
