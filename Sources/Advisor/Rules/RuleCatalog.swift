import Foundation

/// Every rule the optimizer runs, in report order.
public enum RuleCatalog {
    public static let all: [Rule] = [
        selectStar, leadingWildcardLike, functionOnColumn, nonSargableArithmetic, orAcrossColumns,
        notInSubquery, largeOffset, implicitCrossJoin, unindexedForeignKeyJoin, countForExistence,
        distinctOverJoin, orderByRandom, unionWithoutAll,
    ]
}
