// Sources (the index gave no repository names; read_file / find_string index ids):
//   47177140023  jc.kotlin.template.server.user (Kotlin server template: UserRepository over
//                Ktorm's Database on SQLite)
//   1093490522   top.vuhe.admin.generator.mapper.GenTableMapper (Kotlin admin system's code
//                generator: Ktorm table mapping, MySQL information_schema)
// Classes: Ktorm `database.useConnection { conn -> conn.prepareStatement("…") }` raw JDBC inside a
// Ktorm code base, `?` binds, a Kotlin raw string opening on the line after `prepareStatement(`
// (expect-next on the call line) with `.trimIndent()`, a raw string whose SQL starts right after
// `"""` and holds a `$where` template (dynamic), WHERE pieces kept in variables and spliced
// (`"and table_name not in (select …)"`, `"and table_name like %${…}%"`, `"and table_name in ${…}"`:
// fragments; the unquoted LIKE pattern and IN list are bugs in the source); decoys: Ktorm DSL
// (`genTableName like "%${…}%"`, `.where { genTableName eq tableName }`, `varchar("table_name")`
// column bindings), `"Unsupported DB_TYPE: $DB_TYPE"`, a commented-out "postgres" branch,
// ResultSet column names ("is_admin"), `"$base $name $comment"` (holes only), joinToString
// prefix/postfix "(" and ")".
// Adaptations: two files concatenated (the second file's package and imports kept as a comment;
// Kotlin allows one package per file); in GenTableMapper eleven column bindings (sub_table_fk_name …
// tree_parent_code, create_by, update_by) were dropped. Otherwise verbatim.
package jc.kotlin.template.server.user

import jc.kotlin.template.server.config.CoreServices
import jc.kotlin.template.server.config.DB_TYPE
import kotlinx.serialization.Serializable

@Serializable
data class UserEntity(
    val id: String,
    val name: String,
    val email: String? = null,
    val picture: String? = null,
    val isAdmin: Boolean = false,
    val isActive: Boolean = false,
    val createdAt: Long = System.currentTimeMillis(),
    val updatedAt: Long = System.currentTimeMillis()
)

interface UserRepository {
    suspend fun getUserById(id: String): UserEntity?
    suspend fun createUser(user: UserEntity): UserEntity
    suspend fun deleteUser(id: String): Boolean
}

fun userRepositoryFactory(core: CoreServices): UserRepository {
    return when (DB_TYPE) {
        "sqlite" -> SQLiteUserRepository(core)
//        "postgres" -> DbUserRepository(core)
        else -> throw IllegalArgumentException("Unsupported DB_TYPE: $DB_TYPE")
    }
}

class SQLiteUserRepository(
    private val core: CoreServices
) : UserRepository {
    override suspend fun getUserById(id: String): UserEntity? {
        return core.database.useConnection { conn ->
            conn.prepareStatement("SELECT * FROM users WHERE id = ?;") // expect: static
                .use { stmt ->
                    stmt.setString(1, id)
                    val result = stmt.executeQuery()
                    if (result.next()) mapResultToUserEntity(result) else null
                }
        }
    }

    override suspend fun createUser(user: UserEntity): UserEntity {
        core.database.useConnection { conn ->
            conn.prepareStatement( // expect-next: static
                """
               INSERT INTO users (
                    id, 
                    name, 
                    email,
                    picture,
                    is_admin,
                    is_active,
                    created_at,
                    updated_at
                ) 
                VALUES (?, ?, ?, ?, ?, ?, ?, ?);
                """.trimIndent()
            ).use { stmt ->
                stmt.setString(1, user.id)
                stmt.setString(2, user.name)
                stmt.setString(3, user.email)
                stmt.setString(4, user.picture)
                stmt.setBoolean(5, user.isAdmin)
                stmt.setBoolean(6, user.isActive)
                stmt.setLong(7, user.createdAt)
                stmt.setLong(8, user.updatedAt)
                stmt.executeUpdate()
            }
        }
        return user
    }

    override suspend fun deleteUser(id: String): Boolean {
        return core.database.useConnection { conn ->
            conn.prepareStatement("DELETE FROM users WHERE id = ?;").use { stmt -> // expect: static
                stmt.setString(1, id)
                stmt.executeUpdate() > 0
            }
        }
    }

    private fun mapResultToUserEntity(resultSet: java.sql.ResultSet): UserEntity {
        return UserEntity(
            id = resultSet.getString("id"),
            name = resultSet.getString("name"),
            email = resultSet.getString("email"),
            picture = resultSet.getString("picture"),
            isAdmin = resultSet.getBoolean("is_admin"),
            isActive = resultSet.getBoolean("is_active"),
            createdAt = resultSet.getLong("created_at"),
            updatedAt = resultSet.getLong("updated_at")
        )
    }
}

