#!/usr/bin/env bash
# Runs the corpus with the hedgecalc binary $1 and fails on any byte that differs from
# tests/corpus/expected/ (and on a command without an expected file, or the reverse).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
actual=$(mktemp -d)
trap 'rm -rf "$actual"' EXIT
"$here/run.sh" "$1" "$actual"
if diff -r -u "$here/expected" "$actual"; then
  echo "corpus: $(ls "$actual" | wc -l) outputs byte-identical"
else
  echo "corpus: outputs differ from tests/corpus/expected (see the diff above)" >&2
  exit 1
fi
