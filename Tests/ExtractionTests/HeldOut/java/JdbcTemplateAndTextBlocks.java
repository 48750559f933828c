// Source: Spring JdbcTemplate / plain JDBC code found with find_string
// 'jdbcTemplate.queryForObject("SELECT' (ids 41701188539, 52774847084, 13808099 = cloudfoundry/uaa
// test, 71611547429, 24940017659, 16122361709, 8042864339, 62950103534, 57079775594) and
// 'String sql = """' (Java text blocks: ids 13102368543, 55000932993, 57087317538, 26590216203,
// 2203488, 66264540993). Repository names mostly not returned. Excerpts verbatim, concatenated.
// Classes: NamedParameterJdbcTemplate :name, JdbcTemplate ?, nextval('seq'), regex operator ~,
//          literal concatenation across lines with + (static), + SCHEMA + (dynamic), string built
//          from user fields (dynamic, MySQL "VALUE"), Java 15 text blocks """ (static; one with
//          %s formatted later: dynamic), PRAGMA via Statement.execute, decoys (Japanese comments
//          and messages, Russian assertion texts, jdbc:sqlite: URL, table names as values).
package example.dao;

public class CustomerDao {
	public CustomerLoginAndLogout logout(String email, String pass) {
		SqlParameterSource param = new MapSqlParameterSource().addValue("email", email).addValue("pass", pass);
		try {
			if (customerLoginAndLogout.getLoginState() == 1) {
				jdbcTemplate.update(
						"UPDATE user_basic SET LoginState = :loginstate WHERE Email = :email AND Password = :pass", // expect: static
						param);
			} else {
				System.out.println("既にログアウトしています。");
			}
			//もう一度ここで入力しないと、ログイン状態がリアルタイムで移行しない
			customerLoginAndLogout = jdbcTemplate.queryForObject(
					"SELECT * FROM user_basic WHERE Email = :email AND Password = :pass", param, // expect: static
					customerLoginAndLogoutMapper);
		} catch (EmptyResultDataAccessException e) {
			e.printStackTrace();
		}
		return customerLoginAndLogout;
	}

	public boolean emailThere(String email) {
		SqlParameterSource param = new MapSqlParameterSource().addValue("email", email);
		try {
			//user_basicにEmailがあるかないか。つまり自分が登録されたユーザーか。
			jdbcTemplate.queryForObject("SELECT Email FROM user_basic WHERE Email = :email",param,String.class); // expect: static
			return true;
		} catch (EmptyResultDataAccessException e) {
			e.printStackTrace();
			return false;
		}
	}
}

@Component
class ReferenceNumberGenerator {
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String generate() {
        try {
            Long nextVal = jdbcTemplate.queryForObject("SELECT nextval('BWVR.REPORT_REF_SEQ')", Long.class); // expect: static
            return (nextVal != null) ? String.valueOf(nextVal) : "10000";
        } catch (Exception e) {
            try {
                Long maxVal = jdbcTemplate.queryForObject(
                    "SELECT MAX(CAST(reference_number AS BIGINT)) FROM BWVR.BWVR_REPORT WHERE reference_number ~ '^[0-9]+$'", // expect: static
                    Long.class
                );
                return String.valueOf((maxVal != null && maxVal >= 10000) ? maxVal + 1 : 10000);
            } catch (Exception ex) {
                return "10000";
            }
        }
    }
}

class MultitenantJdbcClientDetailsServiceTests {
    @Test
    void addingClientToOtherIdentityZoneShouldHaveOtherIdentityZoneId() {
        when(mockIdentityZoneManager.getCurrentIdentityZoneId()).thenReturn("other-zone");
        UaaClientDetails clientDetails = new UaaClientDetails();
        String clientId = "clientInOtherZone";
        clientDetails.setClientId(clientId);
        service.addClientDetails(clientDetails);
        String identityZoneId = jdbcTemplate.queryForObject("select identity_zone_id from oauth_client_details where client_id = ?", String.class, clientId); // expect: static
        assertThat(identityZoneId.trim()).isEqualTo("other-zone");
    }
}

