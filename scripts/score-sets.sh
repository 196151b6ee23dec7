#!/usr/bin/env bash
# Scores `kg extract` on our article sets with ../shared/eval/score.py and prints each
# article's figures and the totals. Usage: scripts/score-sets.sh [DIR...]
# (default: tests/data/dev tests/data/blind). Needs build/kg and ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
score=../shared/eval/score.py
[ -f "$score" ] || { echo "score-sets: $score not found (../shared is needed)" >&2; exit 1; }
dirs=("$@")
[ ${#dirs[@]} -gt 0 ] || dirs=(tests/data/dev tests/data/blind)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "${dirs[@]}"; do
  for article in "$dir"/*.txt; do
    name=$(basename "$article" .txt)
    build/kg extract "$article" --format json -o "$tmp/$name.json"
    python3 "$score" "$dir/$name.expected.json" "$tmp/$name.json" --json > "$tmp/$name.score"
  done
  python3 - "$dir" "$tmp" <<'PY'
import glob, json, os, sys
directory, tmp = sys.argv[1], sys.argv[2]
keys = [("entities", "must"), ("entities", "should"), ("entities", "named_precision"),
        ("relations", "must"), ("relations", "should"), ("relations", "precision")]
total = {k: [0, 0] for k in keys}
print(f"== {directory}")
for txt in sorted(glob.glob(os.path.join(directory, "*.txt"))):
    name = os.path.basename(txt)[:-4]
    s = json.load(open(os.path.join(tmp, name + ".score")))
    cells = []
    for k in keys:
        a, b = s[k[0]][k[1]]
        total[k][0] += a
        total[k][1] += b
        cells.append(f"{a}/{b}")
    print(f"{name:34} ent must {cells[0]:>6} should {cells[1]:>5} named-prec {cells[2]:>6} | "
          f"rel must {cells[3]:>5} should {cells[4]:>6} prec {cells[5]:>6}")
line = "  ".join(f"{k[0][:3]} {k[1]} {a}/{b} ({100.0 * a / b if b else 0:.0f}%)" for k, (a, b) in total.items())
print(f"TOTAL {line}")
PY
done
