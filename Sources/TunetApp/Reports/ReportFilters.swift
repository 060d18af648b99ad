import TunetDomain
import TunetText

/// An export's filters once read and looked up: what a `ReportRequest` asked for, as the sources use it.
struct ReportFilters: Sendable {
    var from: LocalDate?
    var to: LocalDate?
    /// The month asked for by name; `from` and `to` are then its first and last day.
    var month: YearMonth?
    var municipalityNumber: String?
    /// One farm, for the reports that take it, with its name for headings and the front sheet.
    var provider: OrganisationNumber?
    var providerName: String?
    /// The municipalities of the pilots chosen.
    var pilotMunicipalities: Set<String>?
    /// The pilots chosen, in the order asked for.
    var pilotNames: [String] = []
    var language: Language = .nb
    /// The municipalities the person asking may see (their token's); every one at the server.
    var scope: MunicipalityScope = .every

    init() {}

    /// The municipalities the export covers: those the person may see, narrowed by the municipality and
    /// pilot filters. The sources hand it to the store, which reads nothing outside it.
    var covered: MunicipalityScope {
        var covered = scope
        if let municipalityNumber { covered = covered.narrowed(to: .only([municipalityNumber])) }
        if let pilotMunicipalities { covered = covered.narrowed(to: .only(pilotMunicipalities)) }
        return covered
    }

    /// Whether a municipality is covered by the export.
    func includes(_ municipality: String) -> Bool { covered.includes(municipality) }

    /// The month reports about one month cover: the month asked for, else the month of the first day, else this month.
    func month(today: LocalDate) -> YearMonth { month ?? YearMonth(from ?? today) }

    func overlaps(_ start: LocalDate, _ end: LocalDate) -> Bool {
        (from.map { end >= $0 } ?? true) && (to.map { start <= $0 } ?? true)
    }

    /// The filters that narrow this export and so choose its sheets and columns (`omit_with_filter`, `only_with_filter`).
    var narrowing: Set<ReportFilterName> { provider == nil ? [] : [.provider] }
}
