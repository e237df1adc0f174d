#!/usr/bin/env bash
# The CPU cost of splitting a matrix into shards: one run against N shards, each a fresh
# process on one thread (--jobs 1), as a Slurm array or GNU parallel runs them.
#
#   bench/shards.sh HEDGECALC REPEATS "N..." PRICES...
#
# For each PRICES file and each N: the CPU time (user + system) of one run, the summed
# CPU time of its N shards (the best of REPEATS tries of each, taken in turns), their
# ratio, and the peak resident memory of one run and of the largest shard. Output is a
# markdown table. A wide file to try: /usr/bin/python3 bench/wide_prices.py 2000 2520 F.csv
set -euo pipefail
[ $# -ge 4 ] || { sed -n 2,9p "$0" >&2; exit 2; }
hc=$1 repeats=$2 counts=$3
shift 3

cpu_and_memory() {  # prints "seconds kilobytes" of one run of the command
  /usr/bin/time -f "%U %S %M" "$@" 2>&1 >/dev/null | tail -n 1 | awk '{ print $1 + $2, $3 }'
}

lower() {  # the pair "seconds kilobytes" with fewer seconds
  if [ -z "$1" ] || awk -v a="${2%% *}" -v b="${1%% *}" 'BEGIN { exit !(a < b) }'; then echo "$2"; else echo "$1"; fi
}

shards() {  # N PRICES: summed seconds, largest shard's kilobytes
  local n=$1 prices=$2 total=0 memory=0 i run
  for i in $(seq "$n"); do
    run=$(cpu_and_memory "$hc" matrix --jobs 1 --format csv --shard "$i/$n" "$prices")
    total=$(awk -v a="$total" -v b="${run%% *}" 'BEGIN { print a + b }')
    memory=$(awk -v a="$memory" -v b="${run##* }" 'BEGIN { print (b > a) ? b : a }')
  done
  echo "$total $memory"
}

echo "| file | N | one run: CPU | N shards: summed CPU | ratio | one run: peak memory | largest shard: peak memory |"
echo "|---|---|---|---|---|---|---|"
# One run and the shards take turns, so that a slow spell of a shared machine falls on
# both; each keeps its best try.
for prices in "$@"; do
  for n in $counts; do
    one="" split=""
    for _ in $(seq "$repeats"); do
      one=$(lower "$one" "$(cpu_and_memory "$hc" matrix --jobs 1 --format csv "$prices")")
      split=$(lower "$split" "$(shards "$n" "$prices")")
    done
    awk -v f="$(basename "$prices")" -v n="$n" \
        -v a="${one%% *}" -v b="${split%% *}" -v ma="${one##* }" -v mb="${split##* }" \
        'BEGIN { printf "| %s | %d | %.2f s | %.2f s | %.2f | %.0f MB | %.0f MB |\n", f, n, a, b, b / a, ma / 1024, mb / 1024 }'
  done
done
