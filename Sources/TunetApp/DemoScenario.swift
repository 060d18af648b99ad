import Foundation
import TunetDomain
import TunetStore

public struct DemoReport: Sendable, Encodable {
    public let database: String
    public let providers: Int
    public let approvalStates: [String: Int]
    public let municipalities: [String]
    public let agreements: [String]
    public let indexMonths: Int

    enum CodingKeys: String, CodingKey {
        case database, providers, municipalities, agreements
        case approvalStates = "approval_states"
        case indexMonths = "kpi_months"
    }
}

/// A realistic demo database: Kongsberg's six farms, farms in the Nordland pupil pilot
/// (Bodø, Hadsel, Meløy, Sortland, Vågan) and in the Oslo and Viken dementia pilot. All farms are
/// fictional; their organisation numbers pass the mod-11 check. Dates are relative to today so that
/// the approval states stay mixed whenever the demo is built.
public enum DemoScenario {
    struct Farm {
        let prefix: Int
        let name: String
        let contact: String
        let municipality: String
        let address: String
        let groups: String
        let places: Int
        let weekdays: String
        /// Days from today to the next external audit; nil for a farm not (yet) approved.
        let auditInDays: Int?
        let policeCertificateAgeDays: Int?
        let suspendedBecause: String?
    }

    static let farms: [Farm] = [
        Farm(prefix: 91_234_560, name: "Lia gård", contact: "Kari Lia", municipality: "3303", address: "Liavegen 12, 3614 Kongsberg",
             groups: "pupils,dementia", places: 4, weekdays: "mon-fri", auditInDays: 420, policeCertificateAgeDays: 200, suspendedBecause: nil),
        Farm(prefix: 91_234_570, name: "Haugen gård", contact: "Per Haugen", municipality: "3303", address: "Haugenvegen 3, 3618 Skollenborg",
             groups: "dementia", places: 6, weekdays: "mon-thu", auditInDays: 300, policeCertificateAgeDays: nil, suspendedBecause: nil),
        Farm(prefix: 91_234_580, name: "Skrubbmoen gård", contact: "Anne Skrubbmoen", municipality: "3303", address: "Skrubbmoen 7, 3619 Kongsberg",
             groups: "pupils", places: 3, weekdays: "tue,thu", auditInDays: 45, policeCertificateAgeDays: 500, suspendedBecause: nil),
        Farm(prefix: 91_234_590, name: "Nordre Jondal", contact: "Ola Jondal", municipality: "3303", address: "Jondalsvegen 41, 3630 Rødberg",
             groups: "pupils,dementia", places: 5, weekdays: "mon-fri", auditInDays: 600, policeCertificateAgeDays: 90, suspendedBecause: nil),
        Farm(prefix: 91_234_600, name: "Søndre Ås gård", contact: "Ingrid Ås", municipality: "3303", address: "Åsvegen 20, 3614 Kongsberg",
             groups: "dementia", places: 4, weekdays: "mon-thu", auditInDays: -20, policeCertificateAgeDays: nil, suspendedBecause: nil),
        Farm(prefix: 91_234_610, name: "Bergsetra", contact: "Nils Berg", municipality: "3303", address: "Bergsetervegen 2, 3626 Rollag",
             groups: "pupils", places: 2, weekdays: "wed", auditInDays: 250, policeCertificateAgeDays: nil, suspendedBecause: nil),
        Farm(prefix: 92_345_610, name: "Strand gård", contact: "Sigrid Strand", municipality: "1866", address: "Strandvegen 5, 8450 Stokmarknes",
             groups: "pupils", places: 3, weekdays: "mon,wed", auditInDays: 380, policeCertificateAgeDays: 120, suspendedBecause: nil),
        Farm(prefix: 92_345_620, name: "Fjellheim gård", contact: "Tor Fjellheim", municipality: "1837", address: "Fjellheimveien 9, 8150 Ørnes",
             groups: "pupils", places: 2, weekdays: "tue,thu", auditInDays: 60, policeCertificateAgeDays: 300, suspendedBecause: nil),
        Farm(prefix: 92_345_630, name: "Holmen gård", contact: "Randi Holmen", municipality: "1870", address: "Holmveien 14, 8400 Sortland",
             groups: "pupils,other", places: 4, weekdays: "mon-fri", auditInDays: 500, policeCertificateAgeDays: 30, suspendedBecause: nil),
        Farm(prefix: 92_345_640, name: "Kleppstad gård", contact: "Bjørn Kleppstad", municipality: "1865", address: "Kleppstadveien 1, 8310 Kabelvåg",
             groups: "pupils", places: 3, weekdays: "mon,tue", auditInDays: nil, policeCertificateAgeDays: nil, suspendedBecause: nil),
        Farm(prefix: 92_345_650, name: "Saltstraumen gård", contact: "Hege Saltnes", municipality: "1804", address: "Straumveien 33, 8056 Saltstraumen",
             groups: "pupils", places: 4, weekdays: "mon-thu", auditInDays: 200, policeCertificateAgeDays: 150,
             suspendedBecause: "Insurance documents not received after two reminders"),
        Farm(prefix: 93_456_710, name: "Nedre Vikersund gård", contact: "Marit Vik", municipality: "3316", address: "Vikersundgata 50, 3370 Vikersund",
             groups: "dementia", places: 6, weekdays: "mon-fri", auditInDays: 330, policeCertificateAgeDays: nil, suspendedBecause: nil),
        Farm(prefix: 93_456_720, name: "Ulsåk gård", contact: "Knut Ulsåk", municipality: "3326", address: "Ulsåkvegen 4, 3560 Hemsedal",
             groups: "dementia", places: 4, weekdays: "tue-thu", auditInDays: 80, policeCertificateAgeDays: nil, suspendedBecause: nil),
        Farm(prefix: 93_456_730, name: "Torp gård", contact: "Liv Torp", municipality: "3107", address: "Torpveien 17, 1640 Råde",
             groups: "dementia", places: 5, weekdays: "mon-fri", auditInDays: 450, policeCertificateAgeDays: nil, suspendedBecause: nil),
        Farm(prefix: 93_456_740, name: "Fjell gård", contact: "Eirik Fjell", municipality: "3222", address: "Fjellveien 8, 1470 Lørenskog",
             groups: "dementia,other", places: 5, weekdays: "mon,wed,fri", auditInDays: 150, policeCertificateAgeDays: nil, suspendedBecause: nil),
        Farm(prefix: 93_456_750, name: "Sørbråten gård", contact: "Hanne Sørbråten", municipality: "0301", address: "Sørbråtenveien 100, 0891 Oslo",
             groups: "dementia", places: 8, weekdays: "mon-fri", auditInDays: 520, policeCertificateAgeDays: nil, suspendedBecause: nil),
    ]

