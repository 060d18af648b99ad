import Testing
@testable import TunetDomain

/// Lia gård, approved 1 June 2025 with its external audit due 1 June 2027, a police certificate of
/// 1 June 2025 (valid through 31 May 2028) and insurance through 31 December 2026.
private func farm(certificate: String? = "2025-06-01", insuredTo insurance: String? = "2026-12-31") throws -> Provider {
    var form = ProviderForm([
        .organisationNumber: "974760673", .name: "Lia gård", .municipalityNumber: "3303",
        .targetGroups: "pupils,dementia", .placesPerDay: "4", .openWeekdays: "mon-fri",
        .iptApprovalDate: "2025-06-01", .nextExternalAuditDate: "2027-06-01",
    ])
    form[.policeCertificateDate] = certificate
    form[.insuranceExpiry] = insurance
    return try form.provider()
}

private func day(_ text: String) throws -> LocalDate { try LocalDate.parse(text).get() }

@Suite("What a municipality requires of a farm")
struct ProviderComplianceTests {
    let rules = ProviderCompliance.standard

    @Test("A farm's standing: approval, the audit's due day, insurance and police certificate on one day")
    func standing() throws {
        let standing = rules.standing(of: try farm(), on: try day("2026-11-23"))
        #expect(standing == ComplianceStanding(approval: .valid, externalAuditDue: try day("2027-06-01"), insurance: .expiring,
                                               policeCertificate: .valid))
        #expect(rules.standing(of: try farm(certificate: nil, insuredTo: nil), on: try day("2026-01-10")).insurance == .unknown)
        #expect(rules.standing(of: try farm(certificate: nil, insuredTo: nil), on: try day("2026-01-10")).policeCertificate == .missing)
    }

    @Test("A pupil placement needs a police certificate valid on its first day: the last valid day takes it, the day after does not")
    func policeCertificateEdge() throws {
        #expect(rules.obstacles(try farm(insuredTo: nil), kind: .pupil, start: try day("2028-05-31")).map(\.key) == ["rules.obstacle.audit_overdue"])
        let after = rules.obstacles(try farm(insuredTo: nil), kind: .pupil, start: try day("2028-06-01")).map(\.key)
        #expect(after == ["rules.obstacle.audit_overdue", "rules.obstacle.police_certificate_invalid"])
        #expect(rules.obstacles(try farm(certificate: nil), kind: .pupil, start: try day("2026-03-02")).map(\.key)
                == ["rules.obstacle.police_certificate_missing"])
        #expect(rules.obstacles(try farm(certificate: nil), kind: .dementia, start: try day("2026-03-02")).isEmpty)
    }

    @Test("Insurance covers its expiry day; a placement starting the day after is refused")
    func insuranceEdge() throws {
        #expect(rules.obstacles(try farm(), kind: .dementia, start: try day("2026-12-31")).isEmpty)
        #expect(rules.obstacles(try farm(), kind: .dementia, start: try day("2027-01-01")).map(\.key) == ["rules.obstacle.insurance_expired"])
        #expect(rules.obstacles(try farm(insuredTo: nil), kind: .dementia, start: try day("2027-01-01")).isEmpty)
    }

    @Test("The approval takes a placement up to the audit's due day and not after; none before the approval date")
    func approvalEdge() throws {
        #expect(rules.obstacles(try farm(insuredTo: nil), kind: .dementia, start: try day("2027-06-01")).isEmpty)
        #expect(rules.obstacles(try farm(insuredTo: nil), kind: .dementia, start: try day("2027-06-02")).map(\.key) == ["rules.obstacle.audit_overdue"])
        #expect(rules.obstacles(try farm(insuredTo: nil), kind: .dementia, start: try day("2025-05-31")).map(\.key) == ["rules.obstacle.no_approval"])
    }

    @Test("The audit is due for renewal within the warning window or once past; not a day earlier")
    func auditDue() throws {
        let due = try day("2027-06-01")
        #expect(rules.auditDue(try farm(), on: due.adding(days: -91)) == nil)
        #expect(rules.auditDue(try farm(), on: due.adding(days: -90)) == due)
        #expect(rules.auditDue(try farm(), on: due.adding(days: 30)) == due)
        let sixty = rules.warning(approvalDays: 60, insuranceDays: 90, policeCertificateDays: 90)
        #expect(sixty.auditDue(try farm(), on: due.adding(days: -61)) == nil)
        #expect(sixty.auditDue(try farm(), on: due.adding(days: -60)) == due)
    }

    @Test("Insurance is to renew while expiring or expired, not while valid or unrecorded")
    func insuranceRenewal() throws {
        let expiry = try day("2026-12-31")
        #expect(rules.insuranceRenewal(try farm(), on: expiry.adding(days: -91)) == nil)
        #expect(rules.insuranceRenewal(try farm(), on: expiry.adding(days: -90))?.state == .expiring)
        #expect(rules.insuranceRenewal(try farm(), on: expiry.adding(days: 1))?.state == .expired)
        #expect(rules.insuranceRenewal(try farm(), on: expiry.adding(days: 1))?.expiry == expiry)
        #expect(rules.insuranceRenewal(try farm(insuredTo: nil), on: expiry) == nil)
    }

    @Test("A police certificate is to renew from the warning window on, or to collect when there is none; a shorter window keeps its validity")
    func policeCertificateRenewal() throws {
        let last = try day("2028-05-31")
        #expect(rules.policeCertificateRenewal(try farm(), on: last.adding(days: -91)) == nil)
        #expect(rules.policeCertificateRenewal(try farm(), on: last.adding(days: -90))?.lastValidDay == last)
        #expect(rules.policeCertificateRenewal(try farm(certificate: nil), on: last)?.state == .missing)
        #expect(rules.policeCertificateRenewal(try farm(certificate: nil), on: last)?.lastValidDay == nil)
        let thirty = rules.warning(approvalDays: 90, insuranceDays: 90, policeCertificateDays: 30)
        #expect(thirty.policeCertificateRenewal(try farm(), on: last.adding(days: -31)) == nil)
        #expect(thirty.policeCertificateRenewal(try farm(), on: last.adding(days: -30))?.state == .expiring)
        #expect(thirty.policeCertificate.validityYears == 3)
    }
}
