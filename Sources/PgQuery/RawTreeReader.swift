import CPgQuery

/// Reads a ``ParseSummary`` straight from the tree `pg_query_raw_parse` returns, without writing
/// and reading it as JSON, when every statement is a SELECT, INSERT, UPDATE, DELETE, CREATE TABLE
/// or CREATE INDEX made only of the nodes it knows (those of everyday queries and migrations);
/// otherwise it answers `nil` and the caller reads the JSON with ``ParseTreeReader``.
///
/// It learns exactly what ``ParseTreeReader`` learns from the JSON of the same tree: it visits
/// every node-valued field of the nodes it knows, in the order libpg_query writes them, and stops
/// at any other node. The field layouts are declared in the CPgQuery shim.
struct RawTreeReader {
    /// The PostgreSQL 15 node tags the reader knows (nodes/nodes.h).
    enum Tag: Int32, CaseIterable {
        case alias = 107, rangeVar = 108, namedArgExpr = 118, boolExpr = 123, subLink = 124, caseExpr = 134
        case caseWhen = 135
        case rowExpr = 138, coalesceExpr = 140, minMaxExpr = 141, sqlValueFunction = 142, nullTest = 144
        case booleanTest = 145, setToDefault = 148, joinExpr = 154, intoClause = 157
        case integer = 226, float = 227, boolean = 228, string = 229, bitString = 230, list = 231
        case rawStmt = 235, insertStmt = 238, deleteStmt = 239, updateStmt = 240, selectStmt = 242, createStmt = 255
        case indexStmt = 261
        case aExpr = 355, columnRef = 356, paramRef = 357, aConst = 358, funcCall = 359, aStar = 360
        case aIndices = 361, aIndirection = 362, aArrayExpr = 363, resTarget = 364, multiAssignRef = 365
        case typeCast = 366, collateClause = 367, sortBy = 368, windowDef = 369, rangeSubselect = 370
        case rangeFunction = 371, typeName = 375, columnDef = 376, indexElem = 377, constraint = 379, groupingSet = 386
        case lockingClause = 393
        case withClause = 396, inferClause = 397, onConflictClause = 398, commonTableExpr = 401

        /// The node's name, as libpg_query's JSON and fingerprint spell it.
        var name: StaticString {
            switch self {
            case .alias: "Alias"
            case .rangeVar: "RangeVar"
            case .namedArgExpr: "NamedArgExpr"
            case .boolExpr: "BoolExpr"
            case .subLink: "SubLink"
            case .caseExpr: "CaseExpr"
            case .caseWhen: "CaseWhen"
            case .rowExpr: "RowExpr"
            case .coalesceExpr: "CoalesceExpr"
            case .minMaxExpr: "MinMaxExpr"
            case .sqlValueFunction: "SQLValueFunction"
            case .nullTest: "NullTest"
            case .booleanTest: "BooleanTest"
            case .setToDefault: "SetToDefault"
            case .joinExpr: "JoinExpr"
            case .intoClause: "IntoClause"
            case .integer: "Integer"
            case .float: "Float"
            case .boolean: "Boolean"
            case .string: "String"
            case .bitString: "BitString"
            case .list: "List"
            case .rawStmt: "RawStmt"
            case .insertStmt: "InsertStmt"
            case .deleteStmt: "DeleteStmt"
            case .updateStmt: "UpdateStmt"
            case .selectStmt: "SelectStmt"
            case .createStmt: "CreateStmt"
            case .indexStmt: "IndexStmt"
            case .columnDef: "ColumnDef"
            case .constraint: "Constraint"
            case .aExpr: "A_Expr"
            case .columnRef: "ColumnRef"
            case .paramRef: "ParamRef"
            case .aConst: "A_Const"
            case .funcCall: "FuncCall"
            case .aStar: "A_Star"
            case .aIndices: "A_Indices"
            case .aIndirection: "A_Indirection"
            case .aArrayExpr: "A_ArrayExpr"
            case .resTarget: "ResTarget"
            case .multiAssignRef: "MultiAssignRef"
            case .typeCast: "TypeCast"
            case .collateClause: "CollateClause"
            case .sortBy: "SortBy"
            case .windowDef: "WindowDef"
            case .rangeSubselect: "RangeSubselect"
            case .rangeFunction: "RangeFunction"
            case .typeName: "TypeName"
            case .indexElem: "IndexElem"
            case .groupingSet: "GroupingSet"
            case .lockingClause: "LockingClause"
            case .withClause: "WithClause"
            case .inferClause: "InferClause"
            case .onConflictClause: "OnConflictClause"
            case .commonTableExpr: "CommonTableExpr"
            }
        }
    }

