import TunetDomain
import TunetText

/// A catalogue report as a person asked for it, each filter as typed (`--from 01.03.2026` on the
/// command line, `?from=2026-03-01` to the service). Both front ends fill one in and `ReportDesk`
/// reads it, so they accept and refuse the same things in the same words.
public struct ReportRequest: Sendable {
    /// The report's name in the catalogue.
    public var report: String
    public var from: String?
    public var to: String?
    /// A month, 2026-03: the same as from its first to its last day.
    public var month: String?
    /// A municipality number.
    public var municipality: String?
    /// One farm by organisation number, for the reports that take it (the invoice basis).
    public var provider: String?
    /// Pilots by number or name: one narrows the report to its municipalities and, unless a period
    /// is given, its period; several (a comparison) to their municipalities, each pilot's figures over its own period.
    public var pilots: [String] = []
    /// The workbook's language as typed (`nb`, `en`); nil for `defaultLanguage`. One that names no
    /// language Tunet has is refused, not ignored.
    public var language: String?
    /// The language when none is typed: the terminal's, or the one an HTTP request accepts.
    public var defaultLanguage: Language

    public init(report: String, defaultLanguage: Language = .standard) {
        self.report = report
        self.defaultLanguage = defaultLanguage
    }

    /// The filters read from their text, with every problem found at once. Pilots and the farm are
    /// looked up in the store afterwards (`ReportDesk`).
    /// `scope` is what the person asking may see (`ReportDesk` gives its actor's): a municipality outside
    /// it is refused, and nothing outside it is read.
    func readFilters(scope: MunicipalityScope) throws(TunetError) -> ReportFilters {
        var problems = ProblemCollector()
        var filters = ReportFilters()
        filters.from = from.flatMap { problems.date("from", $0) }
        filters.to = to.flatMap { problems.date("to", $0) }
        if let month, let chosen = problems.take("month", month, YearMonth.parse(month)) {
            if from != nil || to != nil {
                problems.add("month", month, Message("report.error.month_and_period"))
            } else {
                filters.month = chosen
                filters.from = chosen.firstDay
                filters.to = chosen.lastDay
            }
        }
        if let municipality { filters.municipalityNumber = problems.take("municipality", municipality, Municipality.parse(municipality))?.number }
        if let provider { filters.provider = problems.take("provider", provider, OrganisationNumber.parse(provider)) }
        if let language {
            if let chosen = Language(code: language) {
                filters.language = chosen
            } else {
                problems.add("lang", language, UnknownLanguage(source: "lang", value: language).message)
            }
        } else {
            filters.language = defaultLanguage
        }
        filters.scope = scope
        try problems.check()
        if let municipality = filters.municipalityNumber, !scope.includes(municipality) {
            throw TunetError.forbidden(Message("report.error.municipality_outside_scope", ["municipality": .text(Municipality.named(municipality)?.description ?? municipality)]))
        }
        return filters
    }
}
