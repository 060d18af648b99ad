import Foundation
import TunetDomain
import TunetText
import TunetReportCatalogue

/// A text in Norwegian and English.
public struct LocalizedText: Decodable, Sendable {
    public let nb: String
    public let en: String

    public func text(_ language: Language) -> String { language == .nb ? nb : en }
}

public enum ReportColumnType: String, Decodable, Sendable {
    case text, integer, number, money, date, percent, flag
    /// Expands into one column per day of the report's month.
    case daysOfMonth = "days_of_month"
}

public struct ReportColumn: Decodable, Sendable {
    public let key: String
    public let header: LocalizedText
    public let type: ReportColumnType
    public let width: Double
    /// A SUM row under the column.
    public let total: Bool?
    /// Cell texts shown highlighted (an expiry, a missing approval, an override).
    public let highlight: [String]?
    /// The filter that leaves the column out: narrowed to one farm, the farm's columns would say
    /// the same on every row, and the sheet's heading names it.
    public let omitWithFilter: ReportFilterName?
    /// The filter without which the column is left out: the detail that one farm's report needs and an
    /// overview of every farm does without.
    public let onlyWithFilter: ReportFilterName?

    enum CodingKeys: String, CodingKey {
        case key, header, type, width, total, highlight
        case omitWithFilter = "omit_with_filter"
        case onlyWithFilter = "only_with_filter"
    }

    /// Whether the column is in a sheet narrowed by these filters.
    func isShown(narrowedBy narrowing: Set<ReportFilterName>) -> Bool {
        !(omitWithFilter.map(narrowing.contains) ?? false) && (onlyWithFilter.map(narrowing.contains) ?? true)
    }
}

/// A filter only some reports take (the period, municipality and pilot narrow every report).
public enum ReportFilterName: String, Decodable, Sendable {
    case provider
}

/// A chart beside a sheet's data: categories from one column, a series per value column.
public struct ReportChart: Decodable, Sendable {
    public enum Kind: String, Decodable, Sendable {
        case column, stackedColumn = "stacked_column", bar, line, pie
    }

    public let type: Kind
    public let title: LocalizedText
    public let category: String
    public let series: [String]
}

public struct ReportSheet: Decodable, Sendable {
    public let source: String
    public let name: LocalizedText
    /// A heading above the header row: the source's title (what, which month, which farm) and a note
    /// (whether the month is complete, how to read the rows); the header row is then the fourth.
    public let heading: Bool?
    /// The filter without which the sheet is left out.
    public let onlyWithFilter: ReportFilterName?
    public let columns: [ReportColumn]
    public let chart: ReportChart?

    enum CodingKeys: String, CodingKey {
        case source, name, heading, columns, chart
        case onlyWithFilter = "only_with_filter"
    }

    /// Whether the sheet is in a report narrowed by these filters.
    func isShown(narrowedBy narrowing: Set<ReportFilterName>) -> Bool {
        onlyWithFilter.map(narrowing.contains) ?? true
    }
}

public struct ReportDefinition: Decodable, Sendable {
    public let name: String
    public let title: LocalizedText
    public let description: LocalizedText
    /// Written row by row in constant memory: for reports that may hold millions of rows.
    public let streaming: Bool?
    /// The filters beyond the common ones that the report takes.
    public let filters: [ReportFilterName]?
    /// Only for someone who sees the whole service: the report's rows cannot be told apart by municipality
    /// (the audit log).
    public let wholeServiceOnly: Bool?
    public let sheets: [ReportSheet]

    enum CodingKeys: String, CodingKey {
        case name, title, description, streaming, filters, sheets
        case wholeServiceOnly = "whole_service_only"
    }

    func takes(_ filter: ReportFilterName) -> Bool { filters?.contains(filter) ?? false }
}

/// The catalogue in Reports/catalogue.json: which reports exist, their sheets and columns.
public struct ReportCatalogue: Decodable, Sendable {
    public let reports: [ReportDefinition]

    /// The catalogue shipped with this build, read once: a command's help and completions name its
    /// reports several times before it runs, and the service reads it for every report.
    public static func load() throws -> ReportCatalogue {
        try shipped.get()
    }

    private static let shipped: Result<ReportCatalogue, TunetError> = {
        do {
            return .success(try JSONDecoder().decode(ReportCatalogue.self, from: try ReportCatalogueFile.data()))
        } catch {
            return .failure(TunetError.internalFault("the report catalogue cannot be read: \(error)"))
        }
    }()

    public func report(_ name: String) throws(TunetError) -> ReportDefinition {
        guard let report = reports.first(where: { $0.name == name.lowercased() }) else {
            throw .invalid("report", name, Message("report.error.unknown", ["name": .text(name), "reports": .text(reports.map(\.name).joined(separator: ", "))]))
        }
        return report
    }
}
