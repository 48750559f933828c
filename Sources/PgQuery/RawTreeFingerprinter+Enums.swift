/// The names libpg_query writes for the values of the PostgreSQL 15 enums the fingerprinted nodes
/// hold (nodes/parsenodes.h, primnodes.h, nodes.h, lockoptions.h), indexed by value, as in the
/// PostgreSQL 15.1 that libpg_query 15-4.0 is built from (later 15.x releases put
/// `LIMIT_OPTION_DEFAULT` last). ``enumsMatchLibrary`` checks them against the library.
extension RawTreeFingerprinter {
    // MARK: - Expressions

    /// `A_Expr_Kind`.
    static let aExprKinds: [StaticString] = [
        "AEXPR_OP", "AEXPR_OP_ANY", "AEXPR_OP_ALL", "AEXPR_DISTINCT", "AEXPR_NOT_DISTINCT", "AEXPR_NULLIF",
        "AEXPR_IN", "AEXPR_LIKE", "AEXPR_ILIKE", "AEXPR_SIMILAR", "AEXPR_BETWEEN", "AEXPR_NOT_BETWEEN",
        "AEXPR_BETWEEN_SYM", "AEXPR_NOT_BETWEEN_SYM",
    ]
    /// `AEXPR_OP`, `AEXPR_OP_ANY` and `AEXPR_IN`, which the fingerprint writes alike.
    static let aExprOp: Int32 = 0, aExprOpAny: Int32 = 1, aExprIn: Int32 = 6

    /// `BoolExprType`.
    static let boolExprTypes: [StaticString] = ["AND_EXPR", "OR_EXPR", "NOT_EXPR"]

    /// `SubLinkType`.
    static let subLinkTypes: [StaticString] = [
        "EXISTS_SUBLINK", "ALL_SUBLINK", "ANY_SUBLINK", "ROWCOMPARE_SUBLINK", "EXPR_SUBLINK", "MULTIEXPR_SUBLINK",
        "ARRAY_SUBLINK", "CTE_SUBLINK",
    ]

    /// `NullTestType`.
    static let nullTestTypes: [StaticString] = ["IS_NULL", "IS_NOT_NULL"]

    /// `BoolTestType`.
    static let boolTestTypes: [StaticString] = [
        "IS_TRUE", "IS_NOT_TRUE", "IS_FALSE", "IS_NOT_FALSE", "IS_UNKNOWN", "IS_NOT_UNKNOWN",
    ]

    /// `CoercionForm`.
    static let coercionForms: [StaticString] = [
        "COERCE_EXPLICIT_CALL", "COERCE_EXPLICIT_CAST", "COERCE_IMPLICIT_CAST", "COERCE_SQL_SYNTAX",
    ]

    /// `MinMaxOp`.
    static let minMaxOperations: [StaticString] = ["IS_GREATEST", "IS_LEAST"]

    /// `SQLValueFunctionOp`.
    static let sqlValueFunctionOperations: [StaticString] = [
        "SVFOP_CURRENT_DATE", "SVFOP_CURRENT_TIME", "SVFOP_CURRENT_TIME_N", "SVFOP_CURRENT_TIMESTAMP",
        "SVFOP_CURRENT_TIMESTAMP_N", "SVFOP_LOCALTIME", "SVFOP_LOCALTIME_N", "SVFOP_LOCALTIMESTAMP",
        "SVFOP_LOCALTIMESTAMP_N", "SVFOP_CURRENT_ROLE", "SVFOP_CURRENT_USER", "SVFOP_USER", "SVFOP_SESSION_USER",
        "SVFOP_CURRENT_CATALOG", "SVFOP_CURRENT_SCHEMA",
    ]

    // MARK: - Statements and clauses

    /// `SetOperation`.
    static let setOperations: [StaticString] = ["SETOP_NONE", "SETOP_UNION", "SETOP_INTERSECT", "SETOP_EXCEPT"]

    /// `LimitOption`.
    static let limitOptions: [StaticString] = ["LIMIT_OPTION_DEFAULT", "LIMIT_OPTION_COUNT", "LIMIT_OPTION_WITH_TIES"]

    /// `OverridingKind`.
    static let overridingKinds: [StaticString] = [
        "OVERRIDING_NOT_SET", "OVERRIDING_USER_VALUE", "OVERRIDING_SYSTEM_VALUE",
    ]

    /// `OnConflictAction`.
    static let onConflictActions: [StaticString] = ["ONCONFLICT_NONE", "ONCONFLICT_NOTHING", "ONCONFLICT_UPDATE"]

    /// `OnCommitAction`.
    static let onCommitActions: [StaticString] = [
        "ONCOMMIT_NOOP", "ONCOMMIT_PRESERVE_ROWS", "ONCOMMIT_DELETE_ROWS", "ONCOMMIT_DROP",
    ]

    /// `CTEMaterialize`.
    static let cteMaterializations: [StaticString] = [
        "CTEMaterializeDefault", "CTEMaterializeAlways", "CTEMaterializeNever",
    ]

    /// `LockClauseStrength`.
    static let lockClauseStrengths: [StaticString] = [
        "LCS_NONE", "LCS_FORKEYSHARE", "LCS_FORSHARE", "LCS_FORNOKEYUPDATE", "LCS_FORUPDATE",
    ]

    /// `LockWaitPolicy`.
    static let lockWaitPolicies: [StaticString] = ["LockWaitBlock", "LockWaitSkip", "LockWaitError"]

    /// `JoinType`.
    static let joinTypes: [StaticString] = [
        "JOIN_INNER", "JOIN_LEFT", "JOIN_FULL", "JOIN_RIGHT", "JOIN_SEMI", "JOIN_ANTI", "JOIN_UNIQUE_OUTER",
        "JOIN_UNIQUE_INNER",
    ]

    /// `SortByDir`.
    static let sortDirections: [StaticString] = ["SORTBY_DEFAULT", "SORTBY_ASC", "SORTBY_DESC", "SORTBY_USING"]

    /// `SortByNulls`.
    static let sortNullsOrders: [StaticString] = ["SORTBY_NULLS_DEFAULT", "SORTBY_NULLS_FIRST", "SORTBY_NULLS_LAST"]

    /// `GroupingSetKind`.
    static let groupingSetKinds: [StaticString] = [
        "GROUPING_SET_EMPTY", "GROUPING_SET_SIMPLE", "GROUPING_SET_ROLLUP", "GROUPING_SET_CUBE", "GROUPING_SET_SETS",
    ]

    /// `ConstrType`.
    static let constraintTypes: [StaticString] = [
        "CONSTR_NULL", "CONSTR_NOTNULL", "CONSTR_DEFAULT", "CONSTR_IDENTITY", "CONSTR_GENERATED", "CONSTR_CHECK",
        "CONSTR_PRIMARY", "CONSTR_UNIQUE", "CONSTR_EXCLUSION", "CONSTR_FOREIGN", "CONSTR_ATTR_DEFERRABLE",
        "CONSTR_ATTR_NOT_DEFERRABLE", "CONSTR_ATTR_DEFERRED", "CONSTR_ATTR_IMMEDIATE",
    ]
}
