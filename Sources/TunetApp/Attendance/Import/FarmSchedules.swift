import Synchronization
import TunetDomain
import TunetStorage

/// What checking and pricing a farm's attendance needs from the database: its placements with their
/// planned days, and their agreements.
struct FarmSchedules: Sendable {
    let calendars: [AttendanceValidator.PlacementCalendar]
    let agreements: [String: Agreement]

    init(reader: StoreReader, provider: OrganisationNumber) throws {
        let placements = try reader.placements(provider: provider)
        var agreements: [String: Agreement] = [:]
        var holidays: [String: [SchoolHoliday]] = [:]
        var calendars: [AttendanceValidator.PlacementCalendar] = []
        for placement in placements {
            if agreements[placement.agreementReference] == nil {
                agreements[placement.agreementReference] = try reader.agreement(placement.agreementReference)
            }
            if holidays[placement.municipalityNumber] == nil {
                holidays[placement.municipalityNumber] = try reader.schoolHolidays(municipality: placement.municipalityNumber)
            }
            let days = PlacementPlanner.plannedDaySet(weekdays: placement.weekdays, from: placement.start, to: placement.end, kind: placement.kind,
                                                          schoolHolidays: holidays[placement.municipalityNumber] ?? [])
            calendars.append(.init(placement: placement, allowsExtraDays: agreements[placement.agreementReference]?.allowsExtraDays ?? false,
                                   plannedDays: days))
        }
        self.calendars = calendars
        self.agreements = agreements
    }
}

/// Farms' calendars kept from one upload to the next in a long-running service: loading them again for
/// every upload was a tenth of its work (BENCHMARKS.md). An entry holds while no audit event other than
/// a submission has been recorded since it was loaded, since every change to farms, placements,
/// agreements and school calendars is one; submissions change none of them.
final class FarmScheduleCache: Sendable {
    private struct Entry: Sendable {
        /// The newest audit event when the calendars were loaded or last found current.
        var stamp: Int64
        let calendars: FarmSchedules
    }

    private let entries = Mutex<[OrganisationNumber: Entry]>([:])
    private let loadCount = Mutex(0)

    /// How many times calendars were loaded from the database rather than found here.
    var loads: Int { loadCount.withLock { $0 } }

    /// Lets go of every farm's calendars.
    func empty() {
        entries.withLock { $0 = [:] }
    }

    /// The farm's calendars as `reader`'s snapshot sees them.
    func calendars(for provider: OrganisationNumber, reader: StoreReader) throws -> FarmSchedules {
        let newest = try reader.lastAuditEventId()
        if let entry = entries.withLock({ $0[provider] }), entry.stamp <= newest,
           try !reader.hasAuditEvents(after: entry.stamp, besides: AttendanceSubmission.auditEntity) {
            // Found current up to `newest`: the next look need only go back that far.
            entries.withLock { entries in
                if entries[provider]?.stamp == entry.stamp { entries[provider]?.stamp = newest }
            }
            return entry.calendars
        }
        let calendars = try FarmSchedules(reader: reader, provider: provider)
        loadCount.withLock { $0 += 1 }
        entries.withLock { entries in
            if (entries[provider]?.stamp ?? .min) <= newest { entries[provider] = Entry(stamp: newest, calendars: calendars) }
        }
        return calendars
    }
}
