// Source: IEquipmentTypeRepo, Spring Data repository of a thermoelectric-plant operations backend
//   (package com.example.project_backend_thermoelectric) (the index gave no repository name; open
//   it with read_file id=61963634226).
// Classes: 4-placeholders (Spring Data `:name` binds), @Query(value = """…""", nativeQuery = true)
//   text blocks at three indentations, a `countQuery = """` text block whose body starts in
//   column 0 (its label is appended to the closing `""",` of the value text block on the line
//   before), MySQL `concat('%', :x, '%')` / `(:x = '' or …)` optional filters, LEFT JOIN with an
//   extra ON condition, 7-decoys (aliases "as parameter" / "as type", @Param names, Page/Pageable).
// Adaptations: the JPQL query existsEquipmentTypeByNameAndDomain (`select count(e) > 0 from
//   EquipmentType e …`) was left out (earlier rounds keep JPQL out of the corpus);
//   `// expect-next:` comment lines were added before each text block that opens a value, one
//   label was appended to a closing `""",`. No other line was changed.

package com.example.project_backend_thermoelectric.repository.operations_manager.equipment;

import com.example.project_backend_thermoelectric.dto.operations_manager.response.EquipmentTypeDto;
import com.example.project_backend_thermoelectric.dto.operations_manager.detail.EquipmentHeaderDto;
import com.example.project_backend_thermoelectric.dto.operations_manager.detail.EquipmentParamDetailDto;
import com.example.project_backend_thermoelectric.entity.EquipmentType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

public interface IEquipmentTypeRepo extends JpaRepository<EquipmentType,Long> {
    // expect-next: static
    @Query(value = """
            select 
                e.id as id,
                e.name as name,
                d.name as domain
            from equipment_types e
            join domains d on d.id = e.domain_id
            where (:searchName = '' or e.name like concat('%', :searchName, '%'))
            and (:searchDomain = '' or d.name like concat('%', :searchDomain, '%'))
            """, // expect-next: static
            countQuery = """
select count(*)
from equipment_types e
join domains d on d.id = e.domain_id
where (:searchName = '' or e.name like concat('%', :searchName, '%'))
and (:searchDomain = '' or d.name like concat('%', :searchDomain, '%'))
""",
            nativeQuery = true)
    Page<EquipmentTypeDto> searchEquipmentTypeDto(
            @Param("searchName") String name,
            @Param("searchDomain") String domain,
            Pageable pageable
    );

    // expect-next: static
    @Query(value = """
    select e.name as name,
        et.name as type,
        e.code as kks
    from equipment_types et
    join equipments e on e.type_id = et.id
    where et.id = :typeId
    and e.id = :equipmentId
    """, nativeQuery = true)
    EquipmentHeaderDto getHeader(
            @Param("typeId") Long typeId,
            @Param("equipmentId") Long equipmentId
    );

    // expect-next: static
    @Query(value = """
        select 
            pd.name as parameter,
                    pd.unit as unit, 
            ep.value as value
        from parameter_definitions pd
        left join equipment_parameters ep
            on ep.parameter_id = pd.id
            and ep.equipment_id = :equipmentId
        where pd.type_id = :typeId
        """, nativeQuery = true)
    List<EquipmentParamDetailDto> getParameters(
            @Param("typeId") Long typeId,
            @Param("equipmentId") Long equipmentId
    );

}
