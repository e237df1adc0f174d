#!/usr/bin/env bash
# Kill hedgecalc at random moments and prove nothing is lost (docs/hedgecalc.md,
# "Unattended runs"): a batch of PAIRS pairs is started, killed with SIGKILL, SIGTERM,
# SIGINT or SIGHUP after a random delay, and resumed as the manual says, until it
# finishes; the result must equal one uninterrupted run byte for byte. Three ways:
#   append:  hedgecalc batch --resume out.csv PAIRS >> out.csv   (truncating a cut last
#            row as the error message says)
#   output:  hedgecalc batch --output out.csv PAIRS, then --resume out.csv.partial
#            --output out.csv after each stop
#   matrix:  hedgecalc matrix --output out.csv killed again and again: out.csv is never
#            half-written, at most one temporary file is left, and a finished file
#            survives later kills untouched.
#
#   tests/soak/soak.sh BINARY [PAIRS] [KILLS] [SEED]
#
# PAIRS pairs (default 100000), at least KILLS kills per way (default 20), a fixed SEED
# (default 1) for the delays and signals. Prints the figures; exits 1 on any difference.
set -euo pipefail
binary=$(realpath "$1")
pairs=${2:-100000}
kills=${3:-20}
RANDOM=${4:-1}
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

signals=(KILL TERM INT HUP)
total_kills=0

# PAIRS: every sample pair in turn, one in 50 naming a missing column (an error row).
make_pairs() {
  local files=(token.csv btc.csv acme.csv index.csv)
  echo "id,target,proxy" > pairs.csv
  for ((i = 0; i < pairs; i++)); do
    # Every ordered pair of the four daily files in turn (the proxy 1 to 3 files on).
    local t=${files[i % 4]} p=${files[(i + 1 + (i / 4) % 3) % 4]}
    if ((i % 50 == 49)); then p="$p:nosuch"; fi
    echo "p$i,$t,$p"
  done >> pairs.csv
  cp "$here"/data/{token,btc,acme,index}.csv .
}

# Starts "$@" in the background, kills it after a random 20-400 ms with a random signal
# (of those given), and returns its exit code.
run_and_kill() {
  local allowed=("${!1}")
  shift
  "$@" &
  local pid=$!
  sleep "0.$(printf '%03d' $((20 + RANDOM % 380)))"
  local signal=${allowed[RANDOM % ${#allowed[@]}]}
  kill -s "$signal" "$pid" 2>/dev/null || true
  local code=0
  wait "$pid" 2> /dev/null || code=$?
  last_signal=$signal
  return "$code"
}

# The append way: resume with >> after every stop, truncating a cut last row as told.
soak_append() {
  : > out.csv
  local stops=0 code
  while true; do
    code=0
    if ((stops < kills)); then
      run_and_kill signals[@] sh -c 'exec "$0" batch --quiet --format csv --window 30 --resume out.csv pairs.csv >> out.csv 2> err.txt' "$binary" || code=$?
    else
      "$binary" batch --quiet --format csv --window 30 --resume out.csv pairs.csv >> out.csv 2> err.txt || code=$?
    fi
    if grep -q 'the last row is cut short' err.txt; then
      local size
      size=$(sed -n 's/.*truncate -s \([0-9]*\) .*/\1/p' err.txt)
      truncate -s "$size" out.csv
      truncated=$((truncated + 1))
      continue
    fi
    if ((code == 0 || code == 1)) && ! grep -q interrupted err.txt && [[ -s out.csv ]] &&
       [[ $(($(wc -l < out.csv) - 1)) -eq $pairs ]]; then
      break
    fi
    stops=$((stops + 1))
    if ((stops > kills + 20)); then
      echo "soak: the resumed batch never ends whole (out.csv: $(wc -l < out.csv) lines)" >&2
      exit 1
    fi
  done
  append_stops=$stops
}

# The --output way: a stopped run keeps its rows in out.csv.partial; resume from it.
soak_output() {
  rm -f out.csv out.csv.partial
  local stops=0 code
  while [[ ! -e out.csv ]]; do
    local from=()
    [[ -e out.csv.partial ]] && from=(--resume out.csv.partial)
    code=0
    if ((stops < kills)); then
      run_and_kill signals[@] "$binary" batch --quiet --format csv --window 30 "${from[@]}" --output out.csv pairs.csv 2> err.txt || code=$?
    else
      "$binary" batch --quiet --format csv --window 30 "${from[@]}" --output out.csv pairs.csv 2> err.txt || code=$?
    fi
    stops=$((stops + 1))
    if ((stops > kills + 20)); then
      echo "soak: the batch with --output never ends" >&2
      exit 1
    fi
    if ls out.csv.tmp.* > /dev/null 2>&1 && (($(ls out.csv.tmp.* | wc -l) > 1)); then
      echo "soak: more than one temporary file beside out.csv" >&2
      exit 1
    fi
  done
  output_stops=$stops
}

# matrix --output: never half-written, whatever the signal.
soak_matrix() {
  "$binary" matrix --format csv prices.csv > matrix_reference.csv
  rm -f matrix.csv
  local stops=0
  for ((k = 0; k < kills; k++)); do
    run_and_kill signals[@] "$binary" matrix --format csv --output matrix.csv prices.csv || true
    stops=$((stops + 1))
    if [[ -e matrix.csv ]] && ! cmp -s matrix.csv matrix_reference.csv; then
      echo "soak: matrix.csv is not the whole result after a $last_signal" >&2
      exit 1
    fi
    if (($(ls matrix.csv.tmp.* 2> /dev/null | wc -l) > 1)); then
      echo "soak: more than one temporary file beside matrix.csv" >&2
      exit 1
    fi
  done
  "$binary" matrix --format csv --output matrix.csv prices.csv
  cmp matrix.csv matrix_reference.csv
  matrix_stops=$stops
}

# A wide file for matrix: 120 random-walk columns of 2,000 days.
make_prices() {
  awk 'BEGIN { srand(7); printf "date"; for (j = 0; j < 120; j++) printf ",c%d", j; print "";
               for (j = 0; j < 120; j++) p[j] = 100;
               for (d = 0; d < 2000; d++) { printf "%d", 1704067200 + d * 86400;
                 for (j = 0; j < 120; j++) { p[j] *= 1 + (rand() - 0.5) / 25; printf ",%.4f", p[j] }
                 print "" } }' > prices.csv
}

make_pairs
make_prices
truncated=0
start=$(date +%s)
"$binary" batch --quiet --format csv --window 30 pairs.csv > reference.csv 2> /dev/null || [[ $? -eq 1 ]]
soak_append
cmp out.csv reference.csv
soak_output
cmp out.csv reference.csv
soak_matrix
rows=$(($(wc -l < reference.csv) - 1))
echo "soak: batch of $rows pairs: stopped $append_stops times resuming with >> ($truncated cut rows" \
     "truncated as told) and $output_stops times with --output; matrix --output stopped" \
     "$matrix_stops times; signals KILL, TERM, INT, HUP (seed ${4:-1}); $(wc -c < reference.csv)" \
     "bytes byte-identical to one uninterrupted run each time ($(($(date +%s) - start)) s)"
