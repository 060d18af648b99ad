import Testing
@testable import TunetDomain
import TunetTestSupport

/// A row of the template the farm did not fill in reports nothing; one it began to fill in is an error.
@Suite("Rows left without a status")
struct UnreportedRowTests {
    private func row(status: String = "", hours: String? = nil, trips: String? = nil, extra: String? = nil) -> AttendanceRow {
        AttendanceRow(row: 7, organisationNumber: "974760673", participant: "P-2026-0101", date: "04.05.2026", status: status, hours: hours,
                      transportTrips: trips, extraDay: extra)
    }

    @Test("no status and nothing else filled in (blank or only spaces, or no such columns) is left unreported, whatever the identity says")
    func leftEmpty() {
        #expect(row().isLeftUnreported)
        #expect(row(status: "  ", hours: "", trips: " ", extra: "").isLeftUnreported)
        // Spaces beyond ASCII and a line break written as CRLF (one character) are blank too.
        #expect(row(status: "\u{00A0}\u{2003}", hours: "\r\n", trips: "\t").isLeftUnreported)
        #expect(AttendanceRow(row: 2, organisationNumber: nil, participant: "P-9999", date: "not a date", status: "", hours: nil,
                              transportTrips: nil, extraDay: nil).isLeftUnreported)
    }

    @Test("a status, or any of hours, trips and extra day, makes the row a report to check")
    func filledIn() {
        #expect(!row(status: "M").isLeftUnreported)
        #expect(!row(status: "X").isLeftUnreported)
        #expect(!row(status: " \tM").isLeftUnreported)
        #expect(!row(status: "\u{00A0}møtt").isLeftUnreported)
        #expect(!row(status: "M\u{0301}").isLeftUnreported)
        #expect(!row(hours: "0").isLeftUnreported)
        #expect(!row(trips: "2").isLeftUnreported)
        #expect(!row(extra: "nei").isLeftUnreported)
        #expect(row(hours: "4,5", trips: "2").filledFieldsBesidesStatus == ["hours", "transport_trips"])
        #expect(row(extra: "ja").filledFieldsBesidesStatus == ["extra_day"])
        #expect(row(status: "M").filledFieldsBesidesStatus.isEmpty)
    }

    @Test("a row with hours but no status is refused on its status, saying what the row has and how to leave the day out")
    func halfFilledIsAnError() throws {
        let farm = try OrganisationNumber.parse("974760673").get()
        let validator = AttendanceValidator(provider: farm, placements: [], otherParticipants: [],
                                            today: LocalDate(year: 2026, month: 6, day: 10)!, revealOtherProviders: false)
        guard case .failure(let error) = validator.check(row(hours: "5")) else {
            Issue.record("a row with hours and no status was accepted")
            return
        }
        let status = error.problems.first { $0.field == "status" }
        #expect(status?.row == 7)
        #expect(status?.reason.english == "the status is missing, but the row has hours filled in; use M (møtt), FM (fravær meldt), FU (fravær umeldt) or AT (avlyst av tilbyder), or empty the row to leave the day unreported")
        guard case .failure(let bare) = validator.check(row()) else { return }
        #expect(bare.problems.first { $0.field == "status" }?.reason.english
            == "the status is missing; use M (møtt), FM (fravær meldt), FU (fravær umeldt) or AT (avlyst av tilbyder)")
    }
}
