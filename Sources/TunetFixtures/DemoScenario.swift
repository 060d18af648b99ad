import Foundation
import TunetApp
import TunetDomain
import TunetStorage

public struct DemoReport: Sendable, Encodable {
    public let database: String
    public let providers: Int
    public let approvalStates: [String: Int]
    public let municipalities: [String]
    public let agreements: [String]
    public let indexMonths: Int
    public let placements: Int
    public let submissions: Int
    public let teams: Int
    public let tasks: Int
    public let pilots: Int

    enum CodingKeys: String, CodingKey {
        case database, providers, municipalities, agreements, placements, submissions, teams, tasks, pilots
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
             groups: "pupils,other", places: 4, weekdays: "mon-fri", auditInDays: 500, policeCertificateAgeDays: 400, suspendedBecause: nil),
        Farm(prefix: 92_345_640, name: "Kleppstad gård", contact: "Bjørn Kleppstad", municipality: "1865", address: "Kleppstadveien 1, 8310 Kabelvåg",
             groups: "pupils", places: 3, weekdays: "mon,tue", auditInDays: nil, policeCertificateAgeDays: nil, suspendedBecause: nil),
        Farm(prefix: 92_345_650, name: "Saltstraumen gård", contact: "Hege Saltnes", municipality: "1804", address: "Straumveien 33, 8056 Saltstraumen",
             groups: "pupils", places: 4, weekdays: "mon-thu", auditInDays: 200, policeCertificateAgeDays: 150,
             suspendedBecause: "Forsikringsdokumenter er ikke mottatt etter to purringer"),
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
    /// unless `replace` is given, which deletes the file first (refused while another process has it open).
    public static func build(_ configuration: TunetConfiguration, replace: Bool, progress: any ProgressObserver = SilentProgress()) throws -> DemoReport {
        let path = configuration.databaseDescription
        if replace {
            try configuration.whileNoOtherProcessHasTheDatabase {
                for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                    do {
                        try FileManager.default.removeItem(atPath: path + suffix)
                    } catch {
                        throw TunetError.unwritableOutput(path: path + suffix, reason: Message("demo.error.not_deleted", ["reason": .text(error.localizedDescription)]))
                    }
                }
            }
        }
        let context = try configuration.context().showing(progress)
        // Every change is audited, so a database without audit events is empty.
        let changes = try context.read { try $0.auditEventCount() }
        guard changes == 0 else {
            throw TunetError.conflict(Message("demo.error.not_empty", ["path": .text(path), "changes": .integer(changes)], fields: ["replace", "database"]))
        }
        do {
            try buildContent(context)
        } catch {
            if !configuration.isSharedDatabase {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            throw error
        }
        let summaries = try ProviderDesk(context).list()
        return DemoReport(
            database: path, providers: summaries.count,
            approvalStates: Dictionary(grouping: summaries, by: { $0.approvalState.rawValue }).mapValues(\.count),
            municipalities: Array(Set(summaries.compactMap { $0.provider.municipality?.description })).sorted(),
            agreements: try AgreementDesk(context).list().map(\.agreement.reference),
            indexMonths: try ConsumerPriceIndexDesk(context).list().count,
            placements: try context.read { try $0.placements().count },
            submissions: try context.read { try $0.submissions().count },
            teams: try context.read { try $0.teams().count },
            tasks: try context.read { try $0.tasks().count },
            pilots: try context.read { try $0.pilots().count })
    }