    /// Where in the statement a node sits (``ParseTreeReader`` keeps the same two flags).
    private struct Context {
        /// Anywhere inside the statement's own target list.
        var inTargetList = false
        /// Inside a type name, whose typmods `pg_query_normalize` leaves alone.
        var inTypeName = false
    }

    /// What `pg_query_normalize` would replace in a script, as its walk finds it.
    struct Constants {
        /// Byte offsets of the constants, in the order of the walk (which numbers them).
        var locations: [Int32] = []
        /// The highest `$n` parameter already in the text; the constants are numbered after it.
        var highestParameter: Int32 = 0
        /// Whether these are all the constants and their numbering is the walk's order (false when
        /// a GROUP BY item may share numbers with the target list).
        var complete = true
    }

    /// The constants found so far (across the statements of the script).
    private var constants: Constants
    private let tags = TagTable.shared

    private var relations: [ParseSummary.Relation] = []
    private var cteNames: Set<String> = []
    private var targetColumnNames: [String] = []
    private var selectHasSource = false
    private var hasWithClause = false
    private var computesTarget = false
    private var mayHaveConstants = false

    // MARK: - Statements

    private init(constants: Constants) {
        self.constants = constants
    }

    /// The summary of a parsed script (`tree` is the List of RawStmt) and its constants, or `nil`
    /// when it holds a statement or node the reader does not know.
    static func read(_ tree: UnsafeRawPointer) -> (summary: ParseSummary, constants: Constants)? {
        let list = tree.assumingMemoryBound(to: PgList.self).pointee
        guard list.type == Tag.list.rawValue else { return nil }
        let tags = TagTable.shared
        var statements: [ParseSummary.Statement] = []
        statements.reserveCapacity(Int(list.length))
        var constants = Constants()
        for index in 0..<Int(list.length) {
            guard let element = UnsafeRawPointer(list.elements[index]), tags.tag(element) == .rawStmt else {
                return nil
            }
            let raw = element.assumingMemoryBound(to: PgRawStmt.self).pointee
            guard let body = UnsafeRawPointer(raw.stmt), let kind = tags.tag(body) else { return nil }
            var reader = RawTreeReader(constants: constants)
            guard reader.readStatement(body, kind) else { return nil }
            statements.append(reader.statement(kind, location: Int(raw.stmt_location), length: Int(raw.stmt_len)))
            constants = reader.constants
        }
        return (ParseSummary(statements: statements), constants)
    }

    /// The statement read from a node of `kind`, one of those `readStatement` knows (its node type
    /// and statement kind are spelt here as literals: no string is built per statement).
    private func statement(_ kind: Tag, location: Int, length: Int) -> ParseSummary.Statement {
        let nodeType: String, statementKind: String
        switch kind {
        case .selectStmt: (nodeType, statementKind) = ("SelectStmt", hasWithClause ? "with" : "select")
        case .insertStmt: (nodeType, statementKind) = ("InsertStmt", "insert")
        case .updateStmt: (nodeType, statementKind) = ("UpdateStmt", "update")
        case .deleteStmt: (nodeType, statementKind) = ("DeleteStmt", "delete")
        case .createStmt: (nodeType, statementKind) = ("CreateStmt", "create_table")
        case .indexStmt: (nodeType, statementKind) = ("IndexStmt", "create_index")
        default:
            nodeType = kind.name.description
            statementKind = StatementKind.name(nodeType: nodeType, hasWithClause: hasWithClause, objtype: nil)
        }
        return ParseSummary.Statement(
            nodeType: nodeType, location: location, length: length, kind: statementKind,
            relations: relations, cteNames: cteNames, selectHasSource: selectHasSource,
            computesTarget: computesTarget, targetColumnNames: targetColumnNames, mayHaveConstants: mayHaveConstants)
    }

