// Source: com.csdldv.repository.PartyMemberFamilyRepository, Spring Data repository of a
//   party-member records system (Vietnamese data warehouse "CSDLDV", schemas CSDLDV_20/25/26)
//   (the index gave no repository name; open it with read_file id=11178939126). Whole file.
// Classes: @Query(value = """…""", nativeQuery = true) text blocks (static), @Modifying bulk
//   UPDATEs, `IN :ids` with a List parameter (Spring expands it: placeholder, static),
//   schema-qualified upper-case identifiers, EXISTS (SELECT 1 …) with an IN list of codes,
//   three near-identical statements that differ only in the schema name, 7-decoys (method names
//   findAllIdsForTypeOneFrom20, `SET TYPE = 1` inside a text block only).
// Adaptations: `// expect-next:` comment lines were added before each text block (the opening
//   `"""` line cannot carry a comment). No other line was changed.

package com.csdldv.repository;

import com.csdldv.entity.PartyMemberFamily;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.stereotype.Repository;

import java.util.List;

@Repository
public interface PartyMemberFamilyRepository extends JpaRepository<PartyMemberFamily, String> {

    // expect-next: static
    @Query(value = """
            SELECT a.PARTY_MEMBER_FAMILY_ID
            FROM CSDLDV_PARTY_MEMBER.PARTY_MEMBER_FAMILY a
            WHERE a.TYPE IS NULL
              AND EXISTS (
                  SELECT 1
                  FROM CSDLDV_20.qhe_gd b
                  WHERE b.guidkey = a.V3_QUANHE_GD_GUID
                    AND b.MA_TV_GD IN (
                        'A2','A3','B5','B6','C7','C8',
                        'E2','E3','M2','M3','R1','R2'
                    )
              )
            ORDER BY a.PARTY_MEMBER_FAMILY_ID
            """, nativeQuery = true)
    List<String> findAllIdsForTypeOneFrom20();

    // expect-next: static
    @Query(value = """
            SELECT a.PARTY_MEMBER_FAMILY_ID
            FROM CSDLDV_PARTY_MEMBER.PARTY_MEMBER_FAMILY a
            WHERE a.TYPE IS NULL
              AND EXISTS (
                  SELECT 1
                  FROM CSDLDV_25.qhe_gd b
                  WHERE b.guidkey = a.V3_QUANHE_GD_GUID
                    AND b.MA_TV_GD IN (
                        'A2','A3','B5','B6','C7','C8',
                        'E2','E3','M2','M3','R1','R2'
                    )
              )
            ORDER BY a.PARTY_MEMBER_FAMILY_ID
            """, nativeQuery = true)
    List<String> findAllIdsForTypeOneFrom25();

    // expect-next: static
    @Query(value = """
            SELECT a.PARTY_MEMBER_FAMILY_ID
            FROM CSDLDV_PARTY_MEMBER.PARTY_MEMBER_FAMILY a
            WHERE a.TYPE IS NULL
              AND EXISTS (
                  SELECT 1
                  FROM CSDLDV_26.qhe_gd b
                  WHERE b.guidkey = a.V3_QUANHE_GD_GUID
                    AND b.MA_TV_GD IN (
                        'A2','A3','B5','B6','C7','C8',
                        'E2','E3','M2','M3','R1','R2'
                    )
              )
            ORDER BY a.PARTY_MEMBER_FAMILY_ID
            """, nativeQuery = true)
    List<String> findAllIdsForTypeOneFrom26();

    @Modifying
    // expect-next: static
    @Query(value = """
            UPDATE CSDLDV_PARTY_MEMBER.PARTY_MEMBER_FAMILY
            SET TYPE = 1
            WHERE PARTY_MEMBER_FAMILY_ID IN :ids
            """, nativeQuery = true)
    int bulkSetTypeOne(List<String> ids);

    @Modifying
    // expect-next: static
    @Query(value = """
            UPDATE CSDLDV_PARTY_MEMBER.PARTY_MEMBER_FAMILY
            SET TYPE = 0
            WHERE TYPE IS NULL
            """, nativeQuery = true)
    int bulkSetTypeZero();
}
