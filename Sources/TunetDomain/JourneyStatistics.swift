/// The waiting the pilots want to shorten: how many people are in each step, and the median number of
/// days from one step to the next.
public struct JourneyStatistics: Sendable, Equatable {
    /// The journeys counted, by the step each is in.
    public var inStep: [JourneyStep: Int] = [:]
    /// The median days from a step to the next (keyed by the earlier step), over the journeys that
    /// reached both; a half day where the count is even and the two middle ones differ by an odd number.
    public var medianDays: [JourneyStep: Double] = [:]
    /// The median days from the referral to the network (a place on a farm).
    public var medianDaysToPlace: Double?

    public var journeys: Int { inStep.values.reduce(0, +) }

    /// `reached`: for each journey, its current step and the day each step was reached.
    public init(_ journeys: [(step: JourneyStep, reached: [JourneyStep: LocalDate])]) {
        var gaps: [JourneyStep: [Int]] = [:]
        var toPlace: [Int] = []
        for journey in journeys {
            inStep[journey.step, default: 0] += 1
            for step in JourneyStep.allCases {
                guard let next = step.next, let from = journey.reached[step], let to = journey.reached[next] else { continue }
                gaps[step, default: []].append(from.days(until: to))
            }
            if let from = journey.reached[.referral], let to = journey.reached[.network] { toPlace.append(from.days(until: to)) }
        }
        medianDays = gaps.compactMapValues(Self.median)
        medianDaysToPlace = Self.median(toPlace)
    }

    /// The middle value, or the mean of the two middle values; nil for none.
    public static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? Double(sorted[middle - 1] + sorted[middle]) / 2 : Double(sorted[middle])
    }
}
