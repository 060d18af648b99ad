/// The municipalities someone may see: every one (the whole service, run from its own server), or
/// only some (a municipality's project leader or work team, a pilot's county project leader).
public enum MunicipalityScope: Hashable, Sendable {
    case every
    case only(Set<String>)

    public func includes(_ municipality: String) -> Bool {
        switch self {
        case .every: true
        case .only(let numbers): numbers.contains(municipality)
        }
    }

    /// Whether everything in `numbers` is within the scope.
    public func covers(_ numbers: some Sequence<String>) -> Bool {
        switch self {
        case .every: true
        case .only(let allowed): numbers.allSatisfy(allowed.contains)
        }
    }

    /// The municipalities both scopes include.
    public func narrowed(to other: MunicipalityScope) -> MunicipalityScope {
        switch (self, other) {
        case (.every, _): other
        case (_, .every): self
        case (.only(let mine), .only(let theirs)): .only(mine.intersection(theirs))
        }
    }

    /// The numbers in order, or nil for every municipality.
    public var numbers: [String]? {
        switch self {
        case .every: nil
        case .only(let numbers): numbers.sorted()
        }
    }

    /// As the audit log and the token table keep it: `*` for every municipality, else the numbers in order, comma-separated.
    public var stored: String { numbers?.joined(separator: ",") ?? "*" }

    public init(stored: String) {
        self = stored == "*" ? .every : .only(Set(stored.split(separator: ",").map(String.init)))
    }
}

/// In which capacity someone changed something, as each audit event records it beside the name.
public enum ActorRole: String, CaseIterable, Sendable, Codable {
    /// Someone at the server's command line: the whole service.
    case `operator`
    case provider
    case leader
    case workTeam = "work_team"
    case national
}

/// Who acted, in which role and for which municipalities.
public struct AuditActor: Hashable, Sendable {
    public var name: String
    public var role: ActorRole
    public var scope: MunicipalityScope

    public init(name: String, role: ActorRole, scope: MunicipalityScope) {
        self.name = name
        self.role = role
        self.scope = scope
    }

    /// Someone at the server's command line, who acts for the whole service.
    public static func atServer(_ name: String) -> AuditActor { AuditActor(name: name, role: .operator, scope: .every) }
}
