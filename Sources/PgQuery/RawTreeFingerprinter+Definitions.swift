import CPgQuery

extension RawTreeFingerprinter {
    /// CREATE TABLE and CREATE INDEX, their parts, and type names. Each writes its fields in the
    /// order of their names, as libpg_query's generated code does.
    mutating func writeDefinitionFields(of node: UnsafeRawPointer, _ tag: Tag, depth: Int) {
        switch tag {
        case .createStmt:
            let node = node.assumingMemoryBound(to: PgCreateStmt.self).pointee
            string("accessMethod", node.accessMethod)
            list("constraints", node.constraints, depth: depth)
            flag("if_not_exists", node.if_not_exists)
            list("inhRelations", node.inhRelations, depth: depth)
            typed("ofTypename", node.ofTypename, .typeName, depth: depth)
            enumeration("oncommit", node.oncommit, Self.onCommitActions)
            list("options", node.options, depth: depth)
            unknown(node.partbound)
            unknown(node.partspec)
            typed("relation", node.relation, .rangeVar, depth: depth)
            list("tableElts", node.tableElts, depth: depth)
            string("tablespacename", node.tablespacename)
        case .indexStmt:
            writeIndex(node.assumingMemoryBound(to: PgIndexStmt.self).pointee, depth: depth)
        case .columnDef:
            writeColumn(node.assumingMemoryBound(to: PgColumnDef.self).pointee, depth: depth)
        case .constraint:
            writeConstraint(node.assumingMemoryBound(to: PgConstraint.self).pointee, depth: depth)
        case .indexElem:
            let node = node.assumingMemoryBound(to: PgIndexElem.self).pointee
            list("collation", node.collation, depth: depth)
            child("expr", node.expr, depth: depth)
            string("indexcolname", node.indexcolname)
            string("name", node.name)
            enumeration("nulls_ordering", node.nulls_ordering, Self.sortNullsOrders)
            list("opclass", node.opclass, depth: depth)
            list("opclassopts", node.opclassopts, depth: depth)
            enumeration("ordering", node.ordering, Self.sortDirections)
        case .typeName:
            let node = node.assumingMemoryBound(to: PgTypeName.self).pointee
            list("arrayBounds", node.arrayBounds, depth: depth)
            list("names", node.names, depth: depth)
            flag("pct_type", node.pct_type)
            flag("setof", node.setof)
            number("typeOid", node.typeOid)
            number("typemod", node.typemod)
            list("typmods", node.typmods, depth: depth)
        case .collateClause:
            let node = node.assumingMemoryBound(to: PgCollateClause.self).pointee
            child("arg", node.arg, depth: depth)
            list("collname", node.collname, depth: depth)
        default:
            giveUp()
        }
    }

    private mutating func writeIndex(_ node: PgIndexStmt, depth: Int) {
        string("accessMethod", node.accessMethod)
        flag("concurrent", node.concurrent)
        flag("deferrable", node.deferrable)
        list("excludeOpNames", node.excludeOpNames, depth: depth)
        string("idxcomment", node.idxcomment)
        string("idxname", node.idxname)
        flag("if_not_exists", node.if_not_exists)
        list("indexIncludingParams", node.indexIncludingParams, depth: depth)
        number("indexOid", node.indexOid)
        list("indexParams", node.indexParams, depth: depth)
        flag("initdeferred", node.initdeferred)
        flag("isconstraint", node.isconstraint)
        flag("nulls_not_distinct", node.nulls_not_distinct)
        number("oldCreateSubid", node.oldCreateSubid)
        number("oldFirstRelfilenodeSubid", node.oldFirstRelfilenodeSubid)
        number("oldNode", node.oldNode)
        list("options", node.options, depth: depth)
        flag("primary", node.primary)
        typed("relation", node.relation, .rangeVar, depth: depth)
        flag("reset_default_tblspc", node.reset_default_tblspc)
        string("tableSpace", node.tableSpace)
        flag("transformed", node.transformed)
        flag("unique", node.unique)
        child("whereClause", node.whereClause, depth: depth)
    }

    private mutating func writeColumn(_ node: PgColumnDef, depth: Int) {
        typed("collClause", node.collClause, .collateClause, depth: depth)
        number("collOid", node.collOid)
        string("colname", node.colname)
        string("compression", node.compression)
        list("constraints", node.constraints, depth: depth)
        child("cooked_default", node.cooked_default, depth: depth)
        list("fdwoptions", node.fdwoptions, depth: depth)
        character("generated", node.generated)
        character("identity", node.identity)
        typed("identitySequence", node.identitySequence, .rangeVar, depth: depth)
        number("inhcount", node.inhcount)
        flag("is_from_type", node.is_from_type)
        flag("is_local", node.is_local)
        flag("is_not_null", node.is_not_null)
        child("raw_default", node.raw_default, depth: depth)
        character("storage", node.storage)
        typed("typeName", node.typeName, .typeName, depth: depth)
    }

    private mutating func writeConstraint(_ node: PgConstraint, depth: Int) {
        string("access_method", node.access_method)
        string("conname", node.conname)
        enumeration("contype", node.contype, Self.constraintTypes)
        string("cooked_expr", node.cooked_expr)
        flag("deferrable", node.deferrable)
        list("exclusions", node.exclusions, depth: depth)
        list("fk_attrs", node.fk_attrs, depth: depth)
        character("fk_del_action", node.fk_del_action)
        list("fk_del_set_cols", node.fk_del_set_cols, depth: depth)
        character("fk_matchtype", node.fk_matchtype)
        character("fk_upd_action", node.fk_upd_action)
        character("generated_when", node.generated_when)
        list("including", node.including, depth: depth)
        string("indexname", node.indexname)
        string("indexspace", node.indexspace)
        flag("initdeferred", node.initdeferred)
        flag("initially_valid", node.initially_valid)
        flag("is_no_inherit", node.is_no_inherit)
        list("keys", node.keys, depth: depth)
        flag("nulls_not_distinct", node.nulls_not_distinct)
        list("old_conpfeqop", node.old_conpfeqop, depth: depth)
        number("old_pktable_oid", node.old_pktable_oid)
        list("options", node.options, depth: depth)
        list("pk_attrs", node.pk_attrs, depth: depth)
        typed("pktable", node.pktable, .rangeVar, depth: depth)
        child("raw_expr", node.raw_expr, depth: depth)
        flag("reset_default_tblspc", node.reset_default_tblspc)
        flag("skip_validation", node.skip_validation)
        child("where_clause", node.where_clause, depth: depth)
    }
}
