import CPgQuery
import Foundation

extension RawTreeFingerprinter {
    /// Statements and their clauses. Each writes its fields in the order of their names, as
    /// libpg_query's generated code does; aliases (which write nothing) are left out.
    mutating func writeStatementFields(of node: UnsafeRawPointer, _ tag: Tag, depth: Int) {
        switch tag {
        case .rawStmt:
            child("stmt", node.assumingMemoryBound(to: PgRawStmt.self).pointee.stmt, depth: depth)
        case .selectStmt:
            writeSelect(node.assumingMemoryBound(to: PgSelectStmt.self).pointee, depth: depth)
        case .insertStmt:
            let node = node.assumingMemoryBound(to: PgInsertStmt.self).pointee
            list("cols", node.cols, depth: depth, in: .sorted)
            typed("onConflictClause", node.onConflictClause, .onConflictClause, depth: depth)
            enumeration("override", node.override, Self.overridingKinds)
            typed("relation", node.relation, .rangeVar, depth: depth)
            list("returningList", node.returningList, depth: depth)
            child("selectStmt", node.selectStmt, depth: depth)
            typed("withClause", node.withClause, .withClause, depth: depth)
        case .updateStmt:
            let node = node.assumingMemoryBound(to: PgUpdateStmt.self).pointee
            list("fromClause", node.fromClause, depth: depth, in: .sorted)
            typed("relation", node.relation, .rangeVar, depth: depth)
            list("returningList", node.returningList, depth: depth)
            list("targetList", node.targetList, depth: depth, in: .sorted)
            child("whereClause", node.whereClause, depth: depth)
            typed("withClause", node.withClause, .withClause, depth: depth)
        case .deleteStmt:
            let node = node.assumingMemoryBound(to: PgDeleteStmt.self).pointee
            typed("relation", node.relation, .rangeVar, depth: depth)
            list("returningList", node.returningList, depth: depth)
            list("usingClause", node.usingClause, depth: depth)
            child("whereClause", node.whereClause, depth: depth)
            typed("withClause", node.withClause, .withClause, depth: depth)
        case .intoClause:
            let node = node.assumingMemoryBound(to: PgIntoClause.self).pointee
            string("accessMethod", node.accessMethod)
            list("colNames", node.colNames, depth: depth)
            enumeration("onCommit", node.onCommit, Self.onCommitActions)
            list("options", node.options, depth: depth)
            typed("rel", node.rel, .rangeVar, depth: depth)
            flag("skipData", node.skipData)
            string("tableSpaceName", node.tableSpaceName)
            child("viewQuery", node.viewQuery, depth: depth)
        case .withClause:
            let node = node.assumingMemoryBound(to: PgWithClause.self).pointee
            list("ctes", node.ctes, depth: depth)
            flag("recursive", node.recursive)
        case .commonTableExpr:
            writeCommonTableExpression(node.assumingMemoryBound(to: PgCommonTableExpr.self).pointee, depth: depth)
        case .onConflictClause:
            let node = node.assumingMemoryBound(to: PgOnConflictClause.self).pointee
            enumeration("action", node.action, Self.onConflictActions)
            typed("infer", node.infer, .inferClause, depth: depth)
            list("targetList", node.targetList, depth: depth, in: .sorted)
            child("whereClause", node.whereClause, depth: depth)
        case .inferClause:
            let node = node.assumingMemoryBound(to: PgInferClause.self).pointee
            string("conname", node.conname)
            list("indexElems", node.indexElems, depth: depth)
            child("whereClause", node.whereClause, depth: depth)
        case .lockingClause:
            let node = node.assumingMemoryBound(to: PgLockingClause.self).pointee
            list("lockedRels", node.lockedRels, depth: depth)
            enumeration("strength", node.strength, Self.lockClauseStrengths)
            enumeration("waitPolicy", node.waitPolicy, Self.lockWaitPolicies)
        default:
            giveUp()
        }
    }

    private mutating func writeSelect(_ node: PgSelectStmt, depth: Int) {
        flag("all", node.all)
        list("distinctClause", node.distinctClause, depth: depth)
        list("fromClause", node.fromClause, depth: depth, in: .sorted)
        list("groupClause", node.groupClause, depth: depth)
        flag("groupDistinct", node.groupDistinct)
        child("havingClause", node.havingClause, depth: depth)
        typed("intoClause", node.intoClause, .intoClause, depth: depth)
        typed("larg", node.larg, .selectStmt, depth: depth)
        child("limitCount", node.limitCount, depth: depth)
        child("limitOffset", node.limitOffset, depth: depth)
        enumeration("limitOption", node.limitOption, Self.limitOptions)
        list("lockingClause", node.lockingClause, depth: depth)
        enumeration("op", node.op, Self.setOperations)
        typed("rarg", node.rarg, .selectStmt, depth: depth)
        list("sortClause", node.sortClause, depth: depth)
        list("targetList", node.targetList, depth: depth, in: .selectTargetList)
        list("valuesLists", node.valuesLists, depth: depth, in: .sorted)
        child("whereClause", node.whereClause, depth: depth)
        list("windowClause", node.windowClause, depth: depth)
        typed("withClause", node.withClause, .withClause, depth: depth)
    }

