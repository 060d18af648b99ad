/// Why an agreement that runs out cannot simply be extended, so that a new competition must be planned.
public enum RenewalReason: Hashable, Sendable {
    /// Every option has been exercised, or the agreement had none.
    case noOptionLeft
    /// The next option could have extended it, but its decision deadline has passed.
    case optionDeadlinePassed(option: Int, deadline: LocalDate)
}

/// An agreement that ends within the lead time with no way left to extend it.
public struct RenewalNeed: Hashable, Sendable {
    public let reference: String
    public let end: LocalDate
    public let reason: RenewalReason

    /// Why it cannot be extended: "it has no option left to extend it".
    public var message: Message {
        switch reason {
        case .noOptionLeft: Message("rules.renewal.no_option_left")
        case .optionDeadlinePassed(let option, let deadline):
            Message("rules.renewal.option_deadline_passed", ["option": .integer(option), "deadline": .date(deadline)])
        }
    }
}

/// When a new competition must be planned for an agreement that runs out.
///
/// The rule (documented in README, "The work team's tasks"): an agreement that is not terminated,
/// has not yet ended and ends (with the options exercised so far) within the lead time, 270 days by
/// default, needs a new competition when no option is left or the next option's decision deadline
/// has passed (a deadline of today can still be met). A competition with notice, tenders,
/// evaluation and standstill takes months, hence the long lead.
public struct RenewalRule: Sendable {
    public var leadDays: Int

    public init(leadDays: Int = 270) {
        self.leadDays = leadDays
    }

    public static let standard = RenewalRule()

    public func need(of agreement: Agreement, on today: LocalDate) -> RenewalNeed? {
        let end = agreement.currentEnd
        guard agreement.terminatedOn == nil, end >= today, today.days(until: end) <= leadDays else { return nil }
        guard let index = agreement.nextOpenOption else {
            return RenewalNeed(reference: agreement.reference, end: end, reason: .noOptionLeft)
        }
        let deadline = agreement.options[index].decisionDeadline
        guard deadline < today else { return nil }
        return RenewalNeed(reference: agreement.reference, end: end, reason: .optionDeadlinePassed(option: index + 1, deadline: deadline))
    }
}
