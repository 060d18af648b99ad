import TunetDomain

/// What the user decided for the placements that run on or past an agreement's termination date.
public enum PlacementsAtTermination: Sendable, Equatable {
    /// End each on the agreement's last day, releasing its committed value; cancel those not yet started.
    case end
    /// Keep them as they are; the termination's reason is recorded with them.
    case keep
}

/// One placement that ran on or past the termination date, as it was and as it is now.
public struct PlacementChangeAtTermination: Sendable, Encodable {
    public let before: Placement
    public let after: Placement

    /// The committed value the change gave back to the agreement's ceiling.
    public var released: Money {
        before.projectedCost - after.projectedCost
    }

    enum CodingKeys: String, CodingKey {
        case id, participant, provider, start, cancelled
        case endBefore = "end_before"
        case endAfter = "end_after"
        case plannedDaysBefore = "planned_days_before"
        case plannedDaysAfter = "planned_days_after"
        case released = "released_ore"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(after.id, forKey: .id)
        try c.encode(after.participant, forKey: .participant)
        try c.encode(after.provider, forKey: .provider)
        try c.encode(after.start, forKey: .start)
        try c.encode(after.isCancelled, forKey: .cancelled)
        try c.encode(before.end, forKey: .endBefore)
        try c.encode(after.end, forKey: .endAfter)
        try c.encode(before.plannedDays, forKey: .plannedDaysBefore)
        try c.encode(after.plannedDays, forKey: .plannedDaysAfter)
        try c.encode(released, forKey: .released)
    }
}

/// A terminated agreement and what happened to its placements.
public struct TerminationView: Sendable, Encodable {
    public let summary: AgreementView
    public let placements: [PlacementChangeAtTermination]
    /// True when the placements were kept past the termination by the user's decision.
    public let keptPlacements: Bool

    enum CodingKeys: String, CodingKey {
        case placements
        case keptPlacements = "placements_kept"
    }

    public func encode(to encoder: Encoder) throws {
        try summary.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(placements, forKey: .placements)
        try c.encode(keptPlacements, forKey: .keptPlacements)
    }
}
