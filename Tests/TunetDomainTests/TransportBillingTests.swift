import Foundation
import Testing
@testable import TunetDomain

/// The fixture's agreement: a full day NOK 1 000 and a trip NOK 200.
private func pricing(_ rule: AbsenceBillingRule, _ transport: TransportBilling, placementTransport: Bool = true) -> ReportedDayPricing {
    var agreement = PlannerFixture().agreement
    agreement.absenceRule = rule
    agreement.transportBilling = transport
    let provider = PlannerFixture.lia
    let placement = Placement(
        id: 1, participant: ParticipantCode(stored: "P-2026-0001"), kind: .dementia, agreementReference: "2026/1", provider: provider,
        municipalityNumber: "3303", weekdays: WeekdaySet([.tuesday, .thursday]), start: LocalDate(year: 2026, month: 1, day: 6)!,
        end: LocalDate(year: 2026, month: 12, day: 17)!, priceLine: "full_day", pupil: nil,
        dementia: DementiaDetails(decisionReference: "HO-2026/1", transport: placementTransport, relativeRole: nil),
        choice: ProviderChoice(method: .direct, provider: provider, rule: Message("rules.choice.direct"), inputs: nil, skipped: []),
        plannedDays: 0, projectedCost: .zero, ceilingOverrideReason: nil, cancelledReason: nil, createdOn: LocalDate(year: 2026, month: 1, day: 1)!)
    return ReportedDayPricing(agreement: agreement, placement: placement)
}

/// Tuesday 3 March 2026, a planned day, with `status` and the trips the farm reported.
private func transport(_ pricing: ReportedDayPricing, _ status: AttendanceStatus, trips: Int?) throws -> Money {
    let entry = AttendanceEntry(placementId: 1, participant: ParticipantCode(stored: "P-2026-0001"), date: LocalDate(year: 2026, month: 3, day: 3)!,
                                status: status, hoursTenths: nil, transportTrips: trips, extraDay: false)
    return try pricing.price(entry, planned: true).get().transport
}

/// The statuses each absence rule bills, written out rather than asked of the rule.
private let billedStatuses: [AbsenceBillingRule: Set<AttendanceStatus>] = [
    .presentOnly: [.present],
    .billUnannouncedAbsence: [.present, .absentWithoutNotice],
    .billAllAbsence: [.present, .absentWithoutNotice, .absentWithNotice],
]

@Suite("Which reported trips are billed: the agreement's transport billing with its absence rule")
struct TransportBillingTests {
    @Test("Billable days (the default): two reported trips are billed on a day the absence rule bills and on no other; never on a day the farm cancelled",
          arguments: AbsenceBillingRule.allCases, AttendanceStatus.allCases)
    func billableDays(_ rule: AbsenceBillingRule, _ status: AttendanceStatus) throws {
        let billed = billedStatuses[rule]!.contains(status)
        #expect(try transport(pricing(rule, .billableDays), status, trips: 2) == (billed ? .kroner(400) : .zero))
        #expect(try transport(pricing(rule, .billableDays), status, trips: 1) == (billed ? .kroner(200) : .zero))
        #expect(try transport(pricing(rule, .billableDays), status, trips: 0) == .zero)
        if status == .cancelledByProvider { #expect(try transport(pricing(rule, .billableDays), status, trips: 2) == .zero) }
    }

    @Test("As reported: every reported trip is billed whatever the day's status, a day the farm cancelled included",
          arguments: AbsenceBillingRule.allCases, AttendanceStatus.allCases)
    func asReported(_ rule: AbsenceBillingRule, _ status: AttendanceStatus) throws {
        #expect(try transport(pricing(rule, .asReported), status, trips: 2) == .kroner(400))
        #expect(try transport(pricing(rule, .asReported), status, trips: 1) == .kroner(200))
        #expect(try transport(pricing(rule, .asReported), status, trips: 0) == .zero)
    }

    @Test("With no trips reported, the placement's own two trips are billed on a present day only, under either setting",
          arguments: AbsenceBillingRule.allCases, TransportBilling.allCases)
    func placementTrips(_ rule: AbsenceBillingRule, _ setting: TransportBilling) throws {
        for status in AttendanceStatus.allCases {
            #expect(try transport(pricing(rule, setting), status, trips: nil) == (status == .present ? .kroner(400) : .zero), "\(status)")
            #expect(try transport(pricing(rule, setting, placementTransport: false), status, trips: nil) == .zero, "\(status)")
        }
    }

    @Test("The setting decides transport only: the day's own price follows the absence rule alone",
          arguments: AbsenceBillingRule.allCases, TransportBilling.allCases)
    func dayPriceUnaffected(_ rule: AbsenceBillingRule, _ setting: TransportBilling) throws {
        for status in AttendanceStatus.allCases {
            let entry = AttendanceEntry(placementId: 1, participant: ParticipantCode(stored: "P-2026-0001"),
                                        date: LocalDate(year: 2026, month: 3, day: 3)!, status: status, hoursTenths: nil, transportTrips: 2, extraDay: false)
            let day = try pricing(rule, setting).price(entry, planned: true).get()
            #expect(day.dayPrice == (billedStatuses[rule]!.contains(status) ? .kroner(1_000) : .zero), "\(status)")
            #expect(day.plannedCost == .kroner(1_400), "\(status)")
        }
    }

    @Test("The setting is read from its code or a Norwegian word; the default is billable days; anything else is refused")
    func parsing() throws {
        #expect(TransportBilling(name: "billable_days") == .billableDays)
        #expect(TransportBilling(name: "Som rapportert") == .asReported)
        #expect(TransportBilling(name: "as-reported") == .asReported)
        #expect(TransportBilling(name: "always") == nil)
        var form = agreementForm()
        #expect(try form.agreement().0.transportBilling == .billableDays)
        form.transportBilling = "as_reported"
        #expect(try form.agreement().0.transportBilling == .asReported)
        form.transportBilling = "always"
        #expect(refusal(form).map(\.field) == ["transport-billing"])
        #expect(refusal(form).first?.reason.key == "rules.agreement.transport_billing_unknown")
    }

    @Test("An agreement written before the setting existed (an earlier audit snapshot) reads as billing trips on billable days")
    func earlierSnapshot() throws {
        var agreement = try agreementForm().agreement().0
        agreement.transportBilling = .asReported
        let json = try String(decoding: JSONEncoder().encode(agreement), as: UTF8.self)
        #expect(json.contains("\"transport_billing\":\"as_reported\""))
        let earlier = json.replacingOccurrences(of: ",\"transport_billing\":\"as_reported\"", with: "")
            .replacingOccurrences(of: "\"transport_billing\":\"as_reported\",", with: "")
        #expect(!earlier.contains("transport_billing"))
        #expect(try JSONDecoder().decode(Agreement.self, from: Data(earlier.utf8)).transportBilling == .billableDays)
    }
}
