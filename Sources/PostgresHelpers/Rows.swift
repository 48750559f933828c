import PostgresNIO

extension PostgresRowSequence {
    /// The first row decoded as one column, or nil when there is no row.
    public func first<Column: PostgresDecodable & Sendable>(as type: Column.Type) async throws -> Column? {
        for try await row in self { return try row.decode(Column.self) }
        return nil
    }

    /// The first row decoded as a tuple, or nil when there is no row.
    public func first<each Column: PostgresDecodable & Sendable>(
        as type: (repeat each Column).Type
    ) async throws -> (repeat each Column)? {
        for try await row in self { return try row.decode(type) }
        return nil
    }

    /// Every row decoded as one column.
    public func all<Column: PostgresDecodable & Sendable>(as type: Column.Type) async throws -> [Column] {
        var values: [Column] = []
        for try await row in self { values.append(try row.decode(Column.self)) }
        return values
    }

    /// Every row decoded as a tuple.
    public func all<each Column: PostgresDecodable & Sendable>(
        as type: (repeat each Column).Type
    ) async throws -> [(repeat each Column)] {
        var values: [(repeat each Column)] = []
        for try await row in self { values.append(try row.decode(type)) }
        return values
    }
}

// MARK: - Errors

extension PSQLError {
    /// The SQLSTATE of a server error, e.g. `23505` for a unique violation.
    public var sqlState: String? { serverInfo?[.sqlState] }
    /// The constraint a server error names, if any.
    public var constraintName: String? { serverInfo?[.constraintName] }
}
