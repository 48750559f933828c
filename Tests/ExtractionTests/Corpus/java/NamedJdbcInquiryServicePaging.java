// Source: public Java file, read_file / find_string index id 71385358890
// (package com.hab.emmaus.inquiry.application, class InquiryService: a Spring Boot service
// that pages inquiries with NamedParameterJdbcTemplate; PostgreSQL `::Date` cast).
// Classes: a FROM piece kept in `baseSql`, a WHERE clause built in a StringBuilder seeded with
// " WHERE 1=1 " and extended with `append(" AND …")`, a count statement and a data statement
// composed from the pieces (`"SELECT COUNT(*) " + baseSql + whereClause`, a text block
// `"""SELECT *"""` + pieces), an ORDER BY/LIMIT piece kept in `pagination`, :name binds;
// decoys: @PreAuthorize("hasRole('ADMIN')"), Spring Data repository calls, rs.getString keys,
// numbered Java comments ("2. Count Query (Must NOT have ORDER BY or LIMIT)").
// Adaptations: one comment line (expect-next, dynamic) inserted before `String dataSql = """`
// (a text block opener cannot carry a trailing comment, and the line before is blank).
// Otherwise verbatim.
package com.hab.emmaus.inquiry.application;

import com.hab.emmaus.document.application.dto.DocumentResponse;
import com.hab.emmaus.inquiry.application.dto.CreateInquiryRequest;
import com.hab.emmaus.inquiry.application.dto.InquiryResponse;
import com.hab.emmaus.inquiry.application.dto.UpdateInquiryRequest;
import com.hab.emmaus.inquiry.domain.Inquiry;
import com.hab.emmaus.inquiry.persistence.InquiryRepository;
import com.hab.emmaus.shared.common_utils.PageResponse;
import com.hab.emmaus.shared.exception.BusinessException;
import com.hab.emmaus.shared.exception.ErrorCode;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Service
@RequiredArgsConstructor
public class InquiryService {

    private final InquiryRepository inquiryRepository;
    private final NamedParameterJdbcTemplate namedParameterJdbcTemplate;

    public void create(CreateInquiryRequest req) {
        Inquiry inquiry = Inquiry.create(
                req.type(),
                req.senderName(),
                req.senderEmail(),
                req.senderPhone(),
                req.subject(),
                req.message(),
                req.status(),
                req.remark()
        );

        inquiryRepository.save(inquiry);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void update(UUID publicId, UpdateInquiryRequest req){
        Inquiry inquiry = inquiryRepository.findByPublicId(publicId)
                .orElseThrow(() -> new BusinessException(ErrorCode.INQUIRY_NOT_FOUND));

        inquiry.update(req.status(), req.remark());
        inquiryRepository.save(inquiry);
    }

    /** getters ************************************************************** **/
    public PageResponse<InquiryResponse> getPagesOfInquiry(
            String type, LocalDate fromDate, int page, int size
    ) {
        Pageable pageable = PageRequest.of(page, size);
        MapSqlParameterSource params = new MapSqlParameterSource();

        String baseSql = " FROM inquiry i "; // expect: fragment

        // 1. Build the Dynamic WHERE clause
        StringBuilder whereClause = new StringBuilder(" WHERE 1=1 "); // expect: fragment

        if (type != null && !type.isEmpty()) {
            whereClause.append(" AND LOWER(i.type) = :type");
            params.addValue("type", type.toLowerCase());
        }

        if (fromDate != null) {
            whereClause.append(" AND i.created_at::Date >= :fromDate");
            params.addValue("fromDate", fromDate);
        }

        // 2. Count Query (Must NOT have ORDER BY or LIMIT)
        String countSql = "SELECT COUNT(*) " + baseSql + whereClause; // expect: dynamic
        Long total = namedParameterJdbcTemplate.queryForObject(countSql, params, Long.class);

        if (total == null || total == 0) {
            return PageResponse.toPage(List.of(), 0, pageable);
        }

        // 3. Data Query (Add Order and Pagination)
        String pagination = " ORDER BY i.created_at DESC LIMIT :limit OFFSET :offset"; // expect: fragment
        params.addValue("limit", size);
        params.addValue("offset", pageable.getOffset());

        // expect-next: dynamic
        String dataSql = """
                SELECT *
                """
                + baseSql + whereClause + pagination;

        List<InquiryResponse> content = namedParameterJdbcTemplate.query(dataSql,params,
                (rs,rowNum) -> InquiryResponse.builder()
                        .publicId(UUID.fromString(rs.getString("public_id")))
                        .type(rs.getString("type"))
                        .subject(rs.getString("subject"))
                        .message(rs.getString("message"))
                        .senderName(rs.getString("sender_name"))
                        .senderPhone(rs.getString("sender_phone"))
                        .remark(rs.getString("remark"))
                        .createdAt(rs.getTimestamp("created_at").toInstant())
                        .status(rs.getString("status"))
                        .build()
        );

        return PageResponse.toPage(content,total,pageable);
    }
}
