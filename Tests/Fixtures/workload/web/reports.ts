// Reports of the sample shop (the workload tests' stand-in application runs these statements).
import { Pool } from "pg";

export async function productSales(db: Pool, productId: number) {
  const { rows } = await db.query(
    "SELECT order_id, quantity, unit_price FROM order_items WHERE product_id = $1",
    [productId],
  );
  return rows;
}

export async function pendingOrders(db: Pool) {
  const { rows } = await db.query("SELECT id, total FROM orders WHERE status = 'pending' ORDER BY created_at LIMIT 50");
  return rows;
}