    /// Reads a statement node: what its own fields say (sources, WITH, target list), then every node
    /// under it.
    private mutating func readStatement(_ body: UnsafeRawPointer, _ kind: Tag) -> Bool {
        let context = Context()
        switch kind {
        case .selectStmt:
            let node = body.assumingMemoryBound(to: PgSelectStmt.self).pointee
            selectHasSource = node.fromClause != nil || node.withClause != nil || node.valuesLists != nil
                || node.larg != nil || node.intoClause != nil
            hasWithClause = node.withClause != nil
            return visitSelect(node, context, isStatementBody: true)
        case .insertStmt:
            let node = body.assumingMemoryBound(to: PgInsertStmt.self).pointee
            selectHasSource = node.withClause != nil
            hasWithClause = node.withClause != nil
            return visit(node.relation, context) && visit(node.cols, context) && visit(node.selectStmt, context)
                && visit(node.onConflictClause, context) && visit(node.returningList, context)
                && visit(node.withClause, context)
        case .updateStmt:
            let node = body.assumingMemoryBound(to: PgUpdateStmt.self).pointee
            selectHasSource = node.fromClause != nil || node.withClause != nil
            hasWithClause = node.withClause != nil
            return visit(node.relation, context) && visitTargetList(node.targetList)
                && visit(node.whereClause, context) && visit(node.fromClause, context)
                && visit(node.returningList, context) && visit(node.withClause, context)
        case .deleteStmt:
            let node = body.assumingMemoryBound(to: PgDeleteStmt.self).pointee
            selectHasSource = node.withClause != nil
            hasWithClause = node.withClause != nil
            return visit(node.relation, context) && visit(node.usingClause, context)
                && visit(node.whereClause, context) && visit(node.returningList, context)
                && visit(node.withClause, context)
        case .createStmt, .indexStmt:
            // pg_query_normalize replaces nothing in these (its walk stops at them).
            let before = constants
            defer { constants = before }
            return kind == .createStmt ? visitCreateTable(body.assumingMemoryBound(to: PgCreateStmt.self).pointee)
                : visitCreateIndex(body.assumingMemoryBound(to: PgIndexStmt.self).pointee)
        default:
            return false
        }
    }

    /// CREATE TABLE: columns and constraints (a type given with OF is left to the JSON reader,
    /// which does not count its type modifiers as type names).
    private mutating func visitCreateTable(_ node: PgCreateStmt) -> Bool {
        let context = Context()
        guard node.ofTypename == nil, visit(node.relation, context) else { return false }
        if let elements = node.tableElts {
            guard elements.pointee.type == Tag.list.rawValue else { return false }
            let known = Self.forEach(in: elements) { element in
                switch tag(element) {
                case .columnDef: visitColumn(element.assumingMemoryBound(to: PgColumnDef.self).pointee, context)
                case .constraint: visitConstraint(element.assumingMemoryBound(to: PgConstraint.self).pointee, context)
                default: visitNode(element, context)
                }
            }
            guard known else { return false }
        }
        return visit(node.inhRelations, context) && visit(node.partbound, context) && visit(node.partspec, context)
            && visitConstraints(node.constraints, context) && visit(node.options, context)
    }

    private mutating func visitColumn(_ node: PgColumnDef, _ context: Context) -> Bool {
        visit(node.typeName, context) && visit(node.raw_default, context) && visit(node.cooked_default, context)
            && visit(node.identitySequence, context) && visit(node.collClause, context)
            && visitConstraints(node.constraints, context) && visit(node.fdwoptions, context)
    }

