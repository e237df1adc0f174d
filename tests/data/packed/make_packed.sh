#!/usr/bin/env bash
# Makes the packed copies of the sample pair that tests/io/packed_input_test.cpp and
# tests/cli/cli_packed_test.cpp read (committed; run again only to change them).
# Needs gzip, zstd, xz-utils, bzip2 and zip.
set -euo pipefail
cd "$(dirname "$0")"
data=../../../data
gzip -n -c "$data/token.csv" > token.csv.gz
zstd -q -c "$data/btc.csv" > btc.csv.zst
xz -c "$data/token.csv" > token.csv.xz
bzip2 -c "$data/btc.csv" > btc.csv.bz2
rm -f token.zip two.zip
(cd "$data" && zip -q -X - token.csv) > token.zip
(cd "$data" && zip -q -X - token.csv btc.csv) > two.zip
head -c 3000 token.csv.gz > truncated.gz
printf '\037\213 this is not gzip data\n' > damaged.gz
gzip -n -c /dev/null > empty.gz
# A gzip whose CSV has a bad number on line 5, to show that errors name the line.
sed -E '5s/^([^,]*),[^,]*/\1,12.3.4/' "$data/token.csv" | gzip -n -c > bad_number.csv.gz
