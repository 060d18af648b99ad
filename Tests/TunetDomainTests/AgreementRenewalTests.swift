import Testing
@testable import TunetDomain
import TunetTestSupport

/// Kongsberg's agreement: 2024-01-01 to 2025-12-31, options of 12 months to decide by 2025-09-30 and 2026-09-30.
private func kongsberg(exercised: Int = 0, withOptions: Bool = true) throws -> Agreement {
    var form = agreementForm()
    if !withOptions { form.options = [] }
    var agreement = try form.agreement().0
    for index in 0..<exercised { agreement.options[index].exercisedOn = agreement.options[index].decisionDeadline.adding(days: -10) }
    return agreement
}

private func day(_ text: String) -> LocalDate { try! LocalDate.parse(text).get() }

@Suite("An agreement that runs out needs a new competition")
struct AgreementRenewalTests {
    @Test("Kongsberg's 2023/4512 on 2 December 2026: ends 2026-12-31 and option 2's deadline 2026-09-30 was missed")
    func demoAgreement() throws {
        let need = try #require(RenewalRule.standard.need(of: try kongsberg(exercised: 1), on: day("2026-12-02")))
        #expect(need.end == day("2026-12-31"))
        #expect(need.reason == .optionDeadlinePassed(option: 2, deadline: day("2026-09-30")))
        #expect(need.message.english == "the decision deadline of option 2 (2026-09-30) has passed")
    }

    @Test("The lead time: raised 270 days before the end, not 271")
    func leadTimeEdge() throws {
        let agreement = try kongsberg(withOptions: false)
        #expect(RenewalRule.standard.need(of: agreement, on: day("2025-12-31").adding(days: -271)) == nil)
        let need = try #require(RenewalRule.standard.need(of: agreement, on: day("2025-12-31").adding(days: -270)))
        #expect(need.reason == .noOptionLeft)
        #expect(need.message.english == "it has no option left to extend it")
        #expect(RenewalRule(leadDays: 30).need(of: agreement, on: day("2025-11-30")) == nil)   // 31 days
        #expect(RenewalRule(leadDays: 30).need(of: agreement, on: day("2025-12-01")) != nil)   // 30 days
    }

    @Test("An option that can still be decided today is a way on; from the day after its deadline it is not")
    func deadlineEdge() throws {
        let agreement = try kongsberg()
        #expect(RenewalRule.standard.need(of: agreement, on: day("2025-09-30")) == nil)
        #expect(RenewalRule.standard.need(of: agreement, on: day("2025-10-01"))?.reason
            == .optionDeadlinePassed(option: 1, deadline: day("2025-09-30")))
    }

    @Test("Every option exercised leaves none")
    func allExercised() throws {
        let need = try #require(RenewalRule.standard.need(of: try kongsberg(exercised: 2), on: day("2027-06-01")))
        #expect(need.end == day("2027-12-31"))
        #expect(need.reason == .noOptionLeft)
    }

    @Test("Raised up to the last day; not for an agreement that has ended or was terminated")
    func endedOrTerminated() throws {
        var agreement = try kongsberg(withOptions: false)
        #expect(RenewalRule.standard.need(of: agreement, on: day("2025-12-31")) != nil)
        #expect(RenewalRule.standard.need(of: agreement, on: day("2026-01-01")) == nil)
        agreement.terminatedOn = day("2025-11-01")
        #expect(RenewalRule.standard.need(of: agreement, on: day("2025-10-01")) == nil)
    }
}