class TrackVisibilityMigrationTest {
    @Test
    void tracksFromBeforeVisibilityStayPublic() {
        flyway("6").migrate();
        UUID id = UUID.randomUUID();
        jdbcTemplate.update(
            "INSERT INTO " + SCHEMA + ".tracks (id, owner_id, title, description, status) " // expect: dynamic
                + "VALUES (?, ?, 'old song', NULL, 'READY')",
            id, SOMEONE);

        flyway("latest").migrate();

        assertThat(jdbcTemplate.queryForObject(
            "SELECT visibility FROM " + SCHEMA + ".tracks WHERE id = ?", String.class, id)).isEqualTo("PUBLIC"); // expect: dynamic
    }

    @Test
    void bothVisibilitiesAreAccepted() {
        flyway("latest").migrate();
        insertTrack(UUID.randomUUID(), "PUBLIC");
        insertTrack(UUID.randomUUID(), "PRIVATE");
        assertThat(jdbcTemplate.queryForObject("SELECT count(*) FROM " + SCHEMA + ".tracks", Integer.class)) // expect: dynamic
            .isEqualTo(2);
    }
}

@Repository
class CommentRepository {
    public int commentCntByPostId(long post_id) {
        return jdbcTemplate.queryForObject("select count(*) from comments where post_id = ?", Integer.class, post_id); // expect: static
    }

    public String saveComment(Long postId, Comment comment) {
        SimpleJdbcInsert jdbcInsert = new SimpleJdbcInsert(jdbcTemplate);
        jdbcInsert.withTableName("comments").usingGeneratedKeyColumns("id");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("name", comment.getName());
        parameters.put("body", comment.getBody());
        parameters.put("post_id", postId);
        Number key = jdbcInsert.executeAndReturnKey(new MapSqlParameterSource(parameters));
        return key.toString();
    }
}

@Repository
class UserRepository implements UserRepositoryInterface {
  @Override
  public List<User> getAllUsers() {
    return jdbcTemplate.query("SELECT * FROM User;", // expect: static
        new BeanPropertyRowMapper(User.class));
  }

  @Override
  public User getUser(int userId) {
    try {
      return (User) jdbcTemplate.queryForObject("SELECT * FROM User WHERE id = ?;", // expect: static
          new BeanPropertyRowMapper(User.class), userId);
    } catch (EmptyResultDataAccessException e) {
      return null;
    }
  }

  @Override
  public void addUser(User user) {
    String query = "INSERT INTO User(sin, name, addressLine, city, country, " + // expect: dynamic
        "postalCode, occupation, birthdate) VALUE ('" +
        user.getSIN() + "', '" +
        user.getName() + "', '" +
        user.getCity() + "', '" +
        user.getBirthdate() + "');";
    jdbcTemplate.update(query);
  }

  @Override
  public void deleteUser(int id) {
    jdbcTemplate.update("DELETE FROM User WHERE id = ?;", id); // expect: static
  }
}

@Repository
class UtenteRepository {
    public Utente estrai(String codiceFiscale) {
        return jdbcTemplate.queryForObject("select * from UTENTE where codiceFiscale=?", new Object[]{codiceFiscale // expect: static
                },
                new BeanPropertyRowMapper<>(Utente.class));
    }
}

class JdbcAdditionalTest {
    @Test
    @DisplayName("Test add animal to zoo table")
    void addAnimalTest() {
        // Получаем начальное количество записей
        Integer initialCount = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM zoo", Integer.class); // expect: static
        assertNotNull(initialCount);
        String animalName = "Слон";
        jdbcTemplate.update(
                "INSERT INTO zoo (name, age, type) VALUES (?, ?, ?)", // expect: static
                animalName, 12, "Травоядное");
        Integer newCount = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM zoo", Integer.class); // expect: static
        assertEquals(initialCount + 1, newCount, "Количество записей должно увеличиться на 1");
    }
}

