import TunetDomain

/// The parts of an Open Contracting Data Standard 1.1 release package that Tunet publishes, with the
/// techniques extension's `tender.techniques`. Field names are the standard's; amounts are NOK as
/// numbers with two decimals at most (exact: an øre sum below 2^53 prints as its decimal).
public struct OCDSReleasePackage: Sendable, Encodable {
    public let uri: String
    public let version = "1.1"
    public let extensions = [OCDSReleasePackage.techniquesExtension]
    public let publishedDate: String
    public let publisher: OCDSPublisher
    public let releases: [OCDSRelease]

    public static let techniquesExtension = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/master/extension.json"
}

public struct OCDSPublisher: Sendable, Encodable {
    public let name: String
    public let scheme: String?
    public let uid: String?
}

public struct OCDSRelease: Sendable, Encodable {
    public let ocid: String
    public let id: String
    public let date: String
    public let tag: [String]
    public let initiationType = "tender"
    public let language = "nb"
    public let parties: [OCDSParty]
    public let buyer: OCDSReference
    public let planning: OCDSPlanning?
    public let tender: OCDSTender
    public let awards: [OCDSAward]?
    public let contracts: [OCDSContract]?
    public let relatedProcesses: [OCDSRelatedProcess]?
}

public struct OCDSReference: Sendable, Encodable, Hashable {
    public let id: String
    public let name: String
}

public struct OCDSIdentifier: Sendable, Encodable, Hashable {
    public let scheme: String
    public let id: String
    public let legalName: String
}

public struct OCDSParty: Sendable, Encodable {
    public let id: String
    public let name: String
    public let identifier: OCDSIdentifier
    public var roles: [String]
}

public struct OCDSValue: Sendable, Encodable, Hashable {
    public let amount: Double
    public let currency = "NOK"

    init(_ money: Money) { amount = Double(money.ore) / 100 }
}

public struct OCDSPeriod: Sendable, Encodable, Hashable {
    public let startDate: String?
    public let endDate: String?
    public let maxExtentDate: String?

    init(start: LocalDate?, end: LocalDate?, maxExtent: LocalDate? = nil) {
        startDate = start.map(OCDSDate.start)
        endDate = end.map(OCDSDate.end)
        maxExtentDate = maxExtent.map(OCDSDate.end)
    }
}

public struct OCDSPlanning: Sendable, Encodable {
    public let budget: OCDSBudget
}

public struct OCDSBudget: Sendable, Encodable {
    public let description: String
    public let amount: OCDSValue
}

public struct OCDSTender: Sendable, Encodable {
    public let id: String
    public let title: String
    public let status: String?
    public let value: OCDSValue?
    public let procurementMethod: String?
    public let mainProcurementCategory = "services"
    public let awardCriteria: String?
    public let awardCriteriaDetails: String?
    public let numberOfTenderers: Int?
    public let tenderers: [OCDSReference]?
    public let tenderPeriod: OCDSPeriod?
    public let techniques: OCDSTechniques?
}

public struct OCDSTechniques: Sendable, Encodable {
    public let hasFrameworkAgreement = true
    public let frameworkAgreement: OCDSFrameworkAgreement
}

public struct OCDSFrameworkAgreement: Sendable, Encodable {
    public let method: String
    public let value: OCDSValue
    public let period: OCDSPeriod
    public let periodRationale: String?
    public let description: String?
}

public struct OCDSAward: Sendable, Encodable {
    public let id: String
    public let title: String?
    public let status: String
    public let date: String?
    public let value: OCDSValue?
    public let suppliers: [OCDSReference]
    public let contractPeriod: OCDSPeriod?
}

public struct OCDSContract: Sendable, Encodable {
    public let id: String
    public let awardID: String
    public let title: String
    public let description: String?
    public let status: String
    public let period: OCDSPeriod
    public let value: OCDSValue
}

public struct OCDSRelatedProcess: Sendable, Encodable {
    public let id: String
    public let relationship: [String]
    public let title: String
    public let scheme = "ocid"
    public let identifier: String
}

/// Calendar days as OCDS date-times: the day's start or end in Norway's time (+01:00 or +02:00).
enum OCDSDate {
    static func start(_ day: LocalDate) -> String { "\(day.iso)T00:00:00\(offset(day, endOfDay: false))" }
    static func end(_ day: LocalDate) -> String { "\(day.iso)T23:59:59\(offset(day, endOfDay: true))" }

    /// Summer time runs from 02:00 on the last Sunday of March to 03:00 on the last Sunday of October: that
    /// March Sunday begins in winter time and ends in summer time, the October Sunday the other way round.
    static func offset(_ day: LocalDate, endOfDay: Bool) -> String {
        func lastSunday(_ month: Int) -> LocalDate {
            var date = LocalDate(year: day.year, month: month, day: LocalDate.daysIn(month: month, year: day.year))!
            while date.weekday != .sunday { date = date.adding(days: -1) }
            return date
        }
        let summer = endOfDay ? day >= lastSunday(3) && day < lastSunday(10) : day > lastSunday(3) && day <= lastSunday(10)
        return summer ? "+02:00" : "+01:00"
    }
}
