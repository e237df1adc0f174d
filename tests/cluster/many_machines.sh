#!/usr/bin/env bash
# Runs the recipes of docs/many-machines.md exactly as the page prints them (each block
# marked "<!-- tested: NAME -->") and compares the merged outputs byte for byte with one
# local run of matrix and of batch.
#
#   tests/cluster/many_machines.sh HEDGECALC parallel   GNU parallel on this machine
#   tests/cluster/many_machines.sh HEDGECALC slurm      a Slurm job array on a single-node
#                                                       cluster started here (scripts/slurm-local)
#
# slurm exits 77 (ctest: skipped) with the reason where the cluster cannot start (not
# root, slurm-wlm or munge missing); with HEDGECALC_REQUIRE_SLURM=1 (CI) that is a failure.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 HEDGECALC parallel|slurm" >&2; exit 2; }
mode=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
doc=$root/docs/many-machines.md
bin=$(cd "$(dirname "$1")" && pwd)
[ "$(basename "$1")" = hedgecalc ] || { echo "the binary must be named hedgecalc" >&2; exit 2; }
export PATH="$bin:$PATH"  # the recipes call `hedgecalc`
work=$(mktemp -d "${TMPDIR:-/tmp}/hedgecalc-many.XXXXXX")
cluster=""

cleanup() {
  if [ -n "$cluster" ]; then "$root/scripts/slurm-local" stop "$cluster" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The text of the page's block NAME.
block() {
  awk -v name="$1" '
    $0 == "<!-- tested: " name " -->" { marked = 1; next }
    marked && /^```bash$/ { inside = 1; next }
    inside && /^```$/ { exit }
    inside { print }' "$doc"
}

skip() {
  if [ "${HEDGECALC_REQUIRE_SLURM:-0}" = 1 ]; then
    echo "FAIL: Slurm is required here (HEDGECALC_REQUIRE_SLURM=1) but $*" >&2
    exit 1
  fi
  echo "SKIP: $*" >&2
  exit 77
}

# 24 price columns, labels in column order, on 672 dates with scattered empty cells and
# a late listing; the draws are exact in any awk (16807 x < 2^53).
make_prices() {
  awk 'BEGIN {
    x = 7; k = 24; printf "date"
    for (j = 0; j < k; j++) { printf ",S%02d", j; p[j] = 50 + j }
    print ""
    for (y = 2001; y <= 2002; y++) for (m = 1; m <= 12; m++) for (d = 1; d <= 28; d++) {
      x = (x * 16807) % 2147483647; market = (x / 2147483647 - 0.5) * 0.02; row++
      printf "%04d-%02d-%02d", y, m, d
      for (j = 0; j < k; j++) {
        x = (x * 16807) % 2147483647; p[j] *= 1 + (0.5 + j / k) * market + (x / 2147483647 - 0.5) * 0.01
        x = (x * 16807) % 2147483647
        if (x / 2147483647 < 0.02 || (j == 5 && row < 100)) printf ","; else printf ",%.4f", p[j]
      }
      print ""
    }
  }' > prices.csv
  echo "id,target,proxy" > pairs.csv
  local t p
  for t in 0 3 5 7 11 13 17 19 23; do
    for p in 1 2 4 8 16 22; do
      printf 'p%02d%02d,prices.csv:S%02d,prices.csv:S%02d\n' "$t" "$p" "$t" "$p"
    done
  done >> pairs.csv
}

same() {  # merged, one run
  if cmp -s "$1" "$2"; then
    echo "$1: $(wc -l < "$1") lines, byte for byte the same as one run ($(cksum < "$1"))"
  else
    echo "FAIL: $1 differs from one run:" >&2
    diff "$1" "$2" | head -20 >&2
    exit 1
  fi
}

start_slurm() {
  [ "$(id -u)" -eq 0 ] || skip "the test cluster needs root"
  command -v slurmctld >/dev/null && command -v munged >/dev/null ||
    skip "slurm-wlm and munge are not installed (apt-get install slurm-wlm munge)"
  cluster=$work/cluster
  local line
  line=$("$root/scripts/slurm-local" start "$cluster") || skip "the cluster did not start"
  export SLURM_CONF=${line#export SLURM_CONF=}
  sinfo
}

cd "$work"
make_prices
hedgecalc matrix --format csv prices.csv > one-matrix.csv
hedgecalc batch --quiet --format csv pairs.csv > one-batch.csv

case $mode in
  parallel)
    command -v parallel >/dev/null || { echo "FAIL: GNU parallel is not installed" >&2; exit 1; }
    bash -euo pipefail -c "$(block parallel)"
    ;;
  slurm)
    start_slurm
    block matrix-array.sh > matrix-array.sh
    block batch-array.sh > batch-array.sh
    chmod +x matrix-array.sh batch-array.sh
    # sbatch prints "Submitted batch job ID" for each; the log keeps the ids.
    if ! bash -euo pipefail -c "$(block slurm-submit)" | tee submitted.txt; then
      tail -n 20 ./*.log "$cluster"/slurmctld.log >&2 || true
      echo "FAIL: a Slurm job failed" >&2
      exit 1
    fi
    echo "job ids: $(awk '{print $4}' submitted.txt | tr '\n' ' ')"
    ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac

bash -euo pipefail -c "$(block merge)
$(block check)"
same matrix.csv one-matrix.csv
same batch.csv one-batch.csv
echo "every part: $(wc -l matrix-part-*.csv batch-part-*.csv | tail -n 1)"
