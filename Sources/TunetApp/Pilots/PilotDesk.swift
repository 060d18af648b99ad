import Foundation
import TunetDomain
import TunetStorage

public struct MunicipalityFigures: Sendable, Encodable {
    public let municipality: String
    public let participants: Int
    public let placements: Int
    public let placementsBySector: [String: Int]
    public let plannedDays: Int
    public let presentDays: Int
    public let absentDays: Int
    /// Present ÷ (present + absent).
    public let attendanceRate: Percentage?
    public let spent: Money
    /// Spent ÷ present days, to the øre (half up).
    public let costPerAttendedDay: Money?
    public let referencePrice: Money?
    /// Cost per attended day ÷ the day-centre reference.
    public let costRatio: Percentage?

    enum CodingKeys: String, CodingKey {
        case municipality, participants, placements
        case placementsBySector = "placements_by_sector"
        case plannedDays = "planned_days"
        case presentDays = "present_days"
        case absentDays = "absent_days"
        case attendanceRateTenths = "attendance_rate_tenths"
        case spent = "spent_ore"
        case costPerAttendedDay = "cost_per_attended_day_ore"
        case referencePrice = "reference_price_ore"
        case costRatioTenths = "cost_ratio_tenths"
    }

    /// Percentages go to programs as tenths of a percent, rounded half up (938 for 93,8 %).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(municipality, forKey: .municipality)
        try c.encode(participants, forKey: .participants)
        try c.encode(placements, forKey: .placements)
        try c.encode(placementsBySector, forKey: .placementsBySector)
        try c.encode(plannedDays, forKey: .plannedDays)
        try c.encode(presentDays, forKey: .presentDays)
        try c.encode(absentDays, forKey: .absentDays)
        try c.encode(attendanceRate?.tenths, forKey: .attendanceRateTenths)
        try c.encode(spent, forKey: .spent)
        try c.encode(costPerAttendedDay, forKey: .costPerAttendedDay)
        try c.encode(referencePrice, forKey: .referencePrice)
        try c.encode(costRatio?.tenths, forKey: .costRatioTenths)
    }
}

public struct PilotEvaluationView: Sendable, Encodable {
    public let pilot: Pilot
    public let from: LocalDate
    public let to: LocalDate
    public let municipalities: [MunicipalityFigures]
    public let total: MunicipalityFigures
    public let approvedProviders: Int
    public let activeProviders: Int
    public let placementsWithDocumentedChoice: Int
    public let tasksDone: Int
    public let tasksDoneOnTime: Int
    public let measures: [PilotMeasure]
    /// Places bought per sector (education for pupils, health and care for dementia) on a typical day, by
    /// the agreements of the pilot's municipalities in force in the period.
    public let placesBoughtBySector: [String: Int]
    /// Each farm measure beside the day centre's, where one is recorded.
    public let comparisons: [MeasureComparison]

    enum CodingKeys: String, CodingKey {
        case pilot, from, to, municipalities, total, measures, comparisons
        case placesBoughtBySector = "places_bought_by_sector"
        case approvedProviders = "approved_providers"
        case activeProviders = "active_providers"
        case placementsWithDocumentedChoice = "placements_with_documented_choice"
        case tasksDone = "tasks_done"
        case tasksDoneOnTime = "tasks_done_on_time"
    }
}

