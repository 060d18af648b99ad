import TunetDomain
import TunetStorage

/// One municipality's figures for one target group, as published: counts under five are "under 5",
/// and a cell with fewer than five participants shows nothing else (its days and money would tell them).
public struct PublishedFiguresView: Sendable, Encodable {
    public let municipalityNumber: String
    public let municipalityName: String
    public let targetGroup: TargetGroup
    public let participants: PublishedCount
    public let placements: PublishedCount
    public let presentDays: PublishedCount
    public let absentDays: PublishedCount
    /// Nil where the cell is too small to publish.
    public let spent: Money?

    init(_ figures: MunicipalityTotals) {
        municipalityNumber = figures.municipality
        municipalityName = Municipality.named(figures.municipality)?.name ?? figures.municipality
        targetGroup = figures.kind.targetGroup
        let published = figures.participants >= PublishedCount.threshold
        participants = PublishedCount(figures.participants)
        placements = published ? PublishedCount(figures.placements) : .underThreshold
        presentDays = published ? PublishedCount(figures.presentDays) : .underThreshold
        absentDays = published ? PublishedCount(figures.absentDays) : .underThreshold
        spent = published ? figures.spent : nil
    }

    enum CodingKeys: String, CodingKey {
        case municipalityNumber = "municipality_number"
        case municipalityName = "municipality_name"
        case targetGroup = "target_group"
        case participants, placements
        case presentDays = "present_days"
        case absentDays = "absent_days"
        case spent = "spent_ore"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(municipalityNumber, forKey: .municipalityNumber)
        try c.encode(municipalityName, forKey: .municipalityName)
        try c.encode(targetGroup, forKey: .targetGroup)
        try c.encode(participants, forKey: .participants)
        try c.encode(placements, forKey: .placements)
        try c.encode(presentDays, forKey: .presentDays)
        try c.encode(absentDays, forKey: .absentDays)
        try c.encode(spent?.ore, forKey: .spent)
    }
}

public struct PublishedFiguresReport: Sendable, Encodable {
    public let from: LocalDate
    public let to: LocalDate
    /// Counts under this are shown as "under 5".
    public let threshold: Int
    /// One per municipality and target group; no totals, which would let a hidden count be worked out.
    public let figures: [PublishedFiguresView]
}

/// Figures per municipality and target group for readers who may not see participants: counted in
/// the store, published with small counts hidden. Covers the actor's municipalities.
public struct FigureDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    /// The period from `from` through `to`; by default from the first of January through today.
    public func published(from: String?, to: String?) throws -> PublishedFiguresReport {
        var problems = ProblemCollector()
        let today = context.today
        let first = from.map { problems.date("from", $0) } ?? LocalDate(year: today.year, month: 1, day: 1)
        let last = to.map { problems.date("to", $0) } ?? today
        try problems.check()
        guard let first, let last else { throw TunetError.internalFault("a period's day was neither read nor refused") }
        if last < first {
            throw TunetError.invalid("to", last.iso, Message("report.error.ends_before_start", ["to": .date(last), "from": .date(first)]))
        }
        let figures = try context.read { try $0.figures(from: first, to: last, in: context.actor.scope) }
        return PublishedFiguresReport(from: first, to: last, threshold: PublishedCount.threshold, figures: figures.map(PublishedFiguresView.init))
    }
}
