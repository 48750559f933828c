# Source: a Python import script "import_outscraper_v2.py" (found with find_string, index id
# 52448543878; the index did not return the repository name).
# Excerpt: normalize_phone, run_sql, get_existing_phones, get_existing_google_ids and the start
# of main(); the later f-string psql script (which mixes a \copy meta-command with SQL) is left
# out. Code otherwise unchanged.
# Classes: wrappers (run_sql(sql) is defined here and pipes the text to psql over ssh — no
#          driver call at all; its callers pass complete SQL), decoys (print progress messages,
#          the ssh/psql argument list, "Usage: ..." text).

import csv
import sys
import subprocess
from pathlib import Path


def normalize_phone(phone: str) -> str:
    if not phone:
        return ""
    return "".join(c for c in phone if c.isdigit())


def run_sql(sql: str) -> str:
    cmd = [
        "ssh", "www-bc",
        "docker", "exec", "-i", "supabase-db",
        "psql", "-U", "postgres", "-d", "postgres",
        "-t", "-A",
    ]
    result = subprocess.run(cmd, input=sql, capture_output=True, text=True)
    if result.returncode != 0:
        print(f"SQL error: {result.stderr[:300]}")
    return result.stdout.strip()


def get_existing_phones() -> set:
    raw = run_sql("SELECT phone FROM discovered_salons WHERE phone IS NOT NULL AND phone != '';")  # expect: static
    phones = set()
    for line in raw.split("\n"):
        line = line.strip()
        if line:
            phones.add(normalize_phone(line))
    return phones


def get_existing_google_ids() -> set:
    raw = run_sql("SELECT source_id FROM discovered_salons WHERE source = 'google_maps' AND source_id IS NOT NULL;")  # expect: static
    return {line.strip() for line in raw.split("\n") if line.strip()}


def main():
    if len(sys.argv) < 2:
        print("Usage: python3 import_outscraper_v2.py <csv_file>")
        sys.exit(1)

    csv_path = Path(sys.argv[1])
    if not csv_path.exists():
        print(f"File not found: {csv_path}")
        sys.exit(1)

    print("Loading existing phones from DB...")
    existing_phones = get_existing_phones()
    print(f"  {len(existing_phones)} existing phone numbers")

    print("Loading existing Google IDs from DB...")
    existing_gids = get_existing_google_ids()
    print(f"  {len(existing_gids)} existing Google IDs")
    print("Nothing to insert.")
