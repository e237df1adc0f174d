#!/usr/bin/env bash
# Runs every command of commands.txt with the hedgecalc binary $1 and writes what each
# printed into folder $2, a file per command: its exit code, stdout and stderr.
# tests/corpus/check.sh compares a run with expected/; after a change that is meant to
# alter output, `tests/corpus/run.sh build/hedgecalc tests/corpus/expected` records it.
set -uo pipefail
binary=$(realpath "$1")
out=$(mkdir -p "$2" && realpath "$2")
cd "$(dirname "$0")/../.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
while IFS= read -r line; do
  case "$line" in ''|'#'*) continue ;; esac
  name=${line%%:*}
  command=${line#*: }
  rm -rf "${scratch:?}"/*
  HC="$binary" T="$scratch" sh -c "$command" >"$scratch/.stdout" 2>"$scratch/.stderr" </dev/null
  code=$?
  {
    echo "\$ $command"
    echo "exit $code"
    echo "--- stdout"
    cat "$scratch/.stdout"
    echo "--- stderr"
    cat "$scratch/.stderr"
  } >"$out/$name.txt"
done <tests/corpus/commands.txt
