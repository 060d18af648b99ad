import Foundation
import Testing
@testable import TunetApp
@testable import TunetDomain
import TunetFiles
import TunetText

@Suite("A report request: the filters as typed, read in one place for the command line and the service")
struct ReportRequestTests {
    /// The problems a request is refused with, or none.
    static func problems(_ request: ReportRequest) -> [FieldProblem] {
        do {
            _ = try request.readFilters(scope: .every)
            return []
        } catch {
            return error.problems
        }
    }

    @Test("A month is its first to its last day; a municipality, a farm and a language are read; nothing typed keeps the default language")
    func reading() throws {
        var request = ReportRequest(report: "invoice-basis", defaultLanguage: .en)
        request.month = "2026-02"
        request.municipality = "3303"
        request.provider = "974760673"
        let filters = try request.readFilters(scope: .every)
        #expect(filters.month == YearMonth(year: 2026, month: 2))
        #expect(filters.from == LocalDate(year: 2026, month: 2, day: 1) && filters.to == LocalDate(year: 2026, month: 2, day: 28))
        #expect(filters.municipalityNumber == "3303")
        #expect(filters.provider?.digits == "974760673" && filters.narrowing == [.provider])
        #expect(filters.language == .en)
        request.language = "nb"
        #expect(try request.readFilters(scope: .every).language == .nb)
        #expect(try ReportRequest(report: "providers").readFilters(scope: .every).narrowing.isEmpty)
    }

    @Test("Every mistake is told at once, each under the field it was typed in")
    func everyProblem() {
        var request = ReportRequest(report: "providers")
        request.from = "31.02.2026"
        request.municipality = "33"
        request.provider = "974760674"
        request.language = "se"
        #expect(Self.problems(request).map(\.field) == ["from", "municipality", "provider", "lang"])
    }

    @Test("A language Tunet does not have is refused, with the sentence the command line uses for --lang, not quietly replaced")
    func unknownLanguage() throws {
        var request = ReportRequest(report: "providers", defaultLanguage: .nb)
        request.language = "se"
        let problem = try #require(Self.problems(request).first)
        #expect(problem.field == "lang" && problem.value == "se")
        #expect(problem.reason == UnknownLanguage(source: "lang", value: "se").message)
        #expect(Texts(.en).render(problem.reason) == "lang: 'se' is not a language Tunet has; use nb (Norwegian bokmål) or en (English)")
        request.language = "en"
        #expect(Self.problems(request).isEmpty)
    }

    @Test("A month together with a first or last day is refused; a month alone or a period alone is not")
    func monthOrPeriod() {
        var request = ReportRequest(report: "audit")
        request.month = "2026-03"
        #expect(Self.problems(request).isEmpty)
        request.to = "2026-03-15"
        #expect(Self.problems(request).map(\.field) == ["month"])
        request.month = nil
        #expect(Self.problems(request).isEmpty)
        request.month = "2026-13"
        request.to = nil
        #expect(Self.problems(request).map(\.field) == ["month"])
    }

    @Test("A farm is refused by a report that does not take it, and a farm not registered is not found")
    func farmFilter() throws {
        let workspace = try TestWorkspace()
        try registerFarms(workspace)
        let path = workspace.folder.appendingPathComponent("x.xlsx").path
        var providers = ReportRequest(report: "providers")
        providers.provider = "974760673"
        #expect(throws: TunetError.invalid("provider", "974760673", Message("report.error.no_farm_filter", ["report": "providers"]))) {
            try ReportDesk(workspace.context).write(providers, to: path)
        }
        var invoice = ReportRequest(report: "invoice-basis")
        invoice.provider = "912345602"
        #expect(throws: TunetError.notFound(kind: "provider", key: "912345602")) { try ReportDesk(workspace.context).write(invoice, to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
