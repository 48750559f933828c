// Sources (the index gave no repository names; read_file / find_string index ids):
//   13086292690  com.example.bookerz.rating.JdbcRatingRepository (Spring Boot "bookerz" demo)
//   71458704415  com.ridehailing.userservice.repository.UserRepository (ride-hailing user service)
// Classes: Spring Framework 6.1 JdbcClient `jdbcClient.sql("…")` fluent API with `?` and `:name`
// parameters, `.param(…)` / `.params(…)`, a Java text block opening on the call line
// (`jdbcClient.sql("""`, expect-next on the line before), INSERT … RETURNING id, lower-case
// `delete from ratings`, decoys: Assert.state messages ("Failed to delete ratings ",
// "Failed to create rating "), record accessor names.
// Adaptations: two files concatenated (the second class's package and imports kept as a comment
// because a Java file has one package; the second class made package-private); otherwise verbatim.
package com.example.bookerz.rating;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

import java.util.List;
import java.util.Optional;

@Repository
public class JdbcRatingRepository implements RatingRepository {
private final JdbcClient jdbcClient;

    public JdbcRatingRepository(JdbcClient jdbcClient) {
        this.jdbcClient = jdbcClient;
    }

    public List<Rating> findAll() {
        return jdbcClient.sql("SELECT * from ratings") // expect: static
            .query(Rating.class)
            .list();
    }

    public List<Rating> findByBookId(Integer id) {
        return jdbcClient.sql("SELECT * FROM ratings WHERE book_id = :id") // expect: static
                .param("id", id)
                .query(Rating.class)
                .list();
    }

    public void create(Rating rating) {
        var updated = jdbcClient.sql("INSERT INTO ratings(rating,book_id) values(?,?)") // expect: static
                .params(List.of(rating.rating(), rating.book_id()))
                .update();
        Assert.state(updated == 1, "Failed to create rating " + rating.id());
    }

    public void deleteAll() {
        var updated = jdbcClient.sql("delete from ratings") // expect: static
                .update();
        Assert.state(updated >= 0, "Failed to delete ratings ");
    }
}

// --- second source: package com.ridehailing.userservice.repository;
// import com.ridehailing.userservice.model.User;
// import org.springframework.jdbc.core.simple.JdbcClient;
// import org.springframework.stereotype.Repository;
// import java.util.Optional;

@Repository
class UserRepository {

    private final JdbcClient jdbcClient;

    public UserRepository(JdbcClient jdbcClient) {
        this.jdbcClient = jdbcClient;
    }

    public Optional<User> findByEmail(String email) {
        return jdbcClient.sql("SELECT id, email, password_hash, role, full_name, phone, created_at FROM users WHERE email = ?") // expect: static
                .param(email)
                .query(User.class)
                .optional();
    }

    public Optional<User> findById(Long id) {
        return jdbcClient.sql("SELECT id, email, password_hash, role, full_name, phone, created_at FROM users WHERE id = ?") // expect: static
                .param(id)
                .query(User.class)
                .optional();
    }

    public Long insert(User user, String passwordHash) { // expect-next: static
        return jdbcClient.sql("""
                        INSERT INTO users (email, password_hash, role, full_name, phone)
                        VALUES (?, ?, ?, ?, ?)
                        RETURNING id
                        """)
                .params(user.email(), passwordHash, user.role(), user.fullName(), user.phone())
                .query(Long.class)
                .single();
    }
}