    /// The first valid organisation number at or after `prefix` (eight digits) followed by its check digit.
    static func organisationNumber(from prefix: Int) -> OrganisationNumber {
        var candidate = prefix
        while true {
            if let number = OrganisationNumber.completing(String(candidate)) { return number }
            candidate += 1
        }
    }

    /// Builds the demo in `configuration`'s database. A database that already holds data is refused
    /// unless `replace` is given, which deletes the file first.
    public static func build(_ configuration: TunetConfiguration, replace: Bool) throws -> DemoReport {
        let path = configuration.databasePath
        if replace {
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                do {
                    try FileManager.default.removeItem(atPath: path + suffix)
                } catch {
                    throw TunetError.unwritableOutput(path: path + suffix, reason: "it could not be deleted (\(error.localizedDescription))")
                }
            }
        }
        let context = try configuration.context()
        let today = context.today
        try context.write { tx in
            let existing = try tx.providerCount()
            guard existing == 0 else {
                throw TunetError.conflict(
                    "The database '\(path)' already holds \(existing) providers; the demo is built only in an empty database. "
                        + "Use `tunet demo --replace` to delete it and start again, or choose another file with --database.")
            }
            for (index, farm) in farms.enumerated() {
                let number = organisationNumber(from: farm.prefix)
                var form = ProviderForm([
                    .organisationNumber: number.digits,
                    .name: farm.name,
                    .contactPerson: farm.contact,
                    .email: "post@\(number.digits).gard.example",
                    .phone: "4\(String(number.digits.suffix(7)))",
                    .address: farm.address,
                    .municipalityNumber: farm.municipality,
                    .producerNumber: "\(farm.municipality)\(String(format: "%04d", 100 + index))",
                    .farmNumber: "\(10 + index)/\(1 + index % 4)",
                    .targetGroups: farm.groups,
                    .placesPerDay: String(farm.places),
                    .openWeekdays: farm.weekdays,
                    .insuranceExpiry: today.adding(days: 120 + 30 * index).iso,
                ])
                if let auditInDays = farm.auditInDays {
                    let audit = today.adding(days: auditInDays)
                    form[.nextExternalAuditDate] = audit.iso
                    form[.iptApprovalDate] = audit.adding(years: -2).iso
                }
                if let age = farm.policeCertificateAgeDays {
                    form[.policeCertificateDate] = today.adding(days: -age).iso
                }
                var provider = try form.provider()
                try tx.insert(provider, note: "demo")
                if let reason = farm.suspendedBecause {
                    provider.status = .suspended
                    provider.statusReason = reason
                    try tx.update(provider, action: "suspend", note: reason)
                }
            }
            for (month, index) in illustrativeIndex(today: today) {
                try tx.setConsumerPriceIndex(month, index, note: "demo (illustrative values, not Statistics Norway's)")
            }
            try tx.insert(kongsbergAgreement(today: today), note: "demo: registered directly")
            for year in [today.year - 1, today.year] {
                _ = try PriceAdjustment.apply(year: year, reference: nil, reader: tx, tx: tx)
            }
        }
        let summaries = try ProviderRegistry(context).list()
        return DemoReport(
            database: path, providers: summaries.count,
            approvalStates: Dictionary(grouping: summaries, by: { $0.approvalState.rawValue }).mapValues(\.count),
            municipalities: Array(Set(summaries.compactMap { $0.provider.municipality?.description })).sorted(),
            agreements: try AgreementRegistry(context).list().map(\.agreement.reference),
            indexMonths: try ConsumerPriceIndexRegistry(context).list().count)
    }

    /// October values for the KPI clause, rising about 2.5 % a year. Illustrative, not official figures.
    static func illustrativeIndex(today: LocalDate) -> [(YearMonth, IndexValue)] {
        (0...3).map { step in
            (YearMonth(year: today.year - 3 + step, month: 10)!, IndexValue(tenths: 1330 + Int64(step) * 34))
        }
    }

    /// Kongsberg's agreement with its six farms, registered directly as an existing agreement:
    /// two years from 1 January two years ago, two one-year options (the first exercised), a ranked
    /// cascade and yearly KPI adjustment from October's index.
    static func kongsbergAgreement(today: LocalDate) throws -> Agreement {
        let firstYear = today.year - 2
        let kongsberg = farms.filter { $0.municipality == "3303" }.map { organisationNumber(from: $0.prefix) }
        let dayPrices = ["1250", "1190", "1300", "1225", "1180", "1275"]
        var form = AgreementForm()
        form.reference = "\(firstYear - 1)/4512"
        form.title = "Inn på tunet Kongsberg: skole og dagaktivitet"
        form.municipalities = ["3303"]
        form.parties = kongsberg.enumerated().map { "\($1.digits):\($0 + 1)" }
        form.targetGroups = "pupils,dementia"
        form.start = "\(firstYear)-01-01"
        form.end = "\(firstYear + 1)-12-31"
        form.options = ["12:\(firstYear + 1)-09-30", "12:\(firstYear + 2)-09-30"]
        form.estimatedValue = "24000000"
        form.maximumValue = "28000000"
        form.maximumParticipantDays = "21000"
        form.callOffMethod = "ranking"
        form.absenceRule = "bill_unannounced_absence"
        form.prices = zip(kongsberg, dayPrices).flatMap { number, price in
            ["\(number.digits):full_day:day:\(price)", "\(number.digits):half_day:half_day:\(Int(price)! / 2 + 50)",
             "\(number.digits):transport:trip:350"]
        }
        form.kpiBaseMonth = "\(firstYear - 1)M10"
        form.kpiIndexMonth = "10"
        var (agreement, _) = try form.agreement()
        agreement.options[0].exercisedOn = LocalDate(year: firstYear + 1, month: 9, day: 12)
        return agreement
    }
}
