import Testing
@testable import TunetDomain
import TunetTestSupport

private func provider(approved: String?, audit: String?) throws -> Provider {
    var form = ProviderForm([
        .organisationNumber: "974760673", .name: "Lia gård", .municipalityNumber: "3303",
        .targetGroups: "pupils", .placesPerDay: "4", .openWeekdays: "mon-fri",
    ])
    form[.iptApprovalDate] = approved
    form[.nextExternalAuditDate] = audit
    return try form.provider()
}

@Suite("The approval state is derived from the approval and audit dates")
struct ApprovalStateTests {
    let today = LocalDate(year: 2026, month: 11, day: 23)!

    @Test("An audit due more than 90 days ahead is valid; 90 days or less is expiring")
    func warningWindowEdges() throws {
        let rule = ApprovalRule.standard
        #expect(rule.state(of: try provider(approved: "2025-01-01", audit: today.adding(days: 91).iso), on: today) == .valid)
        #expect(rule.state(of: try provider(approved: "2025-01-01", audit: today.adding(days: 90).iso), on: today) == .expiring)
        #expect(rule.state(of: try provider(approved: "2025-01-01", audit: today.iso), on: today) == .expiring)
    }

    @Test("An audit due yesterday is overdue")
    func overdue() throws {
        #expect(ApprovalRule.standard.state(of: try provider(approved: "2024-01-01", audit: today.adding(days: -1).iso), on: today) == .auditOverdue)
    }

    @Test("Without a recorded audit date, the audit is due two years after approval")
    func defaultAuditInterval() throws {
        let farm = try provider(approved: "2025-02-10", audit: nil)
        #expect(ApprovalRule.standard.externalAuditDue(for: farm) == LocalDate(year: 2027, month: 2, day: 10))
        #expect(ApprovalRule.standard.state(of: farm, on: today) == .expiring)
        #expect(ApprovalRule.standard.state(of: try provider(approved: "2024-11-22", audit: nil), on: today) == .auditOverdue)
    }

    @Test("No approval date, or one in the future, means not approved")
    func notApproved() throws {
        #expect(ApprovalRule.standard.state(of: try provider(approved: nil, audit: nil), on: today) == .notApproved)
        #expect(ApprovalRule.standard.state(of: try provider(approved: "2026-12-01", audit: "2028-12-01"), on: today) == .notApproved)
    }
}

@Suite("Provider forms")
struct ProviderFormTests {
    @Test("A new provider needs every required field, and all missing fields are reported at once")
    func requiredFields() {
        do {
            _ = try ProviderForm([.organisationNumber: "974760673"]).provider()
            Issue.record("accepted an incomplete provider")
        } catch {
            let fields = error.problems.map(\.field)
            #expect(fields == ["name", "municipality_number", "target_groups", "places_per_day", "open_weekdays"])
        }
    }

    @Test("An update changes only the given fields, and an empty text clears an optional one")
    func updates() throws {
        let original = try provider(approved: "2025-01-01", audit: "2027-01-01")
        var withEmail = original
        withEmail.email = "post@lia.no"
        let changed = try ProviderForm([.email: "", .placesPerDay: "6"]).provider(updating: withEmail)
        #expect(changed.email == nil)
        #expect(changed.placesPerDay == 6)
        #expect(changed.name == original.name)
        #expect(changed.iptApprovalDate == original.iptApprovalDate)
    }

    @Test("An update cannot empty a required field")
    func cannotEmptyRequired() throws {
        let original = try provider(approved: nil, audit: nil)
        #expect(throws: TunetError.self) { try ProviderForm([.name: ""]).provider(updating: original) }
        #expect(throws: TunetError.self) { try ProviderForm([.municipalityNumber: ""]).provider(updating: original) }
    }

    @Test("Each bad field is named with its reason", arguments: [
        (ProviderForm.Field.email, "post.lia.no", "e-mail"),
        (.phone, "12", "phone number"),
        (.placesPerDay, "0", "from 1 to 200"),
        (.placesPerDay, "four", "whole number"),
        (.farmNumber, "12-3", "gnr/bnr"),
        (.producerNumber, "12a", "digits only"),
        (.targetGroups, "elderly", "not a target group"),
        (.iptApprovalDate, "2026-02-30", "not a day in the calendar"),
        (.name, "Lia\tgård", "control character"),
    ])
    func namesBadFields(_ field: ProviderForm.Field, _ value: String, _ expected: String) throws {
        var form = ProviderForm([
            .organisationNumber: "974760673", .name: "Lia gård", .municipalityNumber: "3303",
            .targetGroups: "pupils", .placesPerDay: "4", .openWeekdays: "mon-fri",
        ])
        form[field] = value
        do {
            _ = try form.provider()
            Issue.record("accepted \(field.rawValue) = \(value)")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.field == field.rawValue)
            #expect(error.problems.first?.reason.english.contains(expected) == true, "\(error.message)")
        }
    }

    @Test("An external audit before the approval is refused")
    func auditBeforeApproval() {
        #expect(throws: TunetError.self) { try provider(approved: "2026-01-01", audit: "2025-12-31") }
    }
}

@Suite("Police certificate")
struct PoliceCertificateRuleTests {
    func farm(certificate: String?) throws -> Provider {
        var provider = Provider(organisationNumber: try OrganisationNumber.parse("974760673").get(), name: "Lia gård",
                                municipalityNumber: "3303", targetGroups: [.pupils], placesPerDay: 2, openWeekdays: .workdays)
        provider.policeCertificateDate = try certificate.map { try LocalDate.parse($0).get() }
        return provider
    }

    func day(_ text: String) throws -> LocalDate { try LocalDate.parse(text).get() }

    @Test("Valid for three years from its date, through the day before: 1 June 2025 through 31 May 2028")
    func validity() throws {
        let rule = PoliceCertificateRule.standard
        let provider = try farm(certificate: "2025-06-01")
        #expect(rule.lastValidDay(of: provider) == (try day("2028-05-31")))
        #expect(rule.isValid(provider, on: try day("2025-06-01")))
        #expect(!rule.isValid(provider, on: try day("2025-05-31")))   // dated after the day asked about
        #expect(rule.isValid(provider, on: try day("2028-05-31")))
        #expect(!rule.isValid(provider, on: try day("2028-06-01")))
        #expect(rule.state(of: provider, on: try day("2028-06-01")) == .expired)
        #expect(rule.state(of: try farm(certificate: nil), on: try day("2026-01-01")) == .missing)
        #expect(rule.lastValidDay(of: try farm(certificate: "2024-02-29")) == (try day("2027-02-28")))
    }

    @Test("Expiring when its last valid day is 90 days away or less, not 91")
    func expiring() throws {
        let rule = PoliceCertificateRule.standard
        let provider = try farm(certificate: "2025-06-01")
        #expect(rule.state(of: provider, on: try day("2028-03-02")) == .expiring)   // 90 days before 31 May
        #expect(rule.state(of: provider, on: try day("2028-03-01")) == .valid)      // 91 days
    }
}
