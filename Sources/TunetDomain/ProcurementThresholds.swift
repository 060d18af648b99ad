/// Which kind of service is bought decides which EEA threshold applies.
public enum ServiceCategory: String, CaseIterable, Sendable, Codable {
    /// Health, social, education and other "særlige tjenester" (Annex XIV): Inn på tunet is usually this.
    case special
    /// Other services bought by a municipality.
    case general

    public init?(name: String) {
        switch name.trimmingWhitespace().lowercased() {
        case "special", "særlige", "saerlige", "helse", "health": self = .special
        case "general", "generell", "ordinary": self = .general
        default: return nil
        }
    }
}

/// The set of procurement rules a competition falls under.
public enum ProcurementRegime: String, Sendable, Codable, CaseIterable {
    /// Below NOK 100 000: outside the procurement regulation.
    case outsideRules = "outside_rules"
    /// From NOK 100 000 to the national threshold: part I (basic principles, a protocol).
    case partOne = "part_i"
    /// From the national threshold to the EEA threshold: parts I and II, notice in Doffin.
    case partTwo = "part_ii"
    /// General services from the EEA threshold: parts I and III, notice in Doffin and TED.
    case partThree = "part_iii"
    /// Special services from their EEA threshold: part IV chapter 30, notice in Doffin and TED.
    case partFourChapterThirty = "part_iv_chapter_30"
}

public enum NoticeRequirement: String, Sendable, Codable, CaseIterable {
    case none
    case doffin
    case doffinAndTED = "doffin_and_ted"
}

/// What follows from a competition's regime.
public struct ProcurementClassification: Hashable, Sendable, Codable {
    public let regime: ProcurementRegime
    public let notice: NoticeRequirement
    public let standstillRequired: Bool
    /// The framework agreement may run at most 4 years with options unless a special reason is recorded.
    public let fourYearLimit: Bool
    public let minimumDeadlines: Bool
    public let mayBeReservedForNonProfits: Bool
    /// The threshold the value was at or above, and the next one up.
    public let thresholdReached: Money?
    public let nextThreshold: Money?
    public let tableValidFrom: LocalDate

    enum CodingKeys: String, CodingKey {
        case regime, notice
        case standstillRequired = "standstill_required"
        case fourYearLimit = "four_year_limit"
        case minimumDeadlines = "minimum_deadlines"
        case mayBeReservedForNonProfits = "may_be_reserved_for_non_profits"
        case thresholdReached = "threshold_reached_ore"
        case nextThreshold = "next_threshold_ore"
        case tableValidFrom = "threshold_table_valid_from"
    }
}

/// NOK thresholds excluding VAT, each set valid from a date. A value at or above a threshold falls under it.
public struct ProcurementThresholds: Sendable {
    public struct Entry: Sendable {
        public let validFrom: LocalDate
        public let minimum: Money
        public let national: Money
        public let eeaGeneralMunicipal: Money
        public let eeaSpecialServices: Money
    }

    public let entries: [Entry]

    /// Thresholds in force since 1 January 2024 (EEA thresholds for 2024–2026).
    public static let norway = ProcurementThresholds(entries: [
        Entry(validFrom: LocalDate(year: 2024, month: 1, day: 1)!, minimum: .kroner(100_000), national: .kroner(1_300_000),
              eeaGeneralMunicipal: .kroner(2_300_000), eeaSpecialServices: .kroner(7_800_000)),
    ])

    /// The entry in force on `date`; before the first entry the first applies.
    public func entry(on date: LocalDate) -> Entry {
        entries.last { $0.validFrom <= date } ?? entries[0]
    }

    public func classify(_ value: Money, category: ServiceCategory, on date: LocalDate) -> ProcurementClassification {
        let table = entry(on: date)
        let eea = category == .special ? table.eeaSpecialServices : table.eeaGeneralMunicipal
        let regime: ProcurementRegime
        var reached: Money?
        var next: Money?
        if value < table.minimum {
            regime = .outsideRules
            next = table.minimum
        } else if value < table.national {
            regime = .partOne
            (reached, next) = (table.minimum, table.national)
        } else if value < eea {
            regime = .partTwo
            (reached, next) = (table.national, eea)
        } else {
            regime = category == .special ? .partFourChapterThirty : .partThree
            reached = eea
        }
        return ProcurementClassification(
            regime: regime,
            notice: regime == .partTwo ? .doffin : (regime == .partThree || regime == .partFourChapterThirty ? .doffinAndTED : .none),
            standstillRequired: regime == .partThree || regime == .partFourChapterThirty,
            fourYearLimit: regime != .outsideRules && regime != .partOne,
            minimumDeadlines: regime == .partThree,
            mayBeReservedForNonProfits: regime == .partFourChapterThirty,
            thresholdReached: reached, nextThreshold: next, tableValidFrom: table.validFrom)
    }
}
