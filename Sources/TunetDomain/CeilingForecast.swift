/// When an agreement's maximum value is reached at today's pace, with a range.
///
/// The pace is what the agreement's days cost over the last 90 days before today: what attendance billed
/// for those days, and the planned cost of planned days not yet reported. The placements already committed
/// ahead are in the ceiling's used value already; new call-offs are needed only where the pace runs ahead
/// of them. So the used value on a day `d` from today is
///
///     used + max(0, max over x in today…d of (pace × days through x − committed ahead through x))
///
/// and the maximum is reached on the first day it comes to the maximum. The expected day takes the pace of
/// all 90 days; the range takes the highest and the lowest pace of its three 30-day thirds (the highest
/// gives the earliest day). Sums are worked out in 128 bits over whole øre, so no day is off by rounding.
public struct CeilingForecast: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        /// The used value already comes to the maximum.
        case alreadyReached
        /// Reached on that day at that pace.
        case reached(LocalDate)
        /// Never at that pace: it is zero, or the day lies more than a hundred years ahead.
        case notAtThisPace

        public var date: LocalDate? { if case .reached(let date) = self { date } else { nil } }
    }

    public static let windowDays = 90
    static let horizonDays = 36_525

    public let today: LocalDate
    /// What the window's days cost, in total: the pace is this over `windowDays`.
    public let windowCost: Money
    public let expected: Outcome
    public let earliest: Outcome
    public let latest: Outcome
    /// The agreement's end with the options exercised so far.
    public let agreementEnd: LocalDate
    /// Its end with every option.
    public let latestEnd: LocalDate
    /// The days the pace is taken over: 90, or fewer for an agreement younger than that.
    public let coveredDays: Int

    /// The pace per day, rounded to whole øre, for display.
    public var pacePerDay: Money {
        Money(ore: Int64((Int128(windowCost.ore) + Int128(coveredDays / 2)) / Int128(coveredDays)))
    }

    /// - Parameters:
    ///   - history: what each day in the window cost (billed, or planned where not yet reported), by day number;
    ///     days outside `today - 90 … today - 1` are ignored.
    ///   - committedAhead: the planned cost of each day from today on that the placements already commit, by day number.
    ///   - firstDay: the agreement's first day: an agreement younger than the window takes its pace from the
    ///     days it has run (at least one), its range from the thirds of those.
    ///   - latestEnd: the end with every option, past which the maximum no longer matters.
    public init(maximum: Money, used: Money, today: LocalDate, agreementEnd: LocalDate, history: [Int: Money],
                committedAhead: [Int: Money], firstDay: LocalDate? = nil, latestEnd: LocalDate? = nil) {
        self.today = today
        self.agreementEnd = agreementEnd
        self.latestEnd = latestEnd ?? agreementEnd
        let covered = min(Self.windowDays, max(1, firstDay.map { $0.days(until: today) } ?? Self.windowDays))
        coveredDays = covered
        let start = today.dayNumber - covered
        func cost(_ from: Int, _ days: Int) -> Int128 {
            (from..<(from + days)).reduce(Int128(0)) { $0 + Int128(history[$1]?.ore ?? 0) }
        }
        let window = cost(start, covered)
        windowCost = Money(ore: Int64(clamping: window))
        let third = covered / 3
        let thirds = third == 0 ? [window] : (0..<3).map { cost(today.dayNumber - 3 * third + $0 * third, third) }
        let ahead = committedAhead.filter { $0.key >= today.dayNumber }
        func outcome(_ windowCost: Int128, over days: Int) -> Outcome {
            Self.outcome(maximum: maximum, used: used, today: today, windowCost: windowCost, windowDays: days, ahead: ahead)
        }
        expected = outcome(window, over: covered)
        let thirdLength = third == 0 ? covered : third
        earliest = outcome(thirds.max() ?? 0, over: thirdLength)
        latest = outcome(thirds.min() ?? 0, over: thirdLength)
    }

    private static func outcome(maximum: Money, used: Money, today: LocalDate, windowCost: Int128, windowDays: Int,
                                ahead: [Int: Money]) -> Outcome {
        guard used < maximum else { return .alreadyReached }
        guard windowCost > 0 else { return .notAtThisPace }
        // Scaled by the window's length so that the pace stays a whole number: pace × k = windowCost × k / days.
        let scale = Int128(windowDays)
        let room = (Int128(maximum.ore) - Int128(used.ore)) * scale
        let lastAhead = ahead.keys.max() ?? today.dayNumber - 1
        var committed = Int128(0)
        var newCallOffs = Int128(0)
        var day = today.dayNumber
        while day <= lastAhead {
            committed += Int128(ahead[day]?.ore ?? 0) * scale
            let through = Int128(day - today.dayNumber + 1)
            newCallOffs = max(newCallOffs, windowCost * through - committed)
            if newCallOffs >= room { return .reached(LocalDate(dayNumber: day)) }
            day += 1
        }
        // Past the last committed day the new call-offs grow by the pace each day: the first whole number
        // of days `k` with windowCost × k − committed ≥ room.
        let needed = room + committed
        let days = (needed + windowCost - 1) / windowCost
        let through = max(days, Int128(day - today.dayNumber + 1))
        guard through <= Int128(horizonDays) else { return .notAtThisPace }
        return .reached(today.adding(days: Int(through) - 1))
    }

    /// Whether the expected day calls for attention: it falls before the agreement ends, or within the lead
    /// time a new competition needs while the agreement could still run (with its options).
    public func isEarly(leadDays: Int) -> Bool {
        switch expected {
        case .alreadyReached: return true
        case .notAtThisPace: return false
        case .reached(let date): return date <= agreementEnd || (date <= latestEnd && today.days(until: date) <= leadDays)
        }
    }

    /// How long before the agreement's end the expected day falls, in months and half months the way
    /// contracts count them ("3½"), or in days when under a month; nil when it does not fall before the end.
    public var beforeEnd: Message? {
        guard let date = expected.date, date < agreementEnd else { return nil }
        var months = 0
        while date.adding(months: months + 1) <= agreementEnd { months += 1 }
        let rest = date.adding(months: months).days(until: agreementEnd)
        let half = rest >= 15
        if months == 0 {
            return half ? Message("forecast.before_end.half_month")
                        : Message("forecast.before_end.days", ["days": .integer(Int64(rest))])
        }
        if months == 1 && !half { return Message("forecast.before_end.one_month") }
        return Message("forecast.before_end.months", ["months": .text("\(months)\(half ? "½" : "")")])
    }

    /// One sentence: "At this pace the maximum is reached on 14.09.2027 (between … and …), 3½ months before
    /// the agreement ends."
    public var message: Message {
        switch expected {
        case .alreadyReached:
            return Message("forecast.already_reached")
        case .notAtThisPace:
            return Message("forecast.not_at_this_pace", ["days": .integer(Int64(coveredDays))])
        case .reached(let date):
            let range: MessageValue = switch (earliest.date, latest.date) {
            case (let first?, let last?) where first != last:
                .message(Message("forecast.range", ["earliest": .date(first), "latest": .date(last)]))
            case (let first?, nil):
                .message(Message("forecast.range_open", ["earliest": .date(first)]))
            default: .text("")
            }
            let end = beforeEnd ?? (date == agreementEnd ? Message("forecast.on_end") : Message("forecast.after_end", ["end": .date(agreementEnd)]))
            return Message("forecast.reached", ["date": .date(date), "range": range, "end": .message(end)])
        }
    }
}

extension CeilingForecast: Encodable {
    enum CodingKeys: String, CodingKey {
        case outcome, date, earliest, latest
        case pace = "pace_ore_per_day"
        case windowDays = "window_days"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let outcome = switch expected {
        case .alreadyReached: "already_reached"
        case .reached: "reached"
        case .notAtThisPace: "not_at_this_pace"
        }
        try container.encode(outcome, forKey: .outcome)
        try container.encode(expected.date, forKey: .date)
        try container.encode(earliest.date, forKey: .earliest)
        try container.encode(latest.date, forKey: .latest)
        try container.encode(pacePerDay, forKey: .pace)
        try container.encode(coveredDays, forKey: .windowDays)
    }
}
