/// Checks attendance rows against the submitting farm's placements, in memory: the importer loads
/// the placements once and validates a million rows without a query per row.
public struct AttendanceValidator: Sendable {
    /// A class, not a struct: each checked row looks its placement's calendar up, and copying the
    /// placement with every look-up was a tenth of checking (BENCHMARKS.md).
    public final class PlacementCalendar: Sendable {
        public let placement: Placement
        public let allowsExtraDays: Bool
        public let plannedDays: DayNumberSet

        public init(placement: Placement, allowsExtraDays: Bool, plannedDays: DayNumberSet) {
            self.placement = placement
            self.allowsExtraDays = allowsExtraDays
            self.plannedDays = plannedDays
        }
    }

    public let provider: OrganisationNumber
    public let today: LocalDate
    /// A farm's own file names other farms' participants as unknown, never revealing them; the work
    /// team's CLI may say that the participant is placed elsewhere.
    public let revealOtherProviders: Bool
    let byParticipant: [ParticipantCode: [PlacementCalendar]]
    /// Codes placed anywhere, shared by every farm's validator of an import (a copy per farm less its
    /// own codes took 400 MB for a national file), and this farm's own codes.
    let placed: Set<ParticipantCode>
    let own: Set<ParticipantCode>
    public static let maximumHours = 12
    public static let maximumTrips = 4

    /// - Parameters:
    ///   - placements: the farm's placements with their planned days and whether their agreement allows extra days.
    ///   - otherParticipants: codes placed only with other farms.
    public init(provider: OrganisationNumber, placements: [PlacementCalendar], otherParticipants: Set<ParticipantCode>,
                today: LocalDate, revealOtherProviders: Bool) {
        self.init(provider: provider, placements: placements, placed: otherParticipants, own: [], today: today,
                  revealOtherProviders: revealOtherProviders)
    }

    /// - Parameter placedParticipants: codes placed with any farm, this one included.
    public init(provider: OrganisationNumber, placements: [PlacementCalendar], placedParticipants: Set<ParticipantCode>,
                today: LocalDate, revealOtherProviders: Bool) {
        self.init(provider: provider, placements: placements, placed: placedParticipants, own: Set(placements.map(\.placement.participant)),
                  today: today, revealOtherProviders: revealOtherProviders)
    }

    private init(provider: OrganisationNumber, placements: [PlacementCalendar], placed: Set<ParticipantCode>, own: Set<ParticipantCode>,
                 today: LocalDate, revealOtherProviders: Bool) {
        self.provider = provider
        self.today = today
        self.revealOtherProviders = revealOtherProviders
        byParticipant = Dictionary(grouping: placements.filter { !$0.placement.isCancelled }, by: \.placement.participant)
        self.placed = placed
        self.own = own
    }

    private func isPlacedElsewhere(_ code: ParticipantCode) -> Bool {
        placed.contains(code) && !own.contains(code)
    }

    /// The last row's participant as the file wrote it, and what it was found to be: a file's rows
    /// come participant by participant, and each row's code was parsed and looked up again.
    public struct RecentParticipant: Sendable {
        fileprivate var text: String?
        fileprivate var code: ParticipantCode?
        fileprivate var calendars: [PlacementCalendar]?

        public init() {}
    }

    /// The checked entry, or every problem of the row.
    public func check(_ row: AttendanceRow) -> Result<AttendanceEntry, TunetError> {
        var recent = RecentParticipant()
        return check(row, recent: &recent)
    }

