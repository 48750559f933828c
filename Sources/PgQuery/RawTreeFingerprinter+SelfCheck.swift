import CPgQuery
import Foundation

extension RawTreeFingerprinter {
    /// Whether the fingerprinter computes the fingerprints of the libpg_query the process loaded,
    /// checked once: the node tags must match (see ``RawTreeReader/tagsMatchLibrary``), so must
    /// the names of the enum values, and the probe statements, which use every layout and rule it
    /// knows, must fingerprint as the library fingerprints them. When they do not (another
    /// libpg_query version), ``PgQuery`` asks the library for every fingerprint: slower, and still right.
    static let matchesLibrary: Bool = RawTreeReader.tagsMatchLibrary && enumsMatchLibrary()
        && probes.allSatisfy(fingerprintsAsLibrary)

    /// The reader's probes, and statements that exercise the fingerprint's own rules: sorted
    /// lists with repeats, names with digits, cast constants, `IN` and `= ANY`, `DISTINCT`, set
    /// operations.
    static let probes: [String] = RawTreeReader.probes + [
        "SELECT DISTINCT a, a AS b, f(c, b), 2::int, $1::text, x::int[] FROM orders_2024_01 o, t1, t1 "
            + "WHERE a = ANY($2) OR b NOT IN (1, 2) OR c IS DISTINCT FROM d OR e LIKE 'x%' "
            + "UNION SELECT x, y, z, w, v, u FROM u INTERSECT SELECT 1, 2, 3, 4, 5, 6 ORDER BY 1",
        "INSERT INTO t SELECT * FROM u ON CONFLICT ON CONSTRAINT c DO NOTHING",
        "VALUES (1, 'a'), (2, 'b'), (a, b)",
    ]

    // MARK: - Enums

    /// An enum field of a node: where it lies and the names of its values.
    private struct EnumField {
        var tag: Tag
        var offset: Int?
        var name: String
        var names: [StaticString]

        init<Node>(_ tag: Tag, _ field: KeyPath<Node, Int32>, _ name: String, _ names: [StaticString]) {
            self.tag = tag
            offset = MemoryLayout<Node>.offset(of: field)
            self.name = name
            self.names = names
        }
    }

    /// Every enum field the fingerprinter writes.
    private static let enumFields: [EnumField] = [
        EnumField(.aExpr, \PgAExpr.kind, "kind", aExprKinds),
        EnumField(.boolExpr, \PgBoolExpr.boolop, "boolop", boolExprTypes),
        EnumField(.subLink, \PgSubLink.subLinkType, "subLinkType", subLinkTypes),
        EnumField(.nullTest, \PgNullTest.nulltesttype, "nulltesttype", nullTestTypes),
        EnumField(.booleanTest, \PgBooleanTest.booltesttype, "booltesttype", boolTestTypes),
        EnumField(.funcCall, \PgFuncCall.funcformat, "funcformat", coercionForms),
        EnumField(.rowExpr, \PgRowExpr.row_format, "row_format", coercionForms),
        EnumField(.minMaxExpr, \PgMinMaxExpr.op, "op", minMaxOperations),
        EnumField(.sqlValueFunction, \PgSQLValueFunction.op, "op", sqlValueFunctionOperations),
        EnumField(.selectStmt, \PgSelectStmt.op, "op", setOperations),
        EnumField(.selectStmt, \PgSelectStmt.limitOption, "limitOption", limitOptions),
        EnumField(.insertStmt, \PgInsertStmt.override, "override", overridingKinds),
        EnumField(.onConflictClause, \PgOnConflictClause.action, "action", onConflictActions),
        EnumField(.intoClause, \PgIntoClause.onCommit, "onCommit", onCommitActions),
        EnumField(.createStmt, \PgCreateStmt.oncommit, "oncommit", onCommitActions),
        EnumField(.commonTableExpr, \PgCommonTableExpr.ctematerialized, "ctematerialized", cteMaterializations),
        EnumField(.lockingClause, \PgLockingClause.strength, "strength", lockClauseStrengths),
        EnumField(.lockingClause, \PgLockingClause.waitPolicy, "waitPolicy", lockWaitPolicies),
        EnumField(.joinExpr, \PgJoinExpr.jointype, "jointype", joinTypes),
        EnumField(.sortBy, \PgSortBy.sortby_dir, "sortby_dir", sortDirections),
        EnumField(.sortBy, \PgSortBy.sortby_nulls, "sortby_nulls", sortNullsOrders),
        EnumField(.indexElem, \PgIndexElem.ordering, "ordering", sortDirections),
        EnumField(.indexElem, \PgIndexElem.nulls_ordering, "nulls_ordering", sortNullsOrders),
        EnumField(.groupingSet, \PgGroupingSet.kind, "kind", groupingSetKinds),
        EnumField(.constraint, \PgConstraint.contype, "contype", constraintTypes),
    ]

    /// Each value of each enum field is named as the library's JSON (which shares the
    /// fingerprint's names) names it.
    static func enumsMatchLibrary() -> Bool {
        enumFields.allSatisfy { field in
            guard let offset = field.offset else { return false }
            return field.names.enumerated().allSatisfy { value, name in
                let json = RawTreeReader.libraryJSON(ofZeroed: field.tag) { node in
                    node.storeBytes(of: Int32(value), toByteOffset: offset, as: Int32.self)
                }
                return json?.contains("\"\(field.name)\":\"\(name)\"") ?? false
            }
        }
    }

    // MARK: - Probes

    /// `sql` fingerprints here as in the library.
    static func fingerprintsAsLibrary(_ sql: String) -> Bool {
        guard let (direct, library) = fingerprints(of: sql), let direct else { return false }
        return direct == library
    }

    /// Parses `sql` once and fingerprints its tree here (`nil` when the fingerprinter does not
    /// know a node of it) and in the library; `nil` when it does not parse.
    static func fingerprints(of sql: String) -> (direct: UInt64?, library: UInt64)? {
        let context = pg_query_enter_memory_context()
        defer { pg_query_exit_memory_context(context) }
        guard let tree = try? PgQuery.rawTree(sql) else { return nil }
        return (fingerprint(tree), pg_query_fingerprint_node(tree))
    }
}
