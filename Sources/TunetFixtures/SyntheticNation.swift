import Foundation
import TunetApp
import TunetDomain
import TunetStorage

/// A deterministic, fictional national data set for benchmarks and load tests: farms spread over
/// every municipality, agreements of eleven farms each, placements two days a week for a whole year,
/// and the attendance the farms would report. The same scale and seed always give the same data.
public enum SyntheticNation {
    public struct Scale: Sendable {
        public var farms: Int
        public var placements: Int
        /// The first year the placements run through; attendance is reported for their planned days.
        public var year: Int
        /// How many years, from `year` on, the placements run through: at most the agreements' four.
        public var years: Int
        public var seed: UInt64

        public init(farms: Int = 1_100, placements: Int = 10_000, year: Int = 2025, years: Int = 1, seed: UInt64 = 2026) {
            self.farms = farms
            self.placements = placements
            self.year = year
            self.years = years
            self.seed = seed
        }
    }

    public struct Report: Sendable, Encodable {
        public let database: String
        public let farms: Int
        public let agreements: Int
        public let placements: Int
    }

    public static let farmsPerAgreement = 11
    static let weekdayPairs = ["mon,wed", "tue,thu", "mon,thu", "tue,fri", "wed,fri"]

    /// Registers the farms, agreements and placements in an empty database, one transaction per agreement.
    public static func build(_ context: TunetContext, scale: Scale) throws -> Report {
        guard scale.farms >= 1, scale.placements >= 0, (2000...2099).contains(scale.year), (1...4).contains(scale.years) else {
            throw TunetError.invalid("scale", nil, Message("synthetic.error.scale"))
        }
        guard try context.read({ try $0.auditEventCount() }) == 0 else {
            throw TunetError.conflict(Message("synthetic.error.not_empty"))
        }
        let farms = (0..<scale.farms).map { farm(number: $0, scale: scale) }
        let agreementCount = (scale.farms + farmsPerAgreement - 1) / farmsPerAgreement
        var random = SplitMix64(seed: scale.seed)
        let prices = farms.map { _ in 800 + Int(random.next() % 60) * 10 }
        context.progress.begin(.buildingData, total: Int64(agreementCount))
        for agreementIndex in 0..<agreementCount {
            context.progress.update(Int64(agreementIndex))
            let members = Array(farms.indices.dropFirst(agreementIndex * farmsPerAgreement).prefix(farmsPerAgreement))
            try context.write { tx in
                if agreementIndex == 0 {
                    for farm in farms { try tx.insert(try farm.provider(), note: .written(Message("audit.note.synthetic"))) }
                }
                let agreement = try agreementForm(index: agreementIndex, members: members.map { (farms[$0], prices[$0]) }, scale: scale)
                    .agreement().0
                try tx.insert(agreement, note: .written(Message("audit.note.synthetic")))
                // The placements of this agreement's farms: placement p goes to farm p modulo the farm count.
                for member in members {
                    var placement = member
                    while placement < scale.placements {
                        let request = try placementForm(number: placement, farm: farms[member], scale: scale).request()
                        _ = try PlacementDesk.place(request, under: agreement.reference, name: nil, today: context.today, rules: .standard,
                                                    reader: tx, tx: tx)
                        placement += scale.farms
                    }
                }
            }
        }
        return Report(database: context.store.location, farms: scale.farms, agreements: agreementCount,
                      placements: try context.read { try $0.placedParticipants().count })
    }