    private mutating func visitConstraints(_ list: UnsafeMutablePointer<PgList>?, _ context: Context) -> Bool {
        guard let list else { return true }
        guard list.pointee.type == Tag.list.rawValue else { return false }
        return Self.forEach(in: list) { element in
            tag(element) == .constraint
                && visitConstraint(element.assumingMemoryBound(to: PgConstraint.self).pointee, context)
        }
    }

    private mutating func visitConstraint(_ node: PgConstraint, _ context: Context) -> Bool {
        visit(node.raw_expr, context) && visit(node.keys, context) && visit(node.including, context)
            && visit(node.exclusions, context) && visit(node.options, context) && visit(node.where_clause, context)
            && visit(node.pktable, context) && visit(node.fk_attrs, context) && visit(node.pk_attrs, context)
            && visit(node.fk_del_set_cols, context) && visit(node.old_conpfeqop, context)
    }

    /// CREATE INDEX: the table, the indexed columns and expressions, the predicate.
    private mutating func visitCreateIndex(_ node: PgIndexStmt) -> Bool {
        let context = Context()
        return visit(node.relation, context) && visit(node.indexParams, context)
            && visit(node.indexIncludingParams, context) && visit(node.options, context)
            && visit(node.whereClause, context) && visit(node.excludeOpNames, context)
    }

    /// The statement's own target list: whether a target computes something, then its nodes.
    private mutating func visitTargetList(_ targets: UnsafeMutablePointer<PgList>?) -> Bool {
        guard let targets else { return true }
        guard targets.pointee.type == Tag.list.rawValue else { return false }
        _ = Self.forEach(in: targets) { target in
            if tag(target) == .resTarget, let value = target.assumingMemoryBound(to: PgResTarget.self).pointee.val,
               tag(UnsafeRawPointer(value)) != .columnRef {
                computesTarget = true
            }
            return true
        }
        var context = Context()
        context.inTargetList = true
        return visit(targets, context)
    }

    /// A SELECT's fields, in the order `pg_query_normalize` walks them (which numbers the
    /// constants): GROUP BY and ORDER BY come before HAVING.
    private mutating func visitSelect(_ node: PgSelectStmt, _ context: Context, isStatementBody: Bool) -> Bool {
        visit(node.distinctClause, context) && visit(node.intoClause, context)
            && (isStatementBody ? visitTargetList(node.targetList) : visit(node.targetList, context))
            && visit(node.fromClause, context) && visit(node.whereClause, context)
            && visitGrouping(node.groupClause, context) && visitOrdering(node.sortClause, context)
            && visit(node.havingClause, context) && visit(node.windowClause, context)
            && visit(node.valuesLists, context) && visit(node.limitOffset, context)
            && visit(node.limitCount, context) && visit(node.lockingClause, context)
            && visit(node.withClause, context) && visit(node.larg, context) && visit(node.rarg, context)
    }

    /// GROUP BY: `pg_query_normalize` keeps position numbers (`GROUP BY 1`) and gives any other
    /// item's constants the numbers of the same expression in the target list, which the reader
    /// does not work out (the constants are then left to `pg_query_normalize`).
    private mutating func visitGrouping(_ items: UnsafeMutablePointer<PgList>?, _ context: Context) -> Bool {
        guard let items else { return true }
        guard items.pointee.type == Tag.list.rawValue else { return false }
        return Self.forEach(in: items) { item in
            if isPosition(item) {
                mayHaveConstants = true
                return true
            }
            constants.complete = false
            return visitNode(item, context)
        }
    }

    /// ORDER BY: `pg_query_normalize` keeps position numbers (`ORDER BY 1`).
    private mutating func visitOrdering(_ items: UnsafeMutablePointer<PgList>?, _ context: Context) -> Bool {
        guard let items else { return true }
        guard items.pointee.type == Tag.list.rawValue else { return false }
        return Self.forEach(in: items) { item in
            if tag(item) == .sortBy, let key = item.assumingMemoryBound(to: PgSortBy.self).pointee.node,
               isPosition(UnsafeRawPointer(key)) {
                mayHaveConstants = true
                return true
            }
            return visitNode(item, context)
        }
    }