// --- second source: package top.vuhe.admin.generator.mapper
// import org.ktorm.database.asIterable
// import org.ktorm.dsl.*
// import org.ktorm.schema.*
// import org.springframework.stereotype.Repository
// import top.vuhe.admin.generator.domain.GenTable
// import top.vuhe.admin.spring.database.mapper.CurdMapper
// import java.time.LocalDateTime
// import java.time.ZoneId

/**
 * 业务表接口
 *
 * @author vuhe
 */
@Repository
class GenTableMapper : CurdMapper<GenTable>("gen_table") {
    override val id = varchar("table_id").primaryKey().bind(GenTable::tableId)
    private val genTableName = varchar("table_name").bind(GenTable::tableName)
    private val tableComment = varchar("table_comment").bind(GenTable::tableComment)
    private val subTableName = varchar("sub_table_name").bind(GenTable::subTableName)
    private val className = varchar("class_name").bind(GenTable::className)
    private val packageName = varchar("package_name").bind(GenTable::packageName)
    private val createTime = datetime("create_time").bind(GenTable::createTime)
    private val updateTime = datetime("update_time").bind(GenTable::updateTime)
    private val remark = varchar("remark").bind(GenTable::remark)

    override fun Query.listFilter(param: GenTable): Query {
        return whereWithConditions {
            if (param.tableName.isNotEmpty()) it.add(genTableName like "%${param.tableName}%")
            if (param.tableComment.isNotEmpty()) it.add(tableComment like "%${param.tableComment}%")
        }
    }

    /**
     * 根据 tableName 查询实体
     */
    fun selectByName(tableName: String): GenTable? {
        val list = database.from(this).select()
            .where { genTableName eq tableName }
            .map { createEntity(it) }
        return list.getOrNull(0)
    }

    /**
     * 直接查询数据库中所有的表
     */
    fun selectTable(entity: GenTable): List<GenTable> {
        val base = "and table_name not in (select table_name from gen_table)" // expect: fragment
        val name = if (entity.tableName.isNotEmpty()) "and table_name like %${entity.tableName}%" else "" // expect: fragment
        val comment = if (entity.tableComment.isNotEmpty()) "and table_comment like %${entity.tableComment}%" else "" // expect: fragment
        return selectDatabase("$base $name $comment")
    }

    /**
     * 按名称查询数据库中所有的表
     */
    fun selectTableByName(names: List<String>): List<GenTable> {
        val base = "and table_name in ${names.joinToString(prefix = "(", postfix = ")")}" // expect: fragment
        return selectDatabase(base)
    }

    private fun selectDatabase(where: String): List<GenTable> {
        return database.useConnection { conn -> // expect-next: dynamic
            val sql = """select table_name, table_comment, create_time, update_time 
                from information_schema.tables
                where table_schema = (select database())
                and table_name not like 'qrtz_%' and table_name not like 'gen_%'
                $where
                order by table_name desc;
            """.trimIndent()
            conn.prepareStatement(sql).use { statement ->
                statement.executeQuery().asIterable().map {
                    val zoneId = ZoneId.systemDefault()
                    GenTable().apply {
                        tableName = it.getString(1)
                        tableComment = it.getString(2)
                        createTime = LocalDateTime.ofInstant(it.getDate(3).toInstant(), zoneId)
                        updateTime = LocalDateTime.ofInstant(it.getDate(4).toInstant(), zoneId)
                    }
                }
            }
        }
    }
}
