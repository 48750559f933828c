"""Prints bench/api's table from its results file.

Each line of the file is `<scenario> <server> <req/s> <p50 ms> <p99 ms> <requests> <bad status> <socket errors>`,
with scenario 1-4 or `signup` (the sign-up load that ran beside scenario 4). Medians are taken per
scenario, server and column over the rounds.
"""

import sys
from collections import defaultdict
from statistics import median

SCENARIOS = {
    "1": "1. GET /users/me, 32 conns",
    "2": "2. GET /users/me, 8 conns",
    "3": "3. GET /projects, 32 conns",
    "4": "4. as 1, + 4 conns signing up",
}
SERVERS = ("dbooster", "twin")

runs = defaultdict(list)  # (scenario, server) -> [[req/s, p50, p99, requests, bad status, socket errors]]
with open(sys.argv[1]) as results:
    for line in results:
        scenario, server, *values = line.split()
        runs[scenario, server].append([float(v) for v in values])


def med(scenario, server, column):
    return median(run[column] for run in runs[scenario, server])


def cells(scenario, server):
    return f"{med(scenario, server, 0):>8.0f} {med(scenario, server, 1):>7.2f} {med(scenario, server, 2):>7.2f}"


header = (f"{'scenario':<30} | {'dbooster req/s':>14} {'p50 ms':>7} {'p99 ms':>7}"
          f" | {'twin req/s':>10} {'p50 ms':>7} {'p99 ms':>7} | ratio")
print(header)
print("-" * len(header))
for scenario, label in SCENARIOS.items():
    ratio = med(scenario, "dbooster", 0) / med(scenario, "twin", 0)
    print(f"{label:<30} | {'':6}{cells(scenario, 'dbooster')} | {'':2}{cells(scenario, 'twin')} | {ratio:.2f}x")

print()
print("throughput kept under sign-ups (scenario 4 / scenario 1): "
      + ", ".join(f"{s} {100 * med('4', s, 0) / med('1', s, 0):.0f}%" for s in SERVERS))
print("sign-ups during scenario 4: "
      + ", ".join(f"{s} {med('signup', s, 0):.1f}/s (p50 {med('signup', s, 1):.0f} ms)" for s in SERVERS))

# wrk counts non-2xx/3xx answers and socket errors; any of them makes a run suspect.
for (scenario, server), measured in sorted(runs.items()):
    bad, errors = sum(run[4] for run in measured), sum(run[5] for run in measured)
    if bad or errors:
        print(f"warning: scenario {scenario}, {server}: {bad:.0f} error responses, {errors:.0f} socket errors")
