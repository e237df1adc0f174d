#!/usr/bin/env python3
"""Two minute-bar price columns in one CSV (date,a,b) for bench/follow.sh: N rows of a
seeded random walk, b the proxy and a = 0.8 b's return plus noise. Standard library only."""
import random
import sys
from datetime import datetime, timedelta, timezone


def main():
    rows = int(sys.argv[1])
    rng = random.Random(20261203)
    start = datetime(2020, 1, 1, tzinfo=timezone.utc)
    a, b = 100.0, 50.0
    out = sys.stdout
    out.write("date,a,b\n")
    for i in range(rows):
        r = rng.gauss(0, 0.001)
        b *= 1 + r
        a *= 1 + 0.8 * r + rng.gauss(0, 0.0005)
        stamp = (start + timedelta(minutes=i)).strftime("%Y-%m-%d %H:%M:%S")
        out.write(f"{stamp},{a:.6f},{b:.6f}\n")


if __name__ == "__main__":
    main()
