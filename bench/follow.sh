#!/bin/bash
# monitor --follow from a pipe: new aligned returns a second on one core, and the largest
# resident memory for 1M and 4M returns followed (it must not grow with them).
#   bench/follow.sh [HEDGECALC] [DATA_DIR]     (the data, made once by follow_prices.py)
set -euo pipefail
hedgecalc=$(realpath "${1:-build/hedgecalc}")
data=${2:-/tmp/hedgecalc_follow_bench}
runs=5
mkdir -p "$data"
here=$(dirname "$0")
for rows in 1000000 4000000; do
  [ -s "$data/$rows.csv" ] || python3 "$here/follow_prices.py" "$rows" > "$data/$rows.csv"
done
echo "| rows | process | best wall (s) of $runs | returns a second | largest RSS (MiB) |"
echo "|---|---|---|---|---|"
for rows in 1000000 4000000; do
  for process in ols-cusum me; do
    best=""; rss=0
    for _ in $(seq $runs); do
      # One core: taskset pins the follower; cat feeds the pipe from the other.
      line=$( { cat "$data/$rows.csv" | /usr/bin/time -f "%e %M" taskset -c 0 "$hedgecalc" monitor \
                --history 200000 --process "$process" --bandwidth 0.5 --follow -:a -:b > /dev/null; } 2>&1 | tail -1)
      wall=${line% *}; kib=${line#* }
      if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; fi
      [ "$kib" -gt "$rss" ] && rss=$kib
    done
    awk -v r="$rows" -v p="$process" -v w="$best" -v m="$rss" \
      'BEGIN{printf "| %d | %s | %.2f | %.2f M | %.1f |\n", r, p, w, (r-1)/w/1e6, m/1024}'
  done
done
