// Source: Spring Data JPA repositories with native queries in Java text blocks, found with
// find_string '@Query(nativeQuery = true, value = """' (index ids 15404847192 [com.ibm.shop],
// 76399812, 21299831352 [ecom.boy], 5545685052, 54636184107, 71552751867, 35511541722
// [io.github.breno.dslist], 45156472947 [com.nova.narrativa]); repository names not returned.
// Excerpts verbatim, concatenated; imports merged. Adaptation: in 76399812 the JPQL queries
// (@Query("SELECT e FROM InboxEvent e …") and two JPQL UPDATEs) are omitted — JPQL is not SQL and
// is deliberately kept out of this file rather than labelled or used as a decoy; in 21299831352
// two of five methods are omitted; the interface of 5545685052 is renamed DsProductRepository
// (it is also called ProductRepository in its source).
// Classes: Spring @Query(nativeQuery = true, value = """ …) — the text block opens at the end of
//          the annotation line, so every statement is labelled with expect-next on the line
//          before (a comment line inserted between @Modifying/Javadoc and @Query), placeholders
//          (:name, :#{#entry.cacheKey} SpEL expressions = bind parameters, Spring's LIKE %:name
//          shorthand — hard for a parser), INSERT … ON CONFLICT DO NOTHING, CAST(:payload AS
//          jsonb), FOR UPDATE, MySQL `year` backticks (hard), statements ending with ';' inside
//          the block, lower-case SQL, decoys (a whole @Query text block inside a /* … */ comment,
//          //@Modifying comments, @Param("username") names, Javadoc naming ON CONFLICT DO NOTHING).
import org.springframework.data.jpa.repository.*;
import org.springframework.data.repository.query.Param;

// ---------------------------------------------------------------- id 15404847192 (complete)
public interface ProductRepository extends JpaRepository<Product, Long> {

    // expect-next: static
    @Query(nativeQuery = true, value = """
                    SELECT * from product p
                    WHERE p.category_id in (:categories)
                    AND p.rating >= :rating
                    AND p.unit_price BETWEEN :minPrice AND :maxPrice
            """)
    List<Product> findByFilters(Integer minPrice, Integer maxPrice, Integer rating, ArrayList<String> categories);

    // expect-next: static
    @Query(nativeQuery = true, value = """
                    SELECT * from product p
                    WHERE p.on_sale = 1
            """)
    List<Product> findOnSale();

    // expect-next: static
    @Query(nativeQuery = true, value = """
                    SELECT * from product p
                    WHERE p.category_id = :id
            """)
    Page<Product> findByCategoryId(@Param("id") Long id, Pageable pageable);

    // expect-next: static
    @Query(nativeQuery = true, value = """
                    SELECT * from product p
                    WHERE p.name LIKE %:name
            """)
    Page<Product> findByNameContaining(@Param("name") String name, Pageable pageable);

}

// ---------------------------------------------------------------- id 76399812 (native queries only)
@Repository
interface InboxEventRepo extends JpaRepository<InboxEvent, UUID> {
    @Modifying
    // expect-next: static
    @Query(nativeQuery = true, value = """
            INSERT INTO inbox (id, step_name, saga_id, saga_name, payload, type, status, retry_time)
            VALUES (:id, :stepName, :sagaId, :sagaName, CAST(:payload AS jsonb), :type, :status, :retryTime)
            ON CONFLICT (saga_id, type) DO NOTHING
            """)
    int saveOneIgnoreDuplicate(UUID id,
                               String stepName,
                               UUID sagaId,
                               String sagaName,
                               String payload,
                               String type,
                               String status,
                               LocalDateTime retryTime);

    @Modifying
    // expect-next: static
    @Query(nativeQuery = true, value = """
            INSERT INTO inbox (id, step_name, saga_id, saga_name, type, status, retry_time)
            VALUES (:id, :stepName, :sagaId, :sagaName, :type, :status, :retryTime)
            ON CONFLICT (saga_id, type) DO NOTHING
            """)
    int saveOneIgnoreDuplicate(UUID id,
                               String stepName,
                               UUID sagaId,
                               String sagaName,
                               String type,
                               String status,
                               LocalDateTime retryTime);
}

// ---------------------------------------------------------------- id 21299831352 (excerpt)
@Repository
interface LoginRepository extends JpaRepository<ECBUser, String> {
    // expect-next: static
    @Query(nativeQuery = true, value = """
                SELECT * FROM ecbuser;
                """)
        List<Map<String, Object>> getAllUser();