    private mutating func writeCommonTableExpression(_ node: PgCommonTableExpr, depth: Int) {
        list("aliascolnames", node.aliascolnames, depth: depth)
        list("ctecolcollations", node.ctecolcollations, depth: depth)
        list("ctecolnames", node.ctecolnames, depth: depth)
        list("ctecoltypes", node.ctecoltypes, depth: depth)
        list("ctecoltypmods", node.ctecoltypmods, depth: depth)
        enumeration("ctematerialized", node.ctematerialized, Self.cteMaterializations)
        string("ctename", node.ctename)
        child("ctequery", node.ctequery, depth: depth)
        flag("cterecursive", node.cterecursive)
        number("cterefcount", node.cterefcount)
        unknown(node.cycle_clause)
        unknown(node.search_clause)
    }

    // MARK: - Sources and targets

    /// FROM items, targets, ordering and windows.
    mutating func writeSourceFields(of node: UnsafeRawPointer, _ tag: Tag, depth: Int) {
        switch tag {
        case .rangeVar:
            writeRangeVar(node.assumingMemoryBound(to: PgRangeVar.self).pointee)
        case .joinExpr:
            let node = node.assumingMemoryBound(to: PgJoinExpr.self).pointee
            flag("isNatural", node.isNatural)
            enumeration("jointype", node.jointype, Self.joinTypes)
            child("larg", node.larg, depth: depth)
            child("quals", node.quals, depth: depth)
            child("rarg", node.rarg, depth: depth)
            number("rtindex", node.rtindex)
            list("usingClause", node.usingClause, depth: depth)
        case .rangeSubselect:
            let node = node.assumingMemoryBound(to: PgRangeSubselect.self).pointee
            flag("lateral", node.lateral)
            child("subquery", node.subquery, depth: depth)
        case .rangeFunction:
            let node = node.assumingMemoryBound(to: PgRangeFunction.self).pointee
            list("coldeflist", node.coldeflist, depth: depth)
            list("functions", node.functions, depth: depth)
            flag("is_rowsfrom", node.is_rowsfrom)
            flag("lateral", node.lateral)
            flag("ordinality", node.ordinality)
        case .sortBy:
            let node = node.assumingMemoryBound(to: PgSortBy.self).pointee
            child("node", node.node, depth: depth)
            enumeration("sortby_dir", node.sortby_dir, Self.sortDirections)
            enumeration("sortby_nulls", node.sortby_nulls, Self.sortNullsOrders)
            list("useOp", node.useOp, depth: depth)
        case .windowDef:
            let node = node.assumingMemoryBound(to: PgWindowDef.self).pointee
            child("endOffset", node.endOffset, depth: depth)
            number("frameOptions", node.frameOptions)
            string("name", node.name)
            list("orderClause", node.orderClause, depth: depth)
            list("partitionClause", node.partitionClause, depth: depth)
            string("refname", node.refname)
            child("startOffset", node.startOffset, depth: depth)
        case .groupingSet:
            let node = node.assumingMemoryBound(to: PgGroupingSet.self).pointee
            list("content", node.content, depth: depth)
            enumeration("kind", node.kind, Self.groupingSetKinds)
        default:
            giveUp()
        }
    }

    /// A table reference: a run of digits in its name counts for nothing (`orders_2024_01` is
    /// `orders__`), so do a temporary table's name and its alias.
    private mutating func writeRangeVar(_ node: PgRangeVar) {
        string("catalogname", node.catalogname)
        flag("inh", node.inh)
        if let name = node.relname, node.relpersistence != CChar(UInt8(ascii: "t")) {
            write("relname")
            let bytes = UnsafeRawPointer(name).assumingMemoryBound(to: UInt8.self)
            let length = strlen(name)
            func isDigit(_ index: Int) -> Bool { bytes[index] >= 0x30 && bytes[index] <= 0x39 }
            for index in 0..<length where !(isDigit(index)
                && (index + 1 < length && isDigit(index + 1) || index > 0 && isDigit(index - 1))) {
                write(byte: bytes[index])
            }
        }
        character("relpersistence", node.relpersistence)
        string("schemaname", node.schemaname)
    }
}
