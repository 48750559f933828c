# Source: constructed for dbooster (not an excerpt): calls of the wrappers defined in
# python/crossfile_db_helpers.py. Lower-case statements without punctuation are SQL only because
# they are handed to those wrappers; log_event is no wrapper, so its text stays a decoy.
# Classes: wrappers (cross-file), decoys.
from crossfile_db_helpers import fetch_rows, run_sql


def log_event(text):
    print(text)


def active_user_emails():
    return fetch_rows("select email from users")  # expect: static


def purge_sessions():
    run_sql("delete from sessions")  # expect: static
    log_event("delete from sessions done")


def monthly_totals(month):
    return fetch_rows("select total from invoices where month = ?", month)  # expect: static
