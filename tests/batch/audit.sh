#!/bin/sh
# gongkai audit across filings: the 河北 series of the corpus (with the scraper's manifest), and a
# made-up pair of years whose carry-over does not match.
. "$(dirname "$0")/../lib.sh"

"$bin" extract "$root/corpus/real" --manifest "$root/corpus/real/manifest.csv" \
  -o "$tmp/hebei.sqlite" 2> /dev/null
"$bin" audit --json "$tmp/hebei.sqlite" > "$tmp/hebei.jsonl" 2> /dev/null
code=$?
# 工信厅 2021 → 2022 is the one pair of consecutive years with table 三 in both: seven columns,
# all carried over as the labels say (0 = 0); 现行有效件数 chains 25 + 5 - 4 = 26.
carry=$(grep -c '"rule":"requests.carry"' "$tmp/hebei.jsonl")
[ "$carry" -eq 7 ] || fail "7 carry checks for 工信厅 2021→2022, got $carry"
grep '"rule":"requests.carry"' "$tmp/hebei.jsonl" | grep -q '"ok":false' && fail "no carry mismatch"
grep '"rule":"proactive.in_force"' "$tmp/hebei.jsonl" | grep '"row":"normative_docs"' |
  grep -q '"ok":true' || fail "in_force chains 2021→2022"
[ $code -eq 0 ] || fail "the corpus audit passes, got $code"

# The seed (2021) and a 2022 copy that carries over 1 request that 2021 did not carry forward.
mkdir -p "$tmp/pair"
cp "$root/corpus/real/000_7d8fc7268cbfb024/input.txt" "$tmp/pair/2021.txt"
sed -e 's/^2021 年度政府信息公开工作年度报告/2022 年度政府信息公开工作年度报告/' \
    -e 's/^二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0/二、上年结转政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1/' \
    "$tmp/pair/2021.txt" > "$tmp/pair/2022.txt"
"$bin" extract "$tmp/pair" -o "$tmp/pair.sqlite" 2> /dev/null
"$bin" audit --json "$tmp/pair.sqlite" > "$tmp/pair.jsonl" 2> /dev/null
code=$?
[ $code -eq 1 ] || fail "a failing identity exits 1, got $code"
grep '"rule":"requests.carry"' "$tmp/pair.jsonl" | grep '"column":"natural"' | grep '"ok":false' |
  grep '"lhs":1' | grep -q '"rhs":0' || fail "the natural-person carry mismatch, both sides"
[ "$(grep '"rule":"requests.carry"' "$tmp/pair.jsonl" | grep -c '"ok":false')" -eq 2 ] ||
  fail "exactly natural and total mismatch"
echo "audit: ok"
