from sqlmodel import Session, text


def top_customers(session: Session, limit: int):
    stmt = text(  # expect-next: static
        """
        WITH totals AS (
            SELECT user_id, sum(total) AS spent FROM orders GROUP BY user_id
        )
        SELECT u.email, t.spent FROM totals t JOIN users u ON u.id = t.user_id
        ORDER BY t.spent DESC LIMIT :limit
        """
    )
    return session.exec(stmt, params={"limit": limit})


def upsert(cur, rows):
    cur.executemany(  # expect-next: static
        "INSERT INTO tags (name) VALUES (%s) ON CONFLICT (name) DO NOTHING",
        rows,
    )


def order_by(cur, sort_column):
    sql = "SELECT id, name FROM products ORDER BY {}".format(sort_column)  # expect: dynamic
    cur.execute(sql)


def docs():
    """
    Creates the report. Delete from the cache when done.
    """
    status = "deleted"
    message = "Drop files here"
    return status, message
