// Source: a Spring/Kotlin certificate repository (find_string id 25843585; Finnish names, probably
// Opetushallitus/ludos), an Android SQLiteOpenHelper (id 56908712605) and Kotlin decoys that use
// the same """...""".trimIndent() form for HTML, JSON and JavaScript (ids 66269341570,
// 6443317885, 33017305180, 16666636720). Excerpts verbatim, concatenated.
// Classes: Kotlin raw strings """ + trimIndent() opening on a `when` branch or on their own line
//          (expect-next), $var / ${expr} templates (dynamic), conditions kept in a variable
//          (fragment), ?::publish_state casts, rawQuery with $TABLE constants (dynamic),
//          decoys (HTML form, JSON bodies, PDF.js calls, Korean/Norwegian test names).
package fi.oph.ludos.certificate

class CertificateRepository(private val jdbcTemplate: JdbcTemplate) {

    fun getCertificateById(id: Int, exam: Exam, version: Int?): CertificateOut? {
        val role = Kayttajatiedot.fromSecurityContext().role
        val (table, mapper) = tableNameAndMapperByExam(exam)

        val versionCondition = version?.let { "AND c.certificate_version = $version" } // expect: fragment
            ?: "AND c.certificate_version = (SELECT MAX(certificate_version) FROM $table WHERE certificate_id = c.certificate_id)" // expect: fragment

        val sql = when (exam) {
            // expect-next: dynamic
            Exam.SUKO -> """
                SELECT 
                    c.*, 
                    ca.attachment_file_key AS attachment_file_key, 
                    ca.attachment_file_name AS attachment_file_name, 
                    ca.attachment_upload_date AS attachment_upload_date
                FROM suko_certificate AS c 
                LEFT JOIN certificate_attachment AS ca ON c.attachment_file_key_fi = ca.attachment_file_key
                WHERE c.certificate_id = ? $versionCondition ${publishStateFilter(role)}
            """.trimIndent()

            // expect-next: dynamic
            Exam.LD, Exam.PUHVI -> """
                SELECT
                    c.*,
                    a_fi.attachment_file_key AS attachment_file_key_fi,
                    a_sv.attachment_file_key AS attachment_file_key_sv
                FROM $table AS c
                JOIN certificate_attachment AS a_fi ON c.attachment_file_key_fi = a_fi.attachment_file_key
                LEFT JOIN certificate_attachment AS a_sv ON c.attachment_file_key_sv = a_sv.attachment_file_key
                WHERE c.certificate_id = ? $versionCondition ${publishStateFilter(role)}
            """.trimIndent()
        }

        return jdbcTemplate.query(sql, { rs, _ -> mapper(rs, exam) }, id).firstOrNull()
    }

    fun getCertificateAttachmentByFileKey(fileKey: String): CertificateAttachmentDtoOut? {
        val results = jdbcTemplate.query( // expect-next: static
            """
            SELECT attachment_file_key, attachment_file_name, attachment_upload_date
            FROM certificate_attachment
            WHERE attachment_file_key = ?
            """.trimIndent(), { rs, _ ->
                CertificateAttachmentDtoOut(
                    rs.getString("attachment_file_key"),
                    rs.getString("attachment_file_name"),
                    rs.getTimestamp("attachment_upload_date")
                )
            }, fileKey
        )

        return results.firstOrNull()
    }

    fun getAllVersionsOfCertificate(id: Int, exam: Exam): List<CertificateOut> {
        val (table, mapper) = tableNameAndMapperByExam(exam)

        val sql = when (exam) {
            // expect-next: static
            Exam.SUKO -> """
                SELECT 
                    c.*, 
                    ca.attachment_file_key AS attachment_file_key, 
                    ca.attachment_file_name AS attachment_file_name, 
                    ca.attachment_upload_date AS attachment_upload_date
                FROM suko_certificate AS c
                LEFT JOIN certificate_attachment AS ca ON c.attachment_file_key_fi = ca.attachment_file_key
                WHERE c.certificate_id = ?
                ORDER BY c.certificate_version
            """.trimIndent()

            // expect-next: dynamic
            Exam.LD, Exam.PUHVI -> """
                SELECT
                    c.*,
                    a_fi.attachment_file_key AS attachment_file_key_fi,
                    a_sv.attachment_file_key AS attachment_file_key_sv
                FROM $table AS c
                JOIN certificate_attachment AS a_fi ON c.attachment_file_key_fi = a_fi.attachment_file_key
                LEFT JOIN certificate_attachment AS a_sv ON c.attachment_file_key_sv = a_sv.attachment_file_key
                WHERE c.certificate_id = ?
                ORDER BY c.certificate_version
            """.trimIndent()
        }

        return jdbcTemplate.query(sql, { rs, _ -> mapper(rs, exam) }, id)
    }