    /// The checked entry, or every problem of the row; `recent` carries the participant from row to row.
    public func check(_ row: AttendanceRow, recent: inout RecentParticipant) -> Result<AttendanceEntry, TunetError> {
        var problems = ProblemCollector(row: row.row)
        if let organisation = row.organisationNumber?.trimmingWhitespace(), !organisation.isEmpty, organisation != provider.digits {
            switch OrganisationNumber.parse(organisation) {
            case .success(let number) where number != provider:
                problems.add("organisation_number", organisation, Message("rules.attendance.other_farm", ["named": .text(number.digits), "provider": .text(provider.digits)]))
            case .failure(let reason): problems.add("organisation_number", organisation, reason.message)
            default: break
            }
        }
        let status = AttendanceStatus(name: row.status)
        if status == nil {
            let statuses = MessageValue.label("rules.attendance.statuses")
            if !row.status.trimmingWhitespace().isEmpty {
                problems.add("status", row.status, Message("rules.attendance.status_unknown", ["text": .text(row.status.trimmingWhitespace()), "statuses": statuses]))
            } else if case let filled = row.filledFieldsBesidesStatus, !filled.isEmpty {
                problems.add("status", row.status, Message("rules.attendance.status_missing_filled", ["filled": .list(filled.map { .text($0) }), "statuses": statuses]))
            } else {
                problems.add("status", row.status, Message("rules.attendance.status_missing", ["statuses": statuses]))
            }
        }
        var hours: Int?
        if let text = row.hours?.trimmingWhitespace(), !text.isEmpty {
            switch IndexValue.parse(text) {   // one decimal, like index values: 4, 4.5, 4,5
            case .success(let value) where value.tenths <= Int64(Self.maximumHours * 10): hours = Int(value.tenths)
            default:
                if text == "0" || text == "0,0" || text == "0.0" { hours = 0 } else {
                    problems.add("hours", text, Message("rules.attendance.hours", ["maximum": .integer(Self.maximumHours)]))
                }
            }
        }
        var trips: Int?
        if let text = row.transportTrips?.trimmingWhitespace(), !text.isEmpty {
            if let value = Int(digitsOnly: text), value <= Self.maximumTrips { trips = value } else {
                problems.add("transport_trips", text, Message("rules.attendance.trips", ["maximum": .integer(Self.maximumTrips)]))
            }
        }
        var extra = false
        if let text = row.extraDay?.trimmingWhitespace().lowercased(), !text.isEmpty {
            switch text {
            case "ja", "j", "yes", "y", "x", "1", "true", "ekstra": extra = true
            case "nei", "n", "no", "0", "false": extra = false
            default: problems.add("extra_day", text, Message("rules.attendance.extra_day"))
            }
        }
        var date: LocalDate?
        switch LocalDate.parse(row.date) {
        case .success(let parsed):
            date = parsed
            if parsed > today { problems.add("date", parsed.iso, Message("rules.attendance.future")) }
        case .failure(let problem): problems.add("date", row.date, problem.reason)
        }
        var placement: PlacementCalendar?
        let participant: Result<ParticipantCode, FieldReason>
        if let text = recent.text, text == row.participant, let code = recent.code {
            participant = .success(code)
        } else {
            participant = ParticipantCode.parse(row.participant)
            recent = RecentParticipant()
            if case .success(let code) = participant {
                recent.text = row.participant
                recent.code = code
                recent.calendars = byParticipant[code]
            }
        }
        switch participant {
        case .failure(let reason): problems.add("participant", row.participant, reason.message)
        case .success(let code):
            if let calendars = recent.calendars {
                if let date {
                    placement = calendars.first { $0.placement.start <= date && date <= $0.placement.end }
                    if placement == nil {
                        let periods = calendars.map { MessageValue.message(Message("rules.period", ["start": .date($0.placement.start), "end": .date($0.placement.end)])) }
                        problems.add("date", date.iso, Message("rules.attendance.not_placed_on", ["participant": .text(code.text), "date": .date(date), "periods": .list(periods)]))
                    }
                }
            } else if revealOtherProviders && isPlacedElsewhere(code) {
                problems.add("participant", code.text, Message("rules.attendance.placed_elsewhere", ["participant": .text(code.text), "provider": .text(provider.digits)]))
            } else {
                problems.add("participant", code.text, Message("rules.attendance.unknown_participant", ["participant": .text(code.text)]))
            }
        }
        if let placement, let date, !placement.plannedDays.contains(date.dayNumber) {
            let why = Self.whyNotPlanned(date, placement.placement)
            if !extra {
                problems.add("date", date.iso, Message("rules.attendance.not_planned", ["date": .date(date), "participant": .text(placement.placement.participant.text), "why": .message(why)]))
            } else if !placement.allowsExtraDays {
                problems.add("extra_day", "ja", Message("rules.attendance.no_extra_days", ["reference": .text(placement.placement.agreementReference), "date": .date(date), "why": .message(why)]))
            }
        }
        guard problems.isEmpty, let status, let date, let placement else { return .failure(.invalidInput(problems.problems)) }
        return .success(AttendanceEntry(placementId: placement.placement.id, participant: placement.placement.participant, date: date,
                                        status: status, hoursTenths: hours, transportTrips: trips, extraDay: extra && !placement.plannedDays.contains(date.dayNumber)))
    }

    static func whyNotPlanned(_ date: LocalDate, _ placement: Placement) -> Message {
        if let holiday = NorwegianCalendar.publicHoliday(date) { return Message("rules.not_planned.public_holiday", ["holiday": holiday.labelValue]) }
        if date.weekday.rawValue >= 6 { return Message("rules.not_planned.weekend") }
        if !placement.weekdays.contains(date.weekday) { return Message("rules.not_planned.weekdays", ["weekdays": placement.weekdays.labelValue]) }
        return Message("rules.not_planned.school_holiday")
    }
}
