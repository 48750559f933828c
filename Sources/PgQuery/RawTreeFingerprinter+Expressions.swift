import CPgQuery

extension RawTreeFingerprinter {
    /// Expressions and targets. Each writes its fields in the order of their names, as
    /// libpg_query's generated code does.
    mutating func writeExpressionFields(of node: UnsafeRawPointer, _ tag: Tag, depth: Int, in field: Field) {
        switch tag {
        case .aExpr:
            let node = node.assumingMemoryBound(to: PgAExpr.self).pointee
            // `a IN (…)` and `a = ANY (…)` count as a plain operator.
            let kind = node.kind == Self.aExprOpAny || node.kind == Self.aExprIn ? Self.aExprOp : node.kind
            enumeration("kind", kind, Self.aExprKinds)
            child("lexpr", node.lexpr, depth: depth)
            list("name", node.name, depth: depth)
            child("rexpr", node.rexpr, depth: depth, in: .sorted)
        case .columnRef:
            list("fields", node.assumingMemoryBound(to: PgColumnRef.self).pointee.fields, depth: depth)
        case .resTarget:
            let node = node.assumingMemoryBound(to: PgResTarget.self).pointee
            list("indirection", node.indirection, depth: depth)
            // The name of a SELECT's output column counts for nothing.
            if field != .selectTargetList { string("name", node.name) }
            child("val", node.val, depth: depth)
        case .funcCall:
            writeFunctionCall(node.assumingMemoryBound(to: PgFuncCall.self).pointee, depth: depth)
        case .typeCast:
            let node = node.assumingMemoryBound(to: PgTypeCast.self).pointee
            child("arg", node.arg, depth: depth)
            typed("typeName", node.typeName, .typeName, depth: depth)
        case .boolExpr:
            let node = node.assumingMemoryBound(to: PgBoolExpr.self).pointee
            list("args", node.args, depth: depth, in: .sorted)
            enumeration("boolop", node.boolop, Self.boolExprTypes)
        case .subLink:
            let node = node.assumingMemoryBound(to: PgSubLink.self).pointee
            list("operName", node.operName, depth: depth)
            number("subLinkId", node.subLinkId)
            enumeration("subLinkType", node.subLinkType, Self.subLinkTypes)
            child("subselect", node.subselect, depth: depth)
            child("testexpr", node.testexpr, depth: depth)
        case .nullTest:
            let node = node.assumingMemoryBound(to: PgNullTest.self).pointee
            child("arg", node.arg, depth: depth)
            flag("argisrow", node.argisrow)
            enumeration("nulltesttype", node.nulltesttype, Self.nullTestTypes)
        case .booleanTest:
            let node = node.assumingMemoryBound(to: PgBooleanTest.self).pointee
            child("arg", node.arg, depth: depth)
            enumeration("booltesttype", node.booltesttype, Self.boolTestTypes)
        case .aStar:
            return
        default:
            writeCompositeFields(of: node, tag, depth: depth)
        }
    }

    private mutating func writeFunctionCall(_ node: PgFuncCall, depth: Int) {
        flag("agg_distinct", node.agg_distinct)
        child("agg_filter", node.agg_filter, depth: depth)
        list("agg_order", node.agg_order, depth: depth)
        flag("agg_star", node.agg_star)
        flag("agg_within_group", node.agg_within_group)
        list("args", node.args, depth: depth, in: .sorted)
        flag("func_variadic", node.func_variadic)
        enumeration("funcformat", node.funcformat, Self.coercionForms)
        list("funcname", node.funcname, depth: depth)
        typed("over", node.over, .windowDef, depth: depth)
    }

    // MARK: - Composite expressions

    /// CASE, COALESCE, GREATEST, ROW, arrays, subscripts, named arguments, `current_date` and
    /// the like, and the sources of multiple-column assignments.
    private mutating func writeCompositeFields(of node: UnsafeRawPointer, _ tag: Tag, depth: Int) {
        switch tag {
        case .caseExpr:
            let node = node.assumingMemoryBound(to: PgCaseExpr.self).pointee
            child("arg", node.arg, depth: depth)
            list("args", node.args, depth: depth, in: .sorted)
            number("casecollid", node.casecollid)
            number("casetype", node.casetype)
            child("defresult", node.defresult, depth: depth)
        case .caseWhen:
            let node = node.assumingMemoryBound(to: PgCaseWhen.self).pointee
            child("expr", node.expr, depth: depth)
            child("result", node.result, depth: depth)
        case .coalesceExpr:
            let node = node.assumingMemoryBound(to: PgCoalesceExpr.self).pointee
            list("args", node.args, depth: depth, in: .sorted)
            number("coalescecollid", node.coalescecollid)
            number("coalescetype", node.coalescetype)
        case .minMaxExpr:
            let node = node.assumingMemoryBound(to: PgMinMaxExpr.self).pointee
            list("args", node.args, depth: depth, in: .sorted)
            number("inputcollid", node.inputcollid)
            number("minmaxcollid", node.minmaxcollid)
            number("minmaxtype", node.minmaxtype)
            enumeration("op", node.op, Self.minMaxOperations)
        case .rowExpr:
            let node = node.assumingMemoryBound(to: PgRowExpr.self).pointee
            list("args", node.args, depth: depth, in: .sorted)
            list("colnames", node.colnames, depth: depth)
            enumeration("row_format", node.row_format, Self.coercionForms)
            number("row_typeid", node.row_typeid)
        case .aArrayExpr:
            list("elements", node.assumingMemoryBound(to: PgAArrayExpr.self).pointee.elements, depth: depth)
        case .aIndices:
            let node = node.assumingMemoryBound(to: PgAIndices.self).pointee
            flag("is_slice", node.is_slice)
            child("lidx", node.lidx, depth: depth)
            child("uidx", node.uidx, depth: depth)
        case .aIndirection:
            let node = node.assumingMemoryBound(to: PgAIndirection.self).pointee
            child("arg", node.arg, depth: depth)
            list("indirection", node.indirection, depth: depth)
        case .namedArgExpr:
            let node = node.assumingMemoryBound(to: PgNamedArgExpr.self).pointee
            child("arg", node.arg, depth: depth)
            number("argnumber", node.argnumber)
            string("name", node.name)
        case .sqlValueFunction:
            let node = node.assumingMemoryBound(to: PgSQLValueFunction.self).pointee
            enumeration("op", node.op, Self.sqlValueFunctionOperations)
            number("type", node.resultType)
            number("typmod", node.typmod)
        case .multiAssignRef:
            let node = node.assumingMemoryBound(to: PgMultiAssignRef.self).pointee
            number("colno", node.colno)
            number("ncolumns", node.ncolumns)
            child("source", node.source, depth: depth)
        default:
            giveUp()
        }
    }
}