    fun createNewVersionOfSukoCertificate(id: Int, certificateDtoIn: SukoCertificateDtoIn, attachmentSource: Either<Int, MultipartFile?>): Int? =
        createNewVersionOfCertificate(id, certificateDtoIn, attachmentSource) { attachmentKeys, version, authorOid ->
            jdbcTemplate.update( // expect-next: static
                """
                INSERT INTO suko_certificate (
                    certificate_id,                                
                    certificate_name_fi,
                    suko_certificate_description_fi,
                    certificate_publish_state,
                    attachment_file_key_fi,
                    attachment_file_key_sv,
                    certificate_author_oid,
                    certificate_updater_oid,
                    certificate_version
                )
                VALUES (?, ?, ?, ?::publish_state, ?, ?, ?, ?, ?)
                """.trimIndent(),
                id,
                certificateDtoIn.nameFi,
                certificateDtoIn.descriptionFi,
                certificateDtoIn.publishState.toString(),
                attachmentKeys.first,
                attachmentKeys.first,
                authorOid,
                Kayttajatiedot.fromSecurityContext().oidHenkilo,
                version
            )
        }
}

class GymDatabaseHelper(context: Context) : SQLiteOpenHelper(context, DATABASE_NAME, null, DATABASE_VERSION) {
    fun getExerciseSessionHistory(username: String, exerciseName: String): List<SessionExerciseLog> {
        val list = mutableListOf<SessionExerciseLog>()
        val db = readableDatabase
        // expect-next: dynamic
        val cursor = db.rawQuery("""
            SELECT l.*, s.date FROM $TABLE_SESSION_LOGS l
            INNER JOIN $TABLE_SESSIONS s ON l.sessionId = s.id
            WHERE s.username = ? AND l.exerciseName = ?
            ORDER BY s.date DESC
        """.trimIndent(), arrayOf(username, exerciseName))
        if (cursor.moveToFirst()) do {
            val log = cursorToSessionLog(cursor)
            val dateIdx = cursor.getColumnIndex("date")
            val dateVal = if (dateIdx >= 0) cursor.getString(dateIdx) ?: "" else ""
            list.add(log.copy(date = dateVal))
        } while (cursor.moveToNext())
        cursor.close(); db.close(); return list
    }
}

// Decoys: the same raw-string form for HTML, JSON and JavaScript.
class RuletaRoutes {
    private fun processGetRequest(): suspend PipelineContext<Unit, ApplicationCall>.(Unit) -> Unit =
        {
            call.respondText(
                """
                            <form method="post">
                             <div>
                                <label for="say"> Ingrese los numeros </label>
                                <textarea name="numbers" id="numbers" value="Hi" rows="10"></textarea>
                             </div>
                              <div>
                                <input type="submit" value="Send">
                              </div>
                            </form>
                        """.trimIndent(), ContentType.Text.Html
            )
        }
}

class UserTest {
    @Test
    fun `simple masking`() {
        val user = User("홍길동")
        val jsonStr = objectMapper.writeValueAsString(user)
        assertEquals("""
            {"name":"홍**"}
        """.trimIndent(), jsonStr)
    }
}

class PdfViewerActivity {
    fun setup() {
        binding.webview.setOnTouchListener(object : OnSwipeTouchListener() {
            override fun onSwipeRight() {
                binding.webview.evaluateJavascript("""
                    PDFViewerApplication.toolbar.items.previous.click();
                    PDFViewerApplication.page;
                """.trimIndent()) {
                    showPageNumber("$it/$totalPage")
                }
            }

            override fun onZoomIn(stepDiff: Float) {
                binding.webview.evaluateJavascript("""
                    PDFViewerApplication.zoomIn(${stepDiff / 1000f})
                """.trimIndent(), null)
            }
        })
    }
}

class PersonRiverTest {
    @Test
    fun `skal svare på person-behov`() {
        val ident = "121212132323"
        // language=JSON
        rapid.sendTestMessage("""
            { 
              "@behov": ["person"], 
              "identer": [{"id":"$ident","type":"fnr","historisk":false}], 
              "@id": "1", 
              "@behovId": "2"
            }
        """.trimIndent())
        coVerify { PDLClient.hentPerson(ident) }
    }
}
