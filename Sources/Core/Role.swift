/// A member's role inside an organization, ordered `viewer` < `member` < `admin`.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    case viewer
    case member
    case admin

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .member: 1
        case .admin: 2
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
