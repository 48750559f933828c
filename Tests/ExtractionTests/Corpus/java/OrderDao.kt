package com.example.orders

import org.springframework.jdbc.core.JdbcTemplate

class OrderDao(private val jdbc: JdbcTemplate) {
    fun totals(userId: Long): List<Map<String, Any>> =
        jdbc.queryForList( // expect-next: static
            """
            SELECT user_id, sum(total) AS total
            FROM orders
            WHERE user_id = ?
            GROUP BY user_id
            """.trimIndent(),
            userId,
        )

    fun insert(userId: Long, total: Double) {
        jdbc.update("INSERT INTO orders (user_id, total) VALUES (?, ?)", userId, total) // expect: static
    }

    fun byStatus(table: String, status: String) =
        jdbc.queryForList("SELECT id FROM $table WHERE status = ?", status) // expect: dynamic

    fun labels() = listOf("Select a file", "Update available", "Delete selected items")

    fun jpql(em: javax.persistence.EntityManager) =
        em.createQuery("SELECT o FROM Order o JOIN o.items i WHERE i.sku = :sku")
}
