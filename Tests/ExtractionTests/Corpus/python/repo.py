"""Data access for users. Select a file to import, then update your profile."""
import logging

from sqlalchemy import text

log = logging.getLogger(__name__)

USER_BY_EMAIL = "SELECT id, email, full_name FROM users WHERE email = %s"  # expect: static


def find_user(cur, email):
    cur.execute(USER_BY_EMAIL, (email,))
    return cur.fetchone()


def orders_for(cur, user_id):
    # SELECT * FROM orders  <- a comment, not a statement
    cur.execute(  # expect-next: static
        """
        SELECT o.id, o.total, o.created_at
        FROM orders o
        WHERE o.user_id = %(user_id)s
        ORDER BY o.created_at DESC
        """,
        {"user_id": user_id},
    )
    return cur.fetchall()


def update_email(session, user_id, email):
    session.execute(text("UPDATE users SET email = :email WHERE id = :id"), {"email": email, "id": user_id})  # expect: static
    log.info("update users failed for %s", user_id)


def search(cur, column, term):
    cur.execute(f"SELECT id FROM users WHERE {column} ILIKE %s", (term,))  # expect: dynamic


def purge(cur, table):
    cur.execute("DELETE FROM " + table + " WHERE created_at < now() - interval '30 days'")  # expect: dynamic


def count_rows(cur, table):
    cur.execute("SELECT count(*) FROM %s" % table)  # expect: dynamic


def legacy(cur, ids):
    query = ("SELECT id, email "  # expect: static
             "FROM users "
             "WHERE id = ANY(%s)")
    cur.execute(query, (ids,))


async def fetch_active(conn):
    return await conn.fetch("SELECT id FROM users WHERE active = $1 LIMIT $2", True, 10)  # expect: static


def django_raw(Person):
    return Person.objects.raw("SELECT * FROM myapp_person WHERE last_name = %s", ["Lennon"])  # expect: static


def messages():
    title = "Select a file"
    help_text = "Update your profile to continue."
    button = "Delete account"
    print("select the rows you want to delete")
    raise ValueError("Insert coin to continue")
    return title, help_text, button
