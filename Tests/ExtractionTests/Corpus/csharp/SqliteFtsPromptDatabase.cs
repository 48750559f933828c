// Source: public C# file, read_file / find_string index id 53208398559
// (namespace Prompt.Forge.Services, `sealed class Database`: a desktop prompt-library app on
// Microsoft.Data.Sqlite, SqliteCommand.CommandText with SQLite `$name` parameters).
// Classes: project wrapper `Execute(string sql)` given one multi-statement verbatim literal
// (CREATE TABLE, CREATE VIRTUAL TABLE … USING fts5, three CREATE TRIGGER … BEGIN … END with
// bodies), a search that keeps a whole SELECT in `baseTable` (two alternatives, one with fts5
// MATCH) and splices it with `where` and an ORDER BY into CommandText, conditions added to a
// List<string>, `INSERT …; SELECT last_insert_rowid();` in one literal, datetime('now'),
// `NOT is_favorite`; decoys: `$"Data Source={path}"`, the LIKE pattern `$"%{tag}%"`,
// parameter names, column names for GetOrdinal, Korean section comment.
// Adaptations: labels only. `// expect-next:` appended to the code line before each literal
// whose opening line ends inside the string (`Execute(@"`, `baseTable = @"`,
// `cmd.CommandText = @"`); statements after the first in a literal carry an in-literal SQL-comment label
// at the end of their first line inside the literal (convention 3). Otherwise verbatim.
namespace Prompt.Forge.Services;

sealed class Database : IDisposable
{
    readonly SqliteConnection _conn;

    public Database(string path)
    {
        var dir = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(dir)) Directory.CreateDirectory(dir);