class ProductSearch {
    public List<Product> search(String query, String category) {
        String term = query == null ? "" : query.trim();
        String categoryFilter = category == null ? "" : category.trim();
        String pattern = "%" + term + "%";

        return jdbcTemplate.query(
                "SELECT id, sku, title, description, category, price " // expect: static
                        + "FROM products "
                        + "WHERE (title ILIKE ? OR description ILIKE ? OR sku ILIKE ?) "
                        + "AND (? = '' OR category = ?) "
                        + "ORDER BY title "
                        + "LIMIT 25",
                PRODUCT_MAPPER,
                pattern, pattern, pattern, categoryFilter, categoryFilter
        );
    }

    public boolean isHealthy() {
        Integer result = jdbcTemplate.queryForObject("SELECT 1", Integer.class); // expect: static
        return result != null && result == 1;
    }
}

// Java text blocks

@Repository
class FriendshipDao {
    /** 정확한 방향(a->b)으로 단건 조회 */
    public Optional<Friendship> find(Connection con, long a, long b) throws SQLException {
        // expect-next: static
        String sql = """
            SELECT user_id, friend_id, friendship_status, requested_at, responded_at
            FROM friendship WHERE user_id=? AND friend_id=?
        """;
        try (var ps = con.prepareStatement(sql)) {
            ps.setLong(1, a); ps.setLong(2, b);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        }
    }
}

class ResetRepository {
    public void record(UUID islandId, UUID playerUuid, int phaseAtReset, long blocksAtReset, double penaltyAmount) throws SQLException {
        // expect-next: static
        String sql = """
            INSERT INTO island_resets (island_id, player_uuid, phase_at_reset, blocks_at_reset, penalty_amount)
            VALUES (?, ?, ?, ?, ?)
        """;
        try (Connection conn = plugin.getDatabaseManager().getConnection();
             PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, islandId.toString());
            ps.executeUpdate();
        }
    }
}

class BankDatabase {
    public static Connection getConnection() throws SQLException {
        Connection conn = DriverManager.getConnection("jdbc:sqlite:" + DATABASE_PATH.toAbsolutePath());
        try (Statement statement = conn.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON"); // expect: static
        }
        return conn;
    }

    public static Optional<CustomerSession> authenticate(String username, String pin) throws SQLException {
        // expect-next: static
        String sql = """
                SELECT c.CustomerID, c.Name, c.Username, a.AccountID, a.Type
                FROM Customer c
                JOIN Account a ON a.CustomerID = c.CustomerID
                WHERE c.Username = ? AND c.Pin = ?
                ORDER BY a.AccountID
                LIMIT 1
                """;
        try (Connection conn = getConnection();
                PreparedStatement statement = conn.prepareStatement(sql)) {
            statement.setString(1, username);
            return Optional.empty();
        }
    }
}

class HibernateRunnerTest {
    @Test
    void checkReflectionAPI() throws SQLException, IllegalAccessException {
        User user = User.builder().build();
        // expect-next: dynamic
        String sql = """
                    insert 
                    into 
                    %s
                    (%s)
                    values
                    (%s)
                """;
        String tableName = ofNullable(user.getClass().getAnnotation(Table.class))
                .map(tableAnnotation -> tableAnnotation.schema() + "." + tableAnnotation.name())
                .orElse(user.getClass().getName());
        System.out.println(sql.formatted(tableName, "a", "b"));
    }
}

public class ShowtimeDAO {
	public static Showtime getByIdFull(int showtimeId) {
		Showtime st = null;
		// expect-next: static
		String sql = """
				SELECT s.*, m.*, c.id as cinema_id, c.name as cinema_name, c.address,
				       r.id as room_id, r.name as room_name
				FROM showtimes s
				JOIN movies m ON s.movie_id = m.id
				JOIN rooms r ON s.room_id = r.id
				JOIN cinemas c ON r.cinema_id = c.id
				WHERE s.id = ?
				""";
		return st;
	}
}

class ProductCategoryDAO extends DBContext {
    public List<ProductCategory> getAllCategories() {
        List<ProductCategory> list = new ArrayList<>();
        // expect-next: static
        String sql = """
            SELECT category_id,
                   category_code,
                   category_name,
                   description,
                   status,
                   created_at,
                   updated_at
            FROM ProductCategory
            ORDER BY category_id DESC
        """;
        return list;
    }
}