    /// An integer constant (an A_Const whose value is an Integer).
    private func isPosition(_ node: UnsafeRawPointer) -> Bool {
        tag(node) == .aConst && node.assumingMemoryBound(to: PgAConst.self).pointee.val.type == Tag.integer.rawValue
    }

    // MARK: - Nodes

    /// Visits a node and everything under it; `false` when it meets a node it does not know.
    private mutating func visit<Pointee>(_ pointer: UnsafeMutablePointer<Pointee>?, _ context: Context) -> Bool {
        guard let pointer else { return true }
        return visitNode(UnsafeRawPointer(pointer), context)
    }

    private mutating func visitNode(_ node: UnsafeRawPointer, _ context: Context) -> Bool {
        guard let kind = tag(node) else { return false }
        switch kind {
        case .list:
            return Self.forEach(in: node) { visitNode($0, context) }
        case .string, .integer, .float, .boolean, .bitString, .aStar, .setToDefault, .sqlValueFunction, .alias:
            return true
        case .paramRef:
            if !context.inTypeName {
                constants.highestParameter = max(constants.highestParameter,
                                                 node.assumingMemoryBound(to: PgParamRef.self).pointee.number)
            }
            return true
        case .aConst:
            if !context.inTypeName {
                mayHaveConstants = true
                let location = node.assumingMemoryBound(to: PgAConst.self).pointee.location
                if location >= 0 { constants.locations.append(location) }
            }
            return true
        case .rangeVar:
            let node = node.assumingMemoryBound(to: PgRangeVar.self).pointee
            if let name = node.relname {
                let alias = node.alias?.pointee.aliasname.map { String(cString: $0) }
                relations.append(ParseSummary.Relation(schema: node.schemaname.map { String(cString: $0) },
                                                       name: String(cString: name), alias: alias))
            }
            return true
        case .columnRef:
            if context.inTargetList, let fields = node.assumingMemoryBound(to: PgColumnRef.self).pointee.fields,
               fields.pointee.length == 1, let field = UnsafeRawPointer(fields.pointee.elements[0]),
               tag(field) == .string, let name = field.assumingMemoryBound(to: PgString.self).pointee.sval {
                targetColumnNames.append(String(cString: name))
            }
            return true
        case .typeName:
            var inner = context
            inner.inTypeName = true
            let node = node.assumingMemoryBound(to: PgTypeName.self).pointee
            return visit(node.typmods, inner) && visit(node.arrayBounds, inner)
        case .commonTableExpr:
            let node = node.assumingMemoryBound(to: PgCommonTableExpr.self).pointee
            // A CYCLE clause holds constants of its own; leave it to the JSON reader.
            guard node.cycle_clause == nil else { return false }
            if let name = node.ctename { cteNames.insert(String(cString: name)) }
            return visit(node.ctequery, context)
        case .selectStmt, .insertStmt, .updateStmt, .deleteStmt:
            return visitStatement(node, kind, context)
        default:
            return visitExpression(node, kind, context)
        }
    }

    /// A statement nested in another (a subquery, a CTE, a set operation's arm).
    private mutating func visitStatement(_ node: UnsafeRawPointer, _ kind: Tag, _ context: Context) -> Bool {
        switch kind {
        case .selectStmt:
            return visitSelect(node.assumingMemoryBound(to: PgSelectStmt.self).pointee, context, isStatementBody: false)
        case .insertStmt:
            let node = node.assumingMemoryBound(to: PgInsertStmt.self).pointee
            return visit(node.relation, context) && visit(node.cols, context) && visit(node.selectStmt, context)
                && visit(node.onConflictClause, context) && visit(node.returningList, context)
                && visit(node.withClause, context)
        case .updateStmt:
            let node = node.assumingMemoryBound(to: PgUpdateStmt.self).pointee
            return visit(node.relation, context) && visit(node.targetList, context)
                && visit(node.whereClause, context) && visit(node.fromClause, context)
                && visit(node.returningList, context) && visit(node.withClause, context)
        case .deleteStmt:
            let node = node.assumingMemoryBound(to: PgDeleteStmt.self).pointee
            return visit(node.relation, context) && visit(node.usingClause, context)
                && visit(node.whereClause, context) && visit(node.returningList, context)
                && visit(node.withClause, context)
        default:
            return false
        }
    }