        _conn = new SqliteConnection($"Data Source={path}");
        _conn.Open();
        Migrate();
    }

    void Migrate()
    { // expect-next: static
        Execute(@"
            CREATE TABLE IF NOT EXISTS prompts (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                title       TEXT    NOT NULL DEFAULT '',
                content     TEXT    NOT NULL DEFAULT '',
                tags        TEXT    NOT NULL DEFAULT '',
                service     TEXT    NOT NULL DEFAULT '',
                is_favorite INTEGER NOT NULL DEFAULT 0,
                version     INTEGER NOT NULL DEFAULT 1,
                notes       TEXT    NOT NULL DEFAULT '',
                parent_id   INTEGER,
                created_at  TEXT    NOT NULL DEFAULT (datetime('now')),
                updated_at  TEXT    NOT NULL DEFAULT (datetime('now'))
            );

            CREATE VIRTUAL TABLE IF NOT EXISTS prompts_fts -- expect: static
                USING fts5(title, content, tags, notes, content=prompts, content_rowid=id);

            CREATE TRIGGER IF NOT EXISTS prompts_ai AFTER INSERT ON prompts BEGIN -- expect: static
                INSERT INTO prompts_fts(rowid, title, content, tags, notes)
                VALUES (new.id, new.title, new.content, new.tags, new.notes);
            END;

            CREATE TRIGGER IF NOT EXISTS prompts_au AFTER UPDATE ON prompts BEGIN -- expect: static
                INSERT INTO prompts_fts(prompts_fts, rowid, title, content, tags, notes)
                VALUES ('delete', old.id, old.title, old.content, old.tags, old.notes);
                INSERT INTO prompts_fts(rowid, title, content, tags, notes)
                VALUES (new.id, new.title, new.content, new.tags, new.notes);
            END;

            CREATE TRIGGER IF NOT EXISTS prompts_ad AFTER DELETE ON prompts BEGIN -- expect: static
                INSERT INTO prompts_fts(prompts_fts, rowid, title, content, tags, notes)
                VALUES ('delete', old.id, old.title, old.content, old.tags, old.notes);
            END;
        ");
    }

    // ── CRUD ─────────────────────────────────────────────────────────────────

    public List<PromptItem> Search(string query, string? tag, string? service, bool? favOnly)
    {
        var conditions = new List<string>();
        var cmd = _conn.CreateCommand();

        string baseTable;
        if (!string.IsNullOrWhiteSpace(query))
        {
            cmd.Parameters.AddWithValue("$q", query + "*"); // expect-next: static
            baseTable = @"
                SELECT p.* FROM prompts p
                INNER JOIN prompts_fts fts ON p.id = fts.rowid
                WHERE fts.prompts_fts MATCH $q AND p.parent_id IS NULL";
        }
        else
        {
            baseTable = "SELECT p.* FROM prompts p WHERE p.parent_id IS NULL"; // expect: static
        }

        if (!string.IsNullOrWhiteSpace(tag))
        {
            conditions.Add("p.tags LIKE $tag"); // expect: fragment
            cmd.Parameters.AddWithValue("$tag", $"%{tag}%");
        }
        if (!string.IsNullOrWhiteSpace(service))
        {
            conditions.Add("p.service = $svc"); // expect: fragment
            cmd.Parameters.AddWithValue("$svc", service);
        }
        if (favOnly == true)
            conditions.Add("p.is_favorite = 1"); // expect: fragment

        string where = conditions.Count > 0
            ? " AND " + string.Join(" AND ", conditions)
            : "";

        cmd.CommandText = baseTable + where + " ORDER BY p.is_favorite DESC, p.updated_at DESC"; // expect: dynamic

        return ReadItems(cmd);
    }

    public PromptItem? GetById(int id)
    {
        var cmd = _conn.CreateCommand();
        cmd.CommandText = "SELECT * FROM prompts WHERE id = $id"; // expect: static
        cmd.Parameters.AddWithValue("$id", id);
        return ReadItems(cmd).FirstOrDefault();
    }

    public List<PromptItem> GetVersionHistory(int rootId)
    {
        var cmd = _conn.CreateCommand();
        cmd.CommandText = "SELECT * FROM prompts WHERE parent_id = $pid ORDER BY version"; // expect: static
        cmd.Parameters.AddWithValue("$pid", rootId);
        return ReadItems(cmd);
    }

    public int Insert(PromptItem p)
    {
        var cmd = _conn.CreateCommand(); // expect-next: static
        cmd.CommandText = @"
            INSERT INTO prompts (title, content, tags, service, is_favorite, version, notes, parent_id)
            VALUES ($title, $content, $tags, $svc, $fav, $ver, $notes, $pid);
            SELECT last_insert_rowid(); -- expect: static";
        BindParams(cmd, p);
        return Convert.ToInt32(cmd.ExecuteScalar());
    }

    public void Update(PromptItem p)
    {
        var cmd = _conn.CreateCommand(); // expect-next: static
        cmd.CommandText = @"
            UPDATE prompts SET
                title = $title, content = $content, tags = $tags,
                service = $svc, is_favorite = $fav, version = $ver,
                notes = $notes, updated_at = datetime('now')
            WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", p.Id);
        BindParams(cmd, p);
        cmd.ExecuteNonQuery();
    }

    public void Delete(int id)
    {
        var cmd = _conn.CreateCommand();
        cmd.CommandText = "DELETE FROM prompts WHERE id = $id OR parent_id = $id"; // expect: static
        cmd.Parameters.AddWithValue("$id", id);
        cmd.ExecuteNonQuery();
    }

    public void ToggleFavorite(int id)
    {
        var cmd = _conn.CreateCommand();
        cmd.CommandText = "UPDATE prompts SET is_favorite = NOT is_favorite, updated_at = datetime('now') WHERE id = $id"; // expect: static
        cmd.Parameters.AddWithValue("$id", id);
        cmd.ExecuteNonQuery();
    }

    public List<PromptItem> GetAll()
    {
        var cmd = _conn.CreateCommand();
        cmd.CommandText = "SELECT * FROM prompts WHERE parent_id IS NULL ORDER BY is_favorite DESC, updated_at DESC"; // expect: static
        return ReadItems(cmd);
    }

    public List<string> GetAllTags()
    {
        var cmd = _conn.CreateCommand();
        cmd.CommandText = "SELECT tags FROM prompts WHERE parent_id IS NULL AND tags != ''"; // expect: static
        var tags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            foreach (var t in reader.GetString(0).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                tags.Add(t);
        return [.. tags.OrderBy(t => t)];
    }

    public List<string> GetAllServices()
    {
        var cmd = _conn.CreateCommand();
        cmd.CommandText = "SELECT DISTINCT service FROM prompts WHERE parent_id IS NULL AND service != '' ORDER BY service"; // expect: static
        var list = new List<string>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) list.Add(reader.GetString(0));
        return list;
    }

    // ── 내부 헬퍼 ─────────────────────────────────────────────────────────────

    static void BindParams(SqliteCommand cmd, PromptItem p)
    {
        cmd.Parameters.AddWithValue("$title",   p.Title);
        cmd.Parameters.AddWithValue("$content", p.Content);
        cmd.Parameters.AddWithValue("$tags",    p.Tags);
        cmd.Parameters.AddWithValue("$svc",     p.Service);
        cmd.Parameters.AddWithValue("$fav",     p.IsFavorite ? 1 : 0);
        cmd.Parameters.AddWithValue("$ver",     p.Version);
        cmd.Parameters.AddWithValue("$notes",   p.Notes);
        cmd.Parameters.AddWithValue("$pid",     p.ParentId.HasValue ? (object)p.ParentId.Value : DBNull.Value);
    }

    static List<PromptItem> ReadItems(SqliteCommand cmd)
    {
        var list = new List<PromptItem>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new PromptItem
            {
                Id         = r.GetInt32(r.GetOrdinal("id")),
                Title      = r.GetString(r.GetOrdinal("title")),
                Content    = r.GetString(r.GetOrdinal("content")),
                Tags       = r.GetString(r.GetOrdinal("tags")),
                Service    = r.GetString(r.GetOrdinal("service")),
                IsFavorite = r.GetInt32(r.GetOrdinal("is_favorite")) == 1,
                Version    = r.GetInt32(r.GetOrdinal("version")),
                Notes      = r.GetString(r.GetOrdinal("notes")),
                ParentId   = r.IsDBNull(r.GetOrdinal("parent_id")) ? null : r.GetInt32(r.GetOrdinal("parent_id")),
                CreatedAt  = DateTime.Parse(r.GetString(r.GetOrdinal("created_at"))),
                UpdatedAt  = DateTime.Parse(r.GetString(r.GetOrdinal("updated_at")))
            });
        }
        return list;
    }

    void Execute(string sql)
    {
        using var cmd = _conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _conn.Dispose();
}