/// Pilots, their measures and their evaluation from Tunet's own data.
public struct PilotDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public func add(name: String, county: String, targetGroup: String, municipalities: [String], from: String, to: String,
                    projectLeader: String, researchPartner: String?) throws -> Pilot {
        var problems = ProblemCollector()
        func text(_ field: String, _ value: String, required: Bool = true) -> String {
            let clean = value.trimmingWhitespace()
            if required && clean.isEmpty { problems.add(field, nil, Message("pilot.error.required")) }
            if let reason = FreeText.check(clean, maximumLength: 200) { problems.add(field, clean, reason.message) }
            return clean
        }
        let cleanName = text("name", name), cleanCounty = text("county", county), leader = text("project-leader", projectLeader)
        let partner = researchPartner.map { text("research-partner", $0, required: false) }?.nilIfEmpty
        let group = TargetGroup(name: targetGroup)
        if group == nil { problems.add("target-group", targetGroup, Message("pilot.error.target_group")) }
        var numbers: [String] = []
        if municipalities.isEmpty { problems.add("municipality", nil, Message("pilot.error.municipalities_missing")) }
        for raw in municipalities.flatMap({ $0.split(separator: ",").map(String.init) }) {
            if let number = problems.take("municipality", raw, Municipality.parse(raw))?.number, !numbers.contains(number) { numbers.append(number) }
        }
        let start = problems.date("from", from), end = problems.date("to", to)
        if let start, let end, end < start { problems.add("to", end.iso, Message("pilot.error.ends_before_start", ["end": .date(end), "start": .date(start)])) }
        try problems.check()
        return try context.write { tx in
            if try tx.pilots().contains(where: { $0.name.lowercased() == cleanName.lowercased() }) {
                throw TunetError.conflict(Message("pilot.error.exists", ["name": .text(cleanName)]))
            }
            return try tx.insertPilot { id in
                Pilot(id: id, name: cleanName, county: cleanCounty, targetGroup: group!, municipalities: numbers, from: start!, to: end!,
                      projectLeader: leader, researchPartner: partner)
            }
        }
    }

    public func list() throws -> [Pilot] { try context.read { try $0.pilots(in: context.actor.scope) } }

    public func show(_ id: String) throws -> (Pilot, [PilotMeasure]) {
        try context.read { reader in
            let pilot = try Self.existing(id, in: reader)
            return (pilot, try reader.measures(pilot: pilot.id))
        }
    }

    public func setReferencePrice(_ id: String, municipality: String, price: String) throws -> Pilot {
        var problems = ProblemCollector()
        let number = problems.take("municipality", municipality, Municipality.parse(municipality))?.number
        let amount = problems.take("price", price, Money.parsePrice(price))
        if let amount, amount.ore <= 0 { problems.add("price", price, Message("pilot.error.price_not_positive")) }
        try problems.check()
        return try context.write { tx in
            var pilot = try Self.existing(id, in: tx)
            guard pilot.municipalities.contains(number!) else {
                throw TunetError.invalid("municipality", number, Message("pilot.error.not_in_pilot", ["municipality": .text(number!), "pilot": .text(pilot.name)]))
            }
            pilot.referencePrices[number!] = amount!
            try tx.update(pilot, action: "reference-price")
            return pilot
        }
    }

    /// The longest source a measure names (a survey, a report and its page), in characters.
    static let longestSource = 500

    public func addMeasure(_ id: String, municipality: String, from: String, to: String, name: String, value: String, unit: String,
                           n: String, source: String, setting: String? = nil) throws -> PilotMeasure {
        var problems = ProblemCollector()
        let place = setting.map { MeasureSetting(name: $0) } ?? .farm
        if place == nil { problems.add("setting", setting, Message("pilot.error.setting")) }
        let number = problems.take("municipality", municipality, Municipality.parse(municipality))?.number
        let start = problems.date("from", from), end = problems.date("to", to)
        if let start, let end, end < start { problems.add("to", end.iso, Message("pilot.error.period_ends_before_start")) }
        let cleanName = name.trimmingWhitespace().lowercased()
        if cleanName.isEmpty || FreeText.check(cleanName, maximumLength: 60) != nil { problems.add("name", name, Message("pilot.error.measure_name")) }
        let parsedUnit = MeasureUnit(rawValue: unit.lowercased())
        if parsedUnit == nil { problems.add("unit", unit, Message("pilot.error.unit")) }
        let parsedValue = problems.take("value", value, IndexValue.parse(value.replacingOccurrences(of: "%", with: "").trimmingWhitespace())
            .flatMap { .success($0.tenths) })
        if let parsedValue, let parsedUnit, !parsedUnit.range.contains(parsedValue) {
            problems.add("value", value, Message(parsedUnit == .percent ? "pilot.error.percent_range" : "pilot.error.score_range"))
        }
        let count = Int(n.trimmingWhitespace())
        if count == nil || count! < 1 { problems.add("n", n, Message("pilot.error.n")) }
        let cleanSource = source.trimmingWhitespace()
        if cleanSource.isEmpty { problems.add("source", nil, Message("pilot.error.source_missing")) }
        if let reason = FreeText.check(cleanSource, maximumLength: Self.longestSource) { problems.add("source", nil, reason.message) }
        try problems.check()
        return try context.write { tx in
            let pilot = try Self.existing(id, in: tx)
            guard pilot.municipalities.contains(number!) else {
                throw TunetError.invalid("municipality", number, Message("pilot.error.not_in_pilot", ["municipality": .text(number!), "pilot": .text(pilot.name)]))
            }
            return try tx.insert(PilotMeasure(id: 0, pilotId: pilot.id, municipalityNumber: number!, from: start!, to: end!, name: cleanName,
                                              valueTenths: parsedValue!, unit: parsedUnit!, n: count!, source: cleanSource, setting: place!))
        }
    }

    /// The figures of a pilot over its period, or over `from`–`to` within it.
    public func evaluate(_ id: String, from: String? = nil, to: String? = nil) throws -> PilotEvaluationView {
        var problems = ProblemCollector()
        let start = from.flatMap { problems.date("from", $0) }, end = to.flatMap { problems.date("to", $0) }
        try problems.check()
        return try context.read { reader in
            let pilot = try Self.existing(id, in: reader)
            return try PilotEvaluator(reader: reader, today: context.today).evaluate(pilot, from: start ?? pilot.from, to: end ?? pilot.to)
        }
    }

    static func existing(_ id: String, in reader: StoreReader) throws -> Pilot {
        let pilots = try reader.pilots()
        if let number = Int64(id), let pilot = pilots.first(where: { $0.id == number }) { return pilot }
        if let pilot = pilots.first(where: { $0.name.lowercased() == id.lowercased() }) { return pilot }
        throw TunetError.notFound(kind: "pilot", key: id)
    }
}

/// Computes a pilot's indicators from placements, attendance, providers and tasks.
struct PilotEvaluator {
    let reader: StoreReader
    let today: LocalDate