    /// Expressions and clauses: each visits its node-valued fields in order.
    private mutating func visitExpression(_ node: UnsafeRawPointer, _ kind: Tag, _ context: Context) -> Bool {
        switch kind {
        case .resTarget:
            let node = node.assumingMemoryBound(to: PgResTarget.self).pointee
            return visit(node.indirection, context) && visit(node.val, context)
        case .aExpr:
            let node = node.assumingMemoryBound(to: PgAExpr.self).pointee
            return visit(node.name, context) && visit(node.lexpr, context) && visit(node.rexpr, context)
        case .boolExpr:
            return visit(node.assumingMemoryBound(to: PgBoolExpr.self).pointee.args, context)
        case .funcCall:
            let node = node.assumingMemoryBound(to: PgFuncCall.self).pointee
            return visit(node.funcname, context) && visit(node.args, context) && visit(node.agg_order, context)
                && visit(node.agg_filter, context) && visit(node.over, context)
        case .typeCast:
            let node = node.assumingMemoryBound(to: PgTypeCast.self).pointee
            return visit(node.arg, context) && visit(node.typeName, context)
        case .collateClause:
            let node = node.assumingMemoryBound(to: PgCollateClause.self).pointee
            return visit(node.arg, context) && visit(node.collname, context)
        case .aIndices:
            let node = node.assumingMemoryBound(to: PgAIndices.self).pointee
            return visit(node.lidx, context) && visit(node.uidx, context)
        case .aIndirection:
            let node = node.assumingMemoryBound(to: PgAIndirection.self).pointee
            return visit(node.arg, context) && visit(node.indirection, context)
        case .aArrayExpr:
            return visit(node.assumingMemoryBound(to: PgAArrayExpr.self).pointee.elements, context)
        case .multiAssignRef:
            return visit(node.assumingMemoryBound(to: PgMultiAssignRef.self).pointee.source, context)
        case .sortBy:
            let node = node.assumingMemoryBound(to: PgSortBy.self).pointee
            return visit(node.node, context) && visit(node.useOp, context)
        case .windowDef:
            let node = node.assumingMemoryBound(to: PgWindowDef.self).pointee
            return visit(node.partitionClause, context) && visit(node.orderClause, context)
                && visit(node.startOffset, context) && visit(node.endOffset, context)
        case .rangeSubselect:
            let node = node.assumingMemoryBound(to: PgRangeSubselect.self).pointee
            return visit(node.subquery, context) && visit(node.alias, context)
        case .rangeFunction:
            let node = node.assumingMemoryBound(to: PgRangeFunction.self).pointee
            return visit(node.functions, context) && visit(node.alias, context) && visit(node.coldeflist, context)
        case .groupingSet:
            return visit(node.assumingMemoryBound(to: PgGroupingSet.self).pointee.content, context)
        case .lockingClause:
            return visit(node.assumingMemoryBound(to: PgLockingClause.self).pointee.lockedRels, context)
        case .withClause:
            return visit(node.assumingMemoryBound(to: PgWithClause.self).pointee.ctes, context)
        case .indexElem:
            let node = node.assumingMemoryBound(to: PgIndexElem.self).pointee
            return visit(node.expr, context) && visit(node.collation, context) && visit(node.opclass, context)
                && visit(node.opclassopts, context)
        case .inferClause:
            let node = node.assumingMemoryBound(to: PgInferClause.self).pointee
            return visit(node.indexElems, context) && visit(node.whereClause, context)
        case .onConflictClause:
            let node = node.assumingMemoryBound(to: PgOnConflictClause.self).pointee
            return visit(node.infer, context) && visit(node.targetList, context) && visit(node.whereClause, context)
        case .intoClause:
            let node = node.assumingMemoryBound(to: PgIntoClause.self).pointee
            return visit(node.rel, context) && visit(node.colNames, context) && visit(node.options, context)
                && visit(node.viewQuery, context)
        case .joinExpr:
            let node = node.assumingMemoryBound(to: PgJoinExpr.self).pointee
            return visit(node.larg, context) && visit(node.rarg, context) && visit(node.usingClause, context)
                && visit(node.join_using_alias, context) && visit(node.quals, context) && visit(node.alias, context)
        case .subLink:
            let node = node.assumingMemoryBound(to: PgSubLink.self).pointee
            return visit(node.testexpr, context) && visit(node.operName, context) && visit(node.subselect, context)
        case .nullTest:
            return visit(node.assumingMemoryBound(to: PgNullTest.self).pointee.arg, context)
        case .booleanTest:
            return visit(node.assumingMemoryBound(to: PgBooleanTest.self).pointee.arg, context)
        case .caseExpr:
            let node = node.assumingMemoryBound(to: PgCaseExpr.self).pointee
            return visit(node.arg, context) && visit(node.args, context) && visit(node.defresult, context)
        case .caseWhen:
            let node = node.assumingMemoryBound(to: PgCaseWhen.self).pointee
            return visit(node.expr, context) && visit(node.result, context)
        case .coalesceExpr:
            return visit(node.assumingMemoryBound(to: PgCoalesceExpr.self).pointee.args, context)
        case .minMaxExpr:
            return visit(node.assumingMemoryBound(to: PgMinMaxExpr.self).pointee.args, context)
        case .rowExpr:
            let node = node.assumingMemoryBound(to: PgRowExpr.self).pointee
            return visit(node.args, context) && visit(node.colnames, context)
        case .namedArgExpr:
            return visit(node.assumingMemoryBound(to: PgNamedArgExpr.self).pointee.arg, context)
        default:
            return false
        }
    }

