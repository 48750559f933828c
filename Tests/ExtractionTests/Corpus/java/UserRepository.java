package com.example.users;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

public class UserRepository {
    private static final String FIND_BY_EMAIL = "SELECT id, email FROM users WHERE email = ?"; // expect: static

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    public UserRepository(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    public List<Long> recentOrderIds(long userId) {
        // expect-next: static
        return jdbc.queryForList("""
            SELECT o.id
            FROM orders o
            WHERE o.user_id = ?
              AND o.created_at > now() - interval '7 days'
            """, Long.class, userId);
    }

    public int rename(long id, String name) {
        return client.sql("UPDATE users SET full_name = :name WHERE id = :id") // expect: static
            .param("name", name).param("id", id).update();
    }

    public void delete(Connection connection, long id) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM sessions WHERE user_id = ?")) { // expect: static
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    public List<Object> sorted(String column) {
        return jdbc.queryForList("SELECT id, email FROM users ORDER BY " + column); // expect: dynamic
    }

    public String formatted(String table) {
        return String.format("SELECT count(*) FROM %s", table); // expect: dynamic
    }

    @Query("SELECT u FROM User u WHERE u.email = :email")
    public Object findByEmailJpql(String email) { return null; }

    @Query(value = "SELECT * FROM users WHERE active = true", nativeQuery = true) // expect: static
    public List<Object> activeNative() { return null; }

    public void messages() {
        System.out.println("Select a file");
        throw new IllegalStateException("Update your profile first");
    }
}
