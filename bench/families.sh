#!/bin/bash
# What each family of options costs on the P1 pair (two files of 1M one-minute closes,
# made by the yardstick's data script), in loads of the files: a load is the plain run
# (read both files, align, full-sample fit, json). Each command: the median of five
# hyperfine runs after one warm-up (best of five /usr/bin/time runs without hyperfine);
# a run that exits 3 (an accounting test not met) counts as any other.
#   bench/families.sh [HEDGECALC] [PAIR_DIR]   (default build/hedgecalc /tmp/hcbench/p1/1M)
set -euo pipefail
hedgecalc=$(realpath "${1:-build/hedgecalc}")
pair=${2:-/tmp/hcbench/p1/1M}
[ -s "$pair/target.csv" ] && [ -s "$pair/proxy.csv" ] || { echo "families: no pair in $pair" >&2; exit 1; }
files="$pair/target.csv $pair/proxy.csv"
seconds() {  # one command's median (or best) wall time
  if command -v hyperfine >/dev/null; then
    hyperfine -N -i -w 1 -m 5 --export-json /tmp/families.$$.json "$*" >/dev/null 2>&1
    /usr/bin/python3 -c "import json;print(json.load(open('/tmp/families.$$.json'))['results'][0]['median'])"
    rm -f /tmp/families.$$.json
  else
    local best=999
    for _ in 1 2 3 4 5; do
      local t; t=$( { /usr/bin/time -f %e "$@" >/dev/null 2>/dev/null; } 2>&1 | tail -1)
      best=$(awk -v a="$best" -v b="$t" 'BEGIN{print (b < a) ? b : a}')
    done
    echo "$best"
  fi
}
plain=$(seconds "$hedgecalc" --format json $files)
echo "$(date -u +%Y-%m-%d), $(nproc) cores, $(basename "$hedgecalc") $("$hedgecalc" --version | cut -d' ' -f2-)"
echo
echo "| options | family | wall | loads | added, in loads |"
echo "|---|---|---|---|---|"
printf '| (none) | a load | %.3f s | 1.00 | |\n' "$plain"
while IFS='|' read -r family options; do
  t=$(seconds "$hedgecalc" --format json $options $files)
  awk -v f="$family" -v o="$options" -v t="$t" -v p="$plain" \
    'BEGIN{printf "| `%s` | %s | %.3f s | %.2f | %.2f |\n", o, f, t, t / p, (t - p) / p}'
done <<'LIST'
stability|--stability
risk|--risk
estimators|--estimators
rolling|--window 1440
kalman, fixed variances|--kalman --kalman-q 1e-12,1e-12 --kalman-r 2.6e-7
kalman, maximum likelihood|--kalman
ewma|--ewma 0.94
costs|--window 1440 --rebalance 60 --cost-bps 10 --carry 0.1
accounting|--accounting --exposure 1000000
horizons|--horizons 1,5,60
cointegration|--cointegration
dcc|--dcc
contest with dcc|--dcc --rebalance 1440 --compare
LIST
# The one-shot monitor is a command of its own.
t=$(seconds "$hedgecalc" monitor --format json --history 200000 $files)
awk -v t="$t" -v p="$plain" \
  'BEGIN{printf "| `monitor --history 200000` | monitor | %.3f s | %.2f | %.2f |\n", t, t / p, (t - p) / p}'