    // MARK: - Helpers

    /// The node's tag, when the reader knows it.
    static func tag(_ node: UnsafeRawPointer) -> Tag? {
        TagTable.shared.tag(node)
    }

    /// ``tag(_:)`` through the reader's own copy of the table (no lazy global for every node).
    private func tag(_ node: UnsafeRawPointer) -> Tag? {
        tags.tag(node)
    }

    /// The tags the reader knows, by number up to the highest: a table rather than the switch of
    /// `Tag(rawValue:)`, which every node goes through. Walks keep a copy of it (a pointer and a
    /// count), so that reading a node's tag does not go through the lazy global each time.
    struct TagTable: @unchecked Sendable {
        private let entries: UnsafePointer<Tag?>
        private let count: Int

        static let shared = TagTable()

        private init() {
            count = Int(Tag.allCases.map(\.rawValue).max() ?? 0) + 1
            let table = UnsafeMutablePointer<Tag?>.allocate(capacity: count)
            table.initialize(repeating: nil, count: count)
            for tag in Tag.allCases { table[Int(tag.rawValue)] = tag }
            entries = UnsafePointer(table)  // never freed: a process-wide constant
        }

        func tag(_ node: UnsafeRawPointer) -> Tag? {
            let number = Int(node.assumingMemoryBound(to: PgNode.self).pointee.type)
            return number >= 0 && number < count ? entries[number] : nil
        }
    }

    /// Calls `body` with each non-null element of a List of nodes; `false` as soon as `body` does.
    private static func forEach(in list: UnsafeRawPointer, _ body: (UnsafeRawPointer) -> Bool) -> Bool {
        let value = list.assumingMemoryBound(to: PgList.self).pointee
        for index in 0..<Int(value.length) {
            guard let element = UnsafeRawPointer(value.elements[index]) else { continue }
            guard body(element) else { return false }
        }
        return true
    }
}