    // expect-next: static
    @Query(nativeQuery = true, value = """
                SELECT * FROM ecbuser
                WHERE username = :username;
                """)
    Map<String, Object> getAllUserByUserName(@Param("username") String username);


    // expect-next: static
    @Query(nativeQuery = true, value = """
                SELECT * FROM ecbuser
                WHERE userid = :userid;
                """)
    Map<String, Object> getAllUserByUserId(@Param("userid") int userid);


    //@Modifying udapte
    //@Transactional roll back transection
}

// ---------------------------------------------------------------- id 5545685052 (complete; decoy only)
interface DsProductRepository extends JpaRepository<Product, Long>, JpaSpecificationExecutor<Product> {
    @Override
    List<Product> findAll(Specification<Product> specification);

    void deleteProductById(Long id);
    /*
    @Query(nativeQuery = true, value = """
            delete tb_order_item, tb_product_category, tb_product
            from tb_order_item
            inner join tb_product_category on tb_order_item.product_id=tb_product_category.product_id
            inner join tb_product on tb_product_category.product_id=tb_product.id
            where tb_product.id = :id
""")
    Product deleteProductById(Long id);*/

}

// ---------------------------------------------------------------- id 54636184107 (excerpt)
interface GeoResolutionCacheRepository extends JpaRepository<GeoResolutionCache, Long> {

	Optional<GeoResolutionCache> findByCacheKey(String cacheKey);

	/**
	 * Idempotent cache write. The rebuild resolves media in parallel, so several
	 * threads routinely resolve the very same rounded coordinates at once and race
	 * to insert one {@code cache_key}. A plain {@code save} lets the second insert
	 * hit the unique constraint, and in PostgreSQL that aborts the whole
	 * transaction (SQLState 25P02) - poisoning the surrounding media persist.
	 * {@code ON CONFLICT DO NOTHING} makes the loser a no-op instead of an error,
	 * so no exception is ever raised. Enums are bound by name to match their
	 * {@code EnumType.STRING} columns.
	 */
	@Modifying
	// expect-next: static
	@Query(nativeQuery = true, value = """
			insert into geo_resolution_cache (cache_key, country_code, country_name, state_name, city_name,
			        distance_km, confidence, provider, dataset_version, resolved_at)
			values (:#{#entry.cacheKey}, :#{#entry.place.countryCode}, :#{#entry.place.countryName},
			        :#{#entry.place.stateName}, :#{#entry.place.cityName}, :#{#entry.place.distanceKm},
			        :#{#entry.place.confidence.name()}, :#{#entry.place.provider.name()},
			        :#{#entry.place.datasetVersion}, :#{#entry.place.resolvedAt})
			on conflict (cache_key) do nothing
			""")
	int insertIgnoringDuplicate(@Param("entry") GeoResolutionCache entry);
}

// ---------------------------------------------------------------- id 71552751867 (complete)
@Repository
interface DocumentSequenceRepository extends JpaRepository<DocumentSequence, Long> {

    // expect-next: static
    @Query(nativeQuery = true, value = """
            SELECT * FROM document_sequence
            WHERE document_type = :type
              AND year = :year
            FOR UPDATE
            """)
    Optional<DocumentSequence> findLockedByTypeAndYear(
            @Param("type") String type,
            @Param("year") int year);
}

// ---------------------------------------------------------------- id 35511541722 (complete)
interface GameRepository extends JpaRepository<Game, Long> {
	
	// expect-next: static
	@Query(nativeQuery = true, value = """
			SELECT tg.id, tg.title, tg.game_year AS `year`, tg.img_url AS imgUrl,
			tg.short_description AS shortDescription, tb.position
			FROM TB_GAME tg
			JOIN TB_BELONGING tb
			ON tg.id = tb.game_id
			WHERE tb.game_list_id = :gameListId
			ORDER BY tb.position
			""")
	List<GameMinProjection> findByList(Long gameListId);
}

// ---------------------------------------------------------------- id 45156472947 (complete)
@Repository
interface UserLoginHistoryRepository extends JpaRepository<UserLoginHistory, Long> {

    // expect-next: static
    @Query(nativeQuery = true, value = """
        SELECT 
            COUNT(DISTINCT CASE WHEN login_date = :today THEN user_id END) as dau,
            COUNT(DISTINCT CASE WHEN login_date BETWEEN :monthStart AND :today THEN user_id END) as mau
        FROM user_login_history 
        WHERE login_date BETWEEN :monthStart AND :today
    """)
    ActiveUsersDTO getActiveUsersStats(
            @Param("today") LocalDate today,
            @Param("monthStart") LocalDate monthStart
    );
}
