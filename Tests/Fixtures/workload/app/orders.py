"""Orders of the sample shop (the workload tests' stand-in application runs these statements)."""


def orders_of_customer(conn, customer_id):
    return conn.execute(
        "SELECT id, total, created_at FROM orders WHERE customer_id = %s",
        (customer_id,),
    ).fetchall()


def order_count(conn, customer_id):
    cursor = conn.cursor()
    cursor.execute("SELECT count(*) FROM orders WHERE customer_id = %s", (customer_id,))
    return cursor.fetchone()[0]
