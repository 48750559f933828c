import CPgQuery

extension RawTreeReader {
    /// Whether the node layouts and tags declared for this reader (in the CPgQuery shim and
    /// ``Tag``) match the libpg_query the process loaded, checked once: each tag must name the
    /// library's node, and probe statements that use every layout must read exactly as through
    /// their JSON, normalised as `pg_query_normalize` does. When they do not (another libpg_query
    /// version), ``PgQuery`` reads every tree through its JSON: slower, and still right.
    static let matchesLibrary: Bool = tagsMatchLibrary && probes.allSatisfy(readsAsJSON)

    /// Whether each tag of ``Tag`` names the library's node of that number, checked once.
    static let tagsMatchLibrary: Bool = tagsMatch()

    /// Statements that between them use every layout the reader declares.
    static let probes: [String] = [
        "WITH c AS MATERIALIZED (SELECT DISTINCT ON (a) a, b::numeric(10, 2) COLLATE \"C\" FROM s.t AS x "
            + "JOIN u USING (id) LEFT JOIN LATERAL (SELECT 1) l ON true, generate_series(1, 3) g(n) "
            + "WHERE a IN (1, 2) AND NOT b IS NULL AND a = ANY(SELECT y FROM e) AND c IS TRUE "
            + "GROUP BY GROUPING SETS ((a), (b)) HAVING count(*) FILTER (WHERE a > 0) > 1 "
            + "ORDER BY a DESC NULLS LAST LIMIT $1 FOR UPDATE OF x SKIP LOCKED) "
            + "SELECT a[1], (b).f, ARRAY[1, 2], ROW(1, 2), coalesce(a, 0), greatest(a, b), f(x => 'y'), "
            + "CASE WHEN a THEN 1 ELSE 2 END, current_date, sum(a) OVER w FROM c WINDOW w AS (ORDER BY a)",
        "INSERT INTO t (a, b) VALUES (DEFAULT, $1) ON CONFLICT (a) WHERE b > 0 "
            + "DO UPDATE SET b = excluded.b, (c, d) = (1, 2) RETURNING *",
        "UPDATE t SET a = a + 1 FROM u WHERE t.id = u.id RETURNING t.a",
        "DELETE FROM t USING u WHERE t.id = u.id AND t.b = 'x' RETURNING *",
        "SELECT id INTO TEMP copy FROM source",
        "CREATE TABLE IF NOT EXISTS s.t (id bigserial PRIMARY KEY, a text NOT NULL DEFAULT 'x' REFERENCES u (id) "
            + "ON DELETE CASCADE, n numeric(12,2) CHECK (n > 0), CONSTRAINT fk FOREIGN KEY (a) REFERENCES v (x))",
        "CREATE UNIQUE INDEX IF NOT EXISTS i ON t USING gin (a, lower(b) DESC) INCLUDE (c) WHERE d > 5",
    ]

    /// Each tag names the library's node of that number.
    private static func tagsMatch() -> Bool {
        Tag.allCases.allSatisfy { tag in libraryJSON(ofZeroed: tag)?.hasPrefix("{\"\(tag.name)\":") ?? false }
    }

    /// The library's JSON of a node tagged `tag` whose fields are zero but those `fill` writes.
    static func libraryJSON(ofZeroed tag: Tag, _ fill: (UnsafeMutableRawPointer) -> Void = { _ in }) -> String? {
        let context = pg_query_enter_memory_context()
        defer { pg_query_exit_memory_context(context) }
        let node = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)
        defer { node.deallocate() }
        node.initializeMemory(as: UInt8.self, repeating: 0, count: 512)
        node.storeBytes(of: tag.rawValue, as: Int32.self)
        fill(node)
        return pg_query_node_to_json(node).map { String(cString: $0) }
    }

    /// `sql` is read directly and reads as through its JSON; its normalised text, when the reader
    /// works it out, is `pg_query_normalize`'s.
    static func readsAsJSON(_ sql: String) -> Bool {
        guard let direct = try? PgQuery.summarize(sql, readingTreeDirectly: true, normalizing: true),
              let reference = try? PgQuery.summarize(sql, readingTreeDirectly: false),
              let normalized = try? PgQuery.normalize(sql) else { return false }
        var withoutNormalized = direct
        withoutNormalized.normalized = nil
        return withoutNormalized == reference && (direct.normalized == nil || direct.normalized == normalized)
    }
}