    func evaluate(_ pilot: Pilot, from: LocalDate, to: LocalDate) throws -> PilotEvaluationView {
        let kind: PlacementKind? = pilot.targetGroup == .pupils ? .pupil : pilot.targetGroup == .dementia ? .dementia : nil
        let scope = try reader.placements(in: .only(Set(pilot.municipalities))).filter { placement in
            !placement.isCancelled && placement.kind == kind
                && placement.start <= to && placement.end >= from
        }
        let reported = try reader.attendance(placements: scope.map(\.id), from: from, to: to)
        var figures: [MunicipalityFigures] = []
        for municipality in pilot.municipalities {
            let placements = scope.filter { $0.municipalityNumber == municipality }
            let rows = reported.filter { row in placements.contains { $0.id == row.entry.placementId } }
            figures.append(try self.figures(municipality, placements: placements, rows: rows, from: from, to: to,
                                            reference: pilot.referencePrices[municipality]))
        }
        let total = try self.figures("all", placements: scope, rows: reported, from: from, to: to, reference: nil)

        let providers = try reader.allProviders()
        let approved = providers.filter {
            pilot.municipalities.contains($0.municipalityNumber) && $0.targetGroups.contains(pilot.targetGroup) && $0.status == .active
                && ProviderCompliance.standard.approval.state(of: $0, on: min(to, today)).permitsPlacements
        }.count
        var agreements: [String: Agreement] = [:]
        for placement in scope where agreements[placement.agreementReference] == nil {
            agreements[placement.agreementReference] = try reader.agreement(placement.agreementReference)
        }
        let documented = scope.filter { placement in
            guard let agreement = agreements[placement.agreementReference], placement.choice.method == agreement.callOffMethod else { return false }
            switch agreement.callOffMethod {
            case .criteria, .miniCompetition: return placement.choice.inputs != nil
            case .ranking, .direct: return placement.choice.hasRule
            }
        }.count
        let related = Set(scope.map { "placement:\($0.id)" } + scope.map { "provider:\($0.provider.digits)" }
            + agreements.keys.map { "agreement:\($0)" } + ["pilot:\(pilot.id)"])
        let tasks = try reader.tasks().filter { task in task.status == .done && task.due != nil && task.link.map { related.contains($0.description) } == true }
        let onTime = tasks.filter { task in
            guard let done = task.history.last(where: { $0.action == "done" }), let due = task.due else { return false }
            return OsloTime.localTimestamp(done.at).prefix(10) <= due.iso
        }.count
        let measures = try reader.measures(pilot: pilot.id).filter { $0.from <= to && $0.to >= from }
        let buying = try reader.agreements(in: .only(Set(pilot.municipalities))).filter { $0.start <= to && $0.currentEnd >= from }
        var bought: [String: Int] = [:]
        for (group, places) in BoughtPlacesUse.placesPerGroup(buying) {
            switch group {
            case .pupils: bought[Sector.education.rawValue, default: 0] += places
            case .dementia: bought[Sector.healthAndCare.rawValue, default: 0] += places
            case .other: continue
            }
        }
        return PilotEvaluationView(pilot: pilot, from: from, to: to, municipalities: figures, total: total, approvedProviders: approved,
                               activeProviders: Set(scope.map(\.provider)).count, placementsWithDocumentedChoice: documented,
                               tasksDone: tasks.count, tasksDoneOnTime: onTime, measures: measures, placesBoughtBySector: bought,
                               comparisons: MeasureComparison.pairs(measures))
    }

    func figures(_ municipality: String, placements: [Placement], rows: [StoredAttendance], from: LocalDate, to: LocalDate,
                 reference: Money?) throws -> MunicipalityFigures {
        // Days still to come are not planned-and-missed yet: planned days count up to today.
        let lastPlanned = min(to, today)
        var planned = 0
        for placement in placements {
            let holidays = try reader.schoolHolidays(municipality: placement.municipalityNumber)
            planned += PlacementPlanner.plannedDays(weekdays: placement.weekdays, from: max(placement.start, from), to: min(placement.end, lastPlanned),
                                                    kind: placement.kind, schoolHolidays: holidays).count
        }
        let present = rows.filter { $0.entry.status == .present }.count
        let absent = rows.filter { $0.entry.status == .absentWithNotice || $0.entry.status == .absentWithoutNotice }.count
        let spent = rows.reduce(Money.zero) { $0 + $1.billed }
        let costPerDay = spent.share(of: present)
        var bySector: [String: Int] = [:]
        for placement in placements { bySector[(placement.kind == .pupil ? Sector.education : .healthAndCare).rawValue, default: 0] += 1 }
        return MunicipalityFigures(
            municipality: municipality, participants: Set(placements.map(\.participant)).count, placements: placements.count,
            placementsBySector: bySector, plannedDays: planned, presentDays: present, absentDays: absent,
            attendanceRate: Percentage(present, of: present + absent), spent: spent, costPerAttendedDay: costPerDay,
            referencePrice: reference,
            costRatio: costPerDay.flatMap { cost in reference.flatMap { Percentage(cost.ore, of: $0.ore) } })
    }
}
