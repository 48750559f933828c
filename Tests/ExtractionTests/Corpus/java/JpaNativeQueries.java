// Sources: eight small Spring Data JPA repository interfaces found with find_string (the index
// did not return their repository names); each interface below is a complete file (package and
// import lines trimmed), concatenated here:
//   BookingRepository (44584691003), AlarmRepository (53627523803),
//   SubscribesRepository (12508160903), SpecimenPartRepository (31652189288),
//   QuestionRepo (6273924083), MerchantRepository (71647204238),
//   VesselRepository (38037690593), FuncionarioRepository (18589407173)
// Classes: ordinary statements (@Query(value = "...", nativeQuery = true)), placeholders
//          (:name, JPA positional ?1/?2), a compile-time concatenation of literals over several
//          lines (static), CALL of a stored procedure, lower-case SQL, decoys (@Param names,
//          @Query annotations that are commented out, a Korean comment naming INSERT/UPDATE/
//          DELETE, derived query method names such as findByNameContainingIgnoreCase).
// Hard case: BookingRepository.updateStatus sends "update booking status_booking='cancel' ..."
//            — the SET keyword is missing (a bug in the source). It is still the statement the
//            code sends, so it is labelled static; a parser-based scanner may miss it.

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface BookingRepository extends JpaRepository<Booking, Integer>{

	@Query(value="select * from booking where email_id_user=:userId",nativeQuery = true) // expect: static
	List<Booking> findAllByUserId(@Param("uid") String userId);

	@Query(value="update booking status_booking='cancel' where booking_id=:bid",nativeQuery = true) // expect: static
	Booking updateStatus(@Param("bid") int bookingId);
}

public interface AlarmRepository extends JpaRepository<Alarm, UUID> {

    List<Alarm> findAllAlarmByUserId(UUID userId);

    // 벌크 연산(INSERT, UPDATE, DELETE)에는 @Modifying이 필수입니다.
    @Modifying(clearAutomatically = true)
    @Query(value =
            "DELETE FROM alarms WHERE id IN (" + // expect: static
                    "  SELECT id FROM alarms " +
                    "  WHERE created_at < CURRENT_TIMESTAMP - INTERVAL '7 days' " +
                    "  ORDER BY created_at DESC "+
                    "  LIMIT :chunkSize" +
                    ")",
            nativeQuery = true)
    int deleteOldAlarmsInBulk(@Param("chunkSize") int chunkSize);
}

public interface SubscribesRepository extends JpaRepository<Subscribe, Long> {
    @Query(value = "select * from subscribe where email = ?1 and id_followed_user = ?2", nativeQuery = true) // expect: static
    public Optional<Subscribe> findSubscribes(String email, long id);

    @Query(value = "select * from subscribe where email = ?1", nativeQuery = true) // expect: static
    public Optional<List<Subscribe>> findAllSubscribes(String email);
}

public interface SpecimenPartRepository extends JpaRepository<SpecimenPart, Integer> {

    List<SpecimenPart> findByOe(String oe);

    List<SpecimenPart> findByProducerCode(String producerCode);

    @Modifying
    @Transactional
    @Query(value = "DELETE FROM specimen_parts WHERE Id_specimen_part = :idSpecimenPart", nativeQuery = true) // expect: static
    void deleteSpecimenPart(@Param("idSpecimenPart") int idSpecimenPart);

//    @Query(value = "SELECT * FROM specimen_parts  WHERE Id_specimen_part = :idSpecimenPart", nativeQuery = true)
//    SpecimenPart findById(@Param("idSpecimenPart")int idSpecimenPart);
}

public interface QuestionRepo extends JpaRepository<Questions, Integer> {
    List<Questions> findByCategory(String category);
    @Query(value = "SELECT * FROM questions q where q.category=:category ORDER BY RANDOM() LIMIT :numQ", nativeQuery = true) // expect: static
    List<Questions> findRandomQuestionByCategory(String category, int numQ);
}

public interface MerchantRepository extends JpaRepository<Merchant, Long> {
    List<Merchant> findByNameContainingIgnoreCase(String query);

    @Query(value = "SELECT * FROM merchants WHERE owner_user_id = :ownerId", nativeQuery = true) // expect: static
    List<Merchant> findByOwnerId(@Param("ownerId") Long ownerId);

    @Query(
            value = "CALL sp_filter_merchants(:searchKeyword, :cuisineType, :minRating, :maxFee )", // expect: static
            nativeQuery = true
    )

    List<Merchant> filterMerchants(
            @Param("searchKeyword") String searchKeyword ,
            @Param("cuisineType") String cuisineType ,
            @Param("minRating") Double minRating ,
            @Param("maxFee") Double maxFee
    );
}

public interface VesselRepository extends JpaRepository<Vessel,Long> {
// @Query(value = "SELECT * from vessel vessel INNER JOIN user user ON user.user_id = vessel.user_id WHERE user.user_id = ?1", nativeQuery = true)
// Optional<Map<String,Object>> findbyUserId(Long userId);

}

public interface FuncionarioRepository extends JpaRepository<Funcionario, Integer> {

    @Query(value = "select * from funcionario f where f.id_cargo = 2 limit 1", nativeQuery = true) // expect: static
    Funcionario findAtualMotoboy();

}