    /// Writes the attendance every farm would report for the year's planned days (semicolon CSV, as
    /// Contracts/attendance-file.md); at most `limit` rows. Returns the number of rows written.
    public static func writeAttendance(_ context: TunetContext, to url: URL, scale: Scale, limit: Int? = nil) throws -> Int {
        let placements = try context.read { try $0.placements() }
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url) else {
            throw TunetError.unwritableOutput(path: url.path, reason: Message("synthetic.error.file_not_created"))
        }
        defer { try? handle.close() }
        var random = SplitMix64(seed: scale.seed &+ 1)
        var buffer = "orgnr;deltaker;dato;status;timer\n"
        var rows = 0
        context.progress.begin(.writingRows, total: limit.map(Int64.init))
        var written = ProgressCounter(context.progress, every: 4_096)
        func flush() throws {
            do { try handle.write(contentsOf: Data(buffer.utf8)) } catch {
                throw TunetError.unwritableOutput(path: url.path, reason: Message("synthetic.error.write_failed", ["reason": .text(error.localizedDescription)]))
            }
            buffer.removeAll(keepingCapacity: true)
        }
        for placement in placements {
            let days = PlacementPlanner.plannedDays(weekdays: placement.weekdays, from: placement.start, to: placement.end, kind: placement.kind,
                                                    schoolHolidays: [])
            for day in days {
                if let limit, rows >= limit { break }
                let roll = random.next() % 100
                let status = roll < 85 ? "M" : roll < 91 ? "FM" : roll < 96 ? "FU" : "AT"
                buffer += "\(placement.provider.digits);\(placement.participant.text);\(day.iso);\(status);\(status == "M" ? "5" : "")\n"
                rows += 1
                written.add()
                if buffer.utf8.count > 1 << 20 { try flush() }
            }
        }
        try flush()
        written.finish()
        return rows
    }

    struct Farm {
        let number: OrganisationNumber
        let index: Int
        let municipality: String
        let year: Int
        let placesPerDay: Int

        func provider() throws -> Provider {
            try ProviderForm([
                .organisationNumber: number.digits, .name: "Syntetisk gård \(index + 1)", .municipalityNumber: municipality,
                .targetGroups: "pupils,dementia", .placesPerDay: String(placesPerDay), .openWeekdays: "mon-fri",
                .iptApprovalDate: "\(year - 1)-06-01", .nextExternalAuditDate: "\(year + 2)-06-01", .policeCertificateDate: "\(year - 1)-06-01",
            ]).provider()
        }
    }

    /// Farm `number`'s organisation number: the first valid mod-11 number in its own block of ten.
    static func farm(number: Int, scale: Scale) -> Farm {
        let base = 90_000_000 + number * 10
        let organisation = (0..<10).lazy.compactMap { OrganisationNumber.completing(String(base + $0)) }.first!
        let municipalities = Municipality.all
        // Each weekday is in two of the five weekday pairs a farm's placements take in turn.
        let placementsPerFarm = (scale.placements + scale.farms - 1) / scale.farms
        return Farm(number: organisation, index: number, municipality: municipalities[number % municipalities.count].number, year: scale.year,
                    placesPerDay: max(12, 2 * ((placementsPerFarm + 4) / 5) + 2))
    }

    static func agreementForm(index: Int, members: [(Farm, Int)], scale: Scale) -> AgreementForm {
        var form = AgreementForm()
        form.reference = "SYN-\(scale.year)/\(index + 1)"
        form.title = "Syntetisk rammeavtale \(index + 1)"
        form.municipalities = Array(Set(members.map(\.0.municipality))).sorted()
        form.parties = members.enumerated().map { "\($0.element.0.number.digits):\($0.offset + 1)" }
        form.targetGroups = "pupils,dementia"
        form.start = "\(scale.year)-01-01"
        form.end = "\(scale.year + 3)-12-31"
        form.estimatedValue = "400000000"
        form.maximumValue = "500000000"
        form.callOffMethod = "direct"
        form.absenceRule = "bill_unannounced_absence"
        form.prices = members.flatMap { farm, price in
            ["\(farm.number.digits):full_day:day:\(price)", "\(farm.number.digits):transport:trip:250"]
        }
        return form
    }

    static func placementForm(number: Int, farm: Farm, scale: Scale) -> PlacementForm {
        var form = PlacementForm()
        form.participant = ParticipantCode.generated(year: scale.year, sequence: number + 1).text
        form.kind = number % 3 == 0 ? PlacementKind.pupil.rawValue : PlacementKind.dementia.rawValue
        form.municipality = farm.municipality
        form.weekdays = weekdayPairs[(number / max(scale.farms, 1)) % weekdayPairs.count]
        form.start = "\(scale.year)-01-01"
        form.end = "\(scale.year + scale.years - 1)-12-31"
        form.provider = farm.number.digits
        if number % 3 == 0 {
            form.school = "Syntetisk skole"
            form.grade = String(5 + number % 3)
        } else {
            form.decisionReference = "SYN-\(number + 1)"
            form.transport = number % 2 == 0
        }
        return form
    }
}