    static func buildContent(_ context: TunetContext) throws {
        let today = context.today
        let steps: [(TunetContext) throws -> Void] = [runNordlandCompetition, addSchoolCalendars, addPlacements, addJourneys, addAttendance,
                                                      addInvoices, addWorkTeam, addPilots]
        context.progress.begin(.buildingData, total: Int64(steps.count + 1))
        try context.write { tx in
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
                try tx.insert(provider, note: .written(Message("audit.note.demo")))
                if let reason = farm.suspendedBecause {
                    provider.status = .suspended
                    provider.statusReason = reason
                    try tx.update(provider, action: "suspend", note: .typed(reason))
                }
            }
            for (month, index) in illustrativeIndex(today: today) {
                try tx.setConsumerPriceIndex(month, index, note: .written(Message("audit.note.demo_index")))
            }
            try tx.insert(kongsbergAgreement(today: today), note: .written(Message("audit.note.demo_agreement")))
            try tx.insert(dementiaPilotAgreement(today: today), note: .written(Message("audit.note.demo_agreement")))
            for year in [today.year - 1, today.year] {
                _ = try PriceAdjustmentDesk.apply(year: year, reference: nil, reader: tx, tx: tx)
            }
        }
        // The steps' own imports and exports would tell their progress in place of the demo's.
        let quietly = context.showing(SilentProgress())
        for (done, step) in steps.enumerated() {
            context.progress.update(Int64(done + 1))
            try step(quietly)
        }
        context.progress.update(Int64(steps.count + 1))
    }

    /// Both pilots: Nordland's pupils (with Bodø) and Oslo and Viken's dementia day activities, with
    /// day-centre reference prices and survey measures (illustrative figures).
    static func addPilots(_ context: TunetContext) throws {
        let today = context.today
        let desk = PilotDesk(context)
        let start = "\(today.year - 1)-01-01", end = "\(today.year + 1)-12-31"
        let nordland = try desk.add(name: "Inn på tunet for elever i Nordland", county: "Nordland", targetGroup: "pupils",
                                    municipalities: ["1866", "1837", "1870", "1865", "1804"], from: start, to: end,
                                    projectLeader: "Prosjektleder, Statsforvalteren i Nordland", researchPartner: "Nord universitet")
        let dementia = try desk.add(name: "Dagaktivitet på gård for personer med demens, Oslo og Viken", county: "Oslo og Viken",
                                    targetGroup: "dementia", municipalities: ["3107", "3326", "3222", "3316", "0301"], from: start, to: end,
                                    projectLeader: "Prosjektleder, Oslo kommune", researchPartner: "Nasjonal kompetansetjeneste for aldring og helse")
        for (index, municipality) in dementia.municipalities.enumerated() {
            _ = try desk.setReferencePrice(String(dementia.id), municipality: municipality, price: String(1400 + 50 * index))
            let from = YearMonth(today).adding(months: -4).firstDay.iso, to = YearMonth(today).adding(months: -1).lastDay.iso
            _ = try desk.addMeasure(String(dementia.id), municipality: municipality, from: from, to: to, name: "God stemning",
                                    value: String(50 + 3 * index), unit: "percent", n: String(6 + index), source: "Observasjon (illustrasjon)")
            // The same measure at the municipality's ordinary day centre: the reference the pilot compares with.
            _ = try desk.addMeasure(String(dementia.id), municipality: municipality, from: from, to: to, name: "God stemning",
                                    value: String(36 + 2 * index), unit: "percent", n: String(10 + index), source: "Observasjon i dagsenteret (illustrasjon)",
                                    setting: "day_centre")
            _ = try desk.addMeasure(String(dementia.id), municipality: municipality, from: from, to: to, name: "Sosial aktivitet",
                                    value: String(40 + 2 * index), unit: "percent", n: String(6 + index), source: "Observasjon (illustrasjon)")
        }
        for municipality in nordland.municipalities {
            _ = try desk.setReferencePrice(String(nordland.id), municipality: municipality, price: "1300")
            _ = try desk.addMeasure(String(nordland.id), municipality: municipality, from: YearMonth(today).adding(months: -4).firstDay.iso,
                                    to: YearMonth(today).adding(months: -1).lastDay.iso, name: "Trivsel", value: "4.3", unit: "score",
                                    n: "12", source: "Elevundersøkelse (illustrasjon)")
        }
    }

    /// A name as municipalities write it before the @: lower case, a dot between the names, and æ, ø and
    /// å spelt out in plain letters (Anne Ås is anne.aas), since many mail systems still refuse them there.
    static func emailLocalPart(_ name: String) -> String {
        name.lowercased().split(separator: " ").map { part in
            part.map { character -> String in
                switch character {
                case "æ": "ae"
                case "ø": "o"
                case "å": "aa"
                case "é", "è": "e"
                default: String(character)
                }
            }.joined()
        }.joined(separator: ".")
    }

    /// Three work teams, each with the tasks its rules raise: Kongsberg's interdisciplinary team (since
    /// 2009, led from the education office), the Oslo and Viken cooperation's team for the joint dementia
    /// agreement, and Bodø's team in the Nordland pilot.
    static func addWorkTeam(_ context: TunetContext) throws {
        let desk = WorkTeamDesk(context)
        let teams: [(name: String, municipalities: [String], owner: String, members: [(String, String, String)])] = [
            ("Arbeidslag Inn på tunet Kongsberg", ["3303"], "Kommunedirektør (evaluerer årlig)", [
                ("Kari Lia", "education", "leder, oppvekstkontoret"), ("Per Haugen", "nav", "rådgiver"),
                ("Anne Ås", "health_and_care", "demenskoordinator"), ("Siri Moen", "coordinating_unit", "koordinerende enhet"),
                ("Ola Berg", "agriculture", "landbruksrådgiver"), ("Eva Dahl", "procurement", "innkjøpsrådgiver"), ("Nils Vik", "finance", "controller"),
            ]),
            ("Arbeidslag dagaktivitet Oslo og Viken", ["0301", "3316", "3326", "3107", "3222"], "Styringsgruppen for samarbeidet", [
                ("Ingrid Sand", "health_and_care", "prosjektleder demens"), ("Jon Strand", "procurement", "innkjøpsrådgiver"),
                ("Mari Fjell", "finance", "controller"),
            ]),
            ("Arbeidslag Inn på tunet Bodø", ["1804"], "Kommunedirektør", [
                ("Tone Nes", "education", "rektor"), ("Arne Holm", "agriculture", "landbruksrådgiver"), ("Liv Berg", "procurement", "innkjøper"),
            ]),
        ]
        for team in teams {
            let view = try desk.addTeam(name: team.name, municipalities: team.municipalities, owner: team.owner)
            for (name, sector, role) in team.members {
                _ = try desk.addMember(team: String(view.team.id), name: name, sector: sector, role: role,
                                       email: "\(emailLocalPart(name))@kommune.example")
            }
        }
        _ = try TaskRuleDesk(context).generate()
        _ = try TaskDesk(context).add(team: "1", title: "Skriv årsevalueringen av arbeidslaget til kommunedirektøren", kind: "other",
                                      sectors: ["education", "health_and_care"], owner: "Kari Lia", due: "\(context.today.year)-12-15", link: nil)
    }

    /// Attendance for the months before this one, one file per farm and month, through the importer
    /// as a farm would send it: mostly present, some absence with and without notice, a cancelled day.
    static func addAttendance(_ context: TunetContext) throws {
        let today = context.today
        let placements = try context.read { try $0.placements() }
        let holidays = try context.read { reader in
            try Dictionary(grouping: reader.schoolHolidays(), by: \.municipalityNumber)
        }
        var files: [String: [String]] = [:]
        for placement in placements where !placement.isCancelled {
            let days = PlacementPlanner.plannedDays(weekdays: placement.weekdays, from: placement.start,
                                                    to: min(placement.end, YearMonth(today).firstDay.adding(days: -1)), kind: placement.kind,
                                                    schoolHolidays: holidays[placement.municipalityNumber] ?? [])
            for day in days {
                let seed = day.dayNumber + Int(placement.id) * 7
                let status = seed % 29 == 0 ? "AT" : seed % 17 == 0 ? "FU" : seed % 11 == 0 ? "FM" : "M"
                let hours = status == "M" ? (placement.kind == .pupil ? "4,5" : "5") : ""
                files["\(placement.provider.digits)|\(YearMonth(day).iso)", default: []]
                    .append("\(placement.provider.digits);\(placement.participant.text);\(day.norwegian);\(status);\(hours)")
            }
        }
        let importer = AttendanceImportDesk(context)
        for (key, rows) in files.sorted(by: { $0.key < $1.key }) {
            let parts = key.split(separator: "|")
            let text = (["orgnr;deltaker;dato;status;timer"] + rows).joined(separator: "\r\n") + "\r\n"
            _ = try importer.run(data: Data(text.utf8), fileName: "oppmote-\(parts[0])-\(parts[1]).csv", provider: String(parts[0]))
        }
    }

    /// The pilot municipalities' school calendars for every school year the demo's pupil placements
    /// touch, each with its autumn, Christmas, winter, Easter and summer holidays: a school year
    /// runs from 1 August to 31 July, so its summer is the weeks off at both ends of it.
    static func addSchoolCalendars(_ context: TunetContext) throws {
        let start = placementStart(today: context.today)
        // Six months from the start at most, so 184 days reaches every school year a placement touches.
        let years = SchoolYear.spanning(from: start, to: start.adding(days: 184))
        let calendar = SchoolCalendarDesk(context)
        for municipality in ["3303", "1804", "1837", "1865", "1866", "1870"] {
            for year in years {
                for (first, last, name) in schoolHolidays(year) {
                    _ = try calendar.add(municipality: municipality, from: first.iso, to: last.iso, name: name)
                }
            }
        }
    }

    /// A school year's holidays as the pilot municipalities set them (illustrative dates).
    static func schoolHolidays(_ year: SchoolYear) -> [(LocalDate, LocalDate, String)] {
        func monday(of day: LocalDate) -> LocalDate { day.adding(days: -(day.weekday.rawValue - 1)) }
        func onOrAfter(_ day: LocalDate, _ weekday: Weekday) -> LocalDate { day.adding(days: (weekday.rawValue - day.weekday.rawValue + 7) % 7) }
        let autumn = year.startYear, spring = year.startYear + 1
        let firstSchoolDay = onOrAfter(LocalDate(year: autumn, month: 8, day: 15)!, .monday)
        let lastSchoolDay = onOrAfter(LocalDate(year: spring, month: 6, day: 17)!, .friday)
        let autumnBreak = monday(of: LocalDate(year: autumn, month: 10, day: 1)!)
        let winterBreak = monday(of: LocalDate(year: spring, month: 2, day: 16)!)
        let easter = NorwegianCalendar.easterSunday(spring)
        return [
            (year.firstDay, firstSchoolDay.adding(days: -1), "Sommerferie"),
            (autumnBreak, autumnBreak.adding(days: 4), "Høstferie"),
            (LocalDate(year: autumn, month: 12, day: 21)!, LocalDate(year: spring, month: 1, day: 2)!, "Juleferie"),
            (winterBreak, winterBreak.adding(days: 4), "Vinterferie"),
            (easter.adding(days: -6), easter.adding(days: 1), "Påskeferie"),
            (lastSchoolDay.adding(days: 1), year.lastDay, "Sommerferie"),
        ]
    }

    /// The demo's placements start 120 days before today (six months long at most).
    static func placementStart(today: LocalDate) -> LocalDate { today.adding(days: -120) }

    /// Pupils and people with dementia across both pilots, placed through the agreements' call-off methods.
    static func addPlacements(_ context: TunetContext) throws {
        let today = context.today
        let desk = PlacementDesk(TunetContext(store: context.store, actor: context.actor, today: today.adding(days: -140)))
        let start = placementStart(today: today)
        let kongsberg = "\(today.year - 3)/4512"
        let nordland = "\(today.year - 1)/310"
        let kongsbergEnd = try context.read { try AgreementDesk.existing(kongsberg, in: $0) }.currentEnd
        let nordlandEnd = try context.read { try AgreementDesk.existing(nordland, in: $0) }.currentEnd
        func form(_ kind: String, _ municipality: String, _ weekdays: String, until end: LocalDate) -> PlacementForm {
            var form = PlacementForm()
            form.kind = kind
            form.municipality = municipality
            form.weekdays = weekdays
            form.start = start.iso
            form.end = min(end, start.adding(months: 6)).iso
            return form
        }
        let dementia: [(String, Bool, String)] = [("tue,thu", true, "datter"), ("mon,wed", false, "ektefelle"), ("tue,thu", true, "sønn"),
                                                  ("wed", true, "nabo"), ("mon-wed", false, "datter")]
        for (index, (weekdays, transport, relative)) in dementia.enumerated() {
            var request = form("dementia", "3303", weekdays, until: kongsbergEnd)
            request.decisionReference = "HO-\(today.year)/\(110 + index)"
            request.transport = transport
            request.relativeRole = relative
            _ = try desk.add(to: kongsberg, request)
        }
        let pupils: [(String, String, String, Int, String)] = [
            ("3303", kongsberg, "Kongsberg skole", 6, "tue"), ("3303", kongsberg, "Hvittingfoss skole", 8, "thu"),
            ("3303", kongsberg, "Efteløt skole", 7, "tue"), ("3303", kongsberg, "Jondalen skole", 5, "tue"),
            ("1866", nordland, "Stokmarknes skole", 5, "wed"), ("1870", nordland, "Sortland barneskole", 7, "mon"),
            ("1837", nordland, "Ørnes skole", 9, "tue"), ("1804", nordland, "Saltstraumen skole", 4, "thu"),
        ]
        for (municipality, agreement, school, grade, weekday) in pupils {
            var request = form("pupil", municipality, weekday, until: agreement == kongsberg ? kongsbergEnd : nordlandEnd)
            request.school = school
            request.grade = String(grade)
            request.contactTeacherRole = "kontaktlærer \(grade)A"
            request.learningGoals = "Naturfag og mestring: dyrestell og arbeid ute"
            _ = try desk.add(to: agreement, request)
        }
        let pilot = "\(today.year - 1)/DAG-77"
        for (index, number) in ["3316", "3326", "3107", "3222", "0301"].enumerated() {
            guard let farm = farms.first(where: { $0.municipality == number }) else { continue }
            var request = form("dementia", number, farm.weekdays == "tue-thu" ? "tue,thu" : "mon,wed", until: today.adding(days: 200))
            request.provider = organisationNumber(from: farm.prefix).digits
            request.criteriaInputs = "Nærmeste gård: \(12 + 4 * index) minutter med bil hjemmefra"
            request.decisionReference = "DEM-\(number)-\(today.year)/\(20 + index)"
            request.transport = true
            request.relativeRole = index.isMultiple(of: 2) ? "datter" : "ektefelle"
            _ = try desk.add(to: pilot, request)
        }
        _ = try PlacementDesk(context).addFollowUp(1, date: today.adding(days: -14).iso, roles: ["participant", "relative", "farmer"],
                                                    wishesAndNeeds: "Trives med hønene; ønsker å være mer ute når det er fint vær.",
                                                    next: today.adding(days: 76).iso)
    }

}
