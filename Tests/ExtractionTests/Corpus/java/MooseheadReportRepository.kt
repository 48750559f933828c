// Source: public GitHub file found with find_string "jdbcTemplate.query(\"\"\" " and
// "package no.java.mooseheadreborn.repository" (read_file index id 988876678); the index gave no
// repository name. Code base: "moosehead reborn" (package no.java.mooseheadreborn, javaBin's
// workshop-registration app; its other repositories use typesafe jOOQ with no SQL text), a Kotlin
// Spring repository over JdbcTemplate and PostgreSQL.
// Classes: `jdbcTemplate.query("""…""".trimIndent()) { rs, _ -> … }` with the raw string opening at
// the end of the call line (the SQL starts on the next line, so `// expect-next:` is appended to
// the `fun …{` line before it), implicit joins over four tables, `IN ('REGISTERED','WAITING')`,
// `<>`; decoys: rs.getString / getTimestamp column keys, the data class.
// Adaptations: this header and one `// expect-next:` comment appended to an existing code line;
// the code is otherwise as found (the source file has no final
// newline; one was added).
package no.java.mooseheadreborn.repository

import no.java.mooseheadreborn.domain.*
import org.springframework.jdbc.core.JdbcTemplate
import org.springframework.stereotype.*

class RegistrationCollision(
    val name:String,
    val email:String,
    val workshopAName:String,
    val workshopBName:String,
    val statusA:RegistrationStatus,
    val statusB:RegistrationStatus,
    val astart:String,
    val aend:String,
    val bstart:String,
    val bend:String,
    val registrationIdA:String,
    val registrationIdB:String,
)

@Repository
class ReportRepository(
    private val jdbcTemplate:JdbcTemplate
) {
    fun loadRegistrationCollisionList():List<RegistrationCollision> { // expect-next: static
        val res:List<RegistrationCollision> = jdbcTemplate.query("""   
            SELECT par.name, par.email, wa.name as aname, wb.name as bname, ra.status as astatus, rb.status as bstatus, wa.starttime as astart,
            wa.endtime as aend, wb.starttime as bstart, wb.endtime as bend, ra.id as regaid, rb.id as regbid
            FROM workshop wa, workshop wb, registration ra, registration rb, particiant par
            WHERE wa.workshop_type = 'JZ' AND wb.workshop_type = 'JZ' AND wa.id <> wb.id
            AND wa.starttime IS NOT NULL AND wb.starttime IS NOT NULL AND wa.endtime IS NOT NULL AND wb.endtime IS NOT NULL 
            AND wa.starttime <= wb.starttime AND wa.endtime > wb.starttime AND
            (wa.starttime <> wb.starttime OR wb.starttime <> wa.starttime OR wa.id < wb.id)
            AND ra.workshop = wa.id AND rb.workshop = wb.id AND ra.participant = rb.participant
            AND ra.status IN ('REGISTERED','WAITING') AND rb.status IN ('REGISTERED','WAITING')
            AND ra.participant = par.id
            ORDER BY ra.status, rb.status                                 
        """.trimIndent()) {  rs, _ ->
                RegistrationCollision(
                    name = rs.getString("name"),
                    email = rs.getString("email"),
                    workshopAName = rs.getString("aname"),
                    workshopBName = rs.getString("bname"),
                    statusA = RegistrationStatus.valueOf(rs.getString("astatus")),
                    statusB = RegistrationStatus.valueOf(rs.getString("bstatus")),
                    astart = rs.getTimestamp("astart").toInstant().toString(),
                    aend = rs.getTimestamp("aend").toInstant().toString(),
                    bstart = rs.getTimestamp("bstart").toInstant().toString(),
                    bend = rs.getTimestamp("bend").toInstant().toString(),
                    registrationIdA = rs.getString("regaid"),
                    registrationIdB = rs.getString("regbid")
                )

        }
        return res
    }
}
