import Foundation
import Testing
@testable import TunetApp
import TunetDomain

@Suite("Statistics Norway's downloads of table 03013, imported")
struct ConsumerPriceIndexDownloadTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        let file: String
        let layout: ConsumerPriceIndexTable.Layout
        let months: [String]
        let leftOut: [String]
        let otherVariables: [String]
        let monthsWithoutValue: [String]
        var testDescription: String { file }
    }

    static let examplesInContracts: [Expected] = [
        Expected(file: "kpi-03013.csv", layout: .long,
                 months: ["2023M10", "2023M11", "2023M12", "2024M01", "2024M10", "2025M10", "2026M10"],
                 leftOut: ["not_available: 11 (2026M11)"], otherVariables: [], monthsWithoutValue: ["2026M11"]),
        Expected(file: "kpi-03013-long-variable-rows.csv", layout: .long, months: ["2026M08", "2026M09", "2026M10"],
                 leftOut: ["other_statistic_variable: 5–6, 8–9, 11–12, 14–15 (Månedsendring (prosent), 12-måneders endring (prosent))",
                           "not_available: 13 (2026M11)"],
                 otherVariables: ["Månedsendring (prosent)", "12-måneders endring (prosent)"], monthsWithoutValue: ["2026M11"]),
        Expected(file: "kpi-03013-long-variable-columns.csv", layout: .long,
                 months: ["2025M10", "2025M11", "2025M12", "2026M01", "2026M02", "2026M03", "2026M04", "2026M05", "2026M06",
                          "2026M07", "2026M08", "2026M09", "2026M10"],
                 leftOut: ["not_available: 17 (2026M11)"],
                 otherVariables: ["Månedsendring (prosent)", "12-måneders endring (prosent)"], monthsWithoutValue: ["2026M11"]),
        Expected(file: "kpi-03013-wide.csv", layout: .wide, months: ["2026M08", "2026M09", "2026M10"],
                 leftOut: ["other_consumer_group: 5–6 (Matvarer og alkoholfrie drikkevarer, Utdanning)"],
                 otherVariables: ["Månedsendring (prosent)", "12-måneders endring (prosent)"], monthsWithoutValue: ["2026M11"]),
    ]

    @Test("Each example in Contracts imports the all-item index and names the rows and variables left out",
          arguments: examplesInContracts)
    func example(_ expected: Expected) throws {
        let workspace = try TestWorkspace()
        let registry = ConsumerPriceIndexDesk(workspace.context)
        let report = try registry.importFile(examples.appendingPathComponent(expected.file))
        #expect(report.layout == expected.layout)
        #expect(report.new == expected.months)
        #expect(report.months == expected.months.count)
        #expect(report.leftOut.map { "\($0.reason.rawValue): \($0.rowList) (\($0.names.joined(separator: ", ")))" } == expected.leftOut)
        #expect(report.skipped == report.leftOut.reduce(0) { $0 + $1.rows.count })
        #expect(report.otherVariables == expected.otherVariables)
        #expect(report.monthsWithoutValue == expected.monthsWithoutValue)
        #expect(try registry.list().map(\.month) == expected.months.sorted())
    }

    @Test("The variable-column and wide examples agree on the months they share")
    func layoutsAgree() throws {
        let workspace = try TestWorkspace()
        let registry = ConsumerPriceIndexDesk(workspace.context)
        _ = try registry.importFile(examples.appendingPathComponent("kpi-03013-long-variable-columns.csv"))
        for file in ["kpi-03013-wide.csv", "kpi-03013-long-variable-rows.csv"] {
            let again = try registry.importFile(examples.appendingPathComponent(file))
            #expect(again.unchanged == 3 && again.changed.isEmpty && again.new.isEmpty, "\(file)")
        }
    }

    @Test("Decimal commas in a semicolon file with a column per variable are read as the index")
    func decimalCommas() throws {
        let workspace = try TestWorkspace()
        let file = try workspace.file("03013.csv", """
            "03013: Konsumprisindeks, etter måned og statistikkvariabel"

            "måned";"Konsumprisindeks (2015=100)";"Månedsendring (prosent)";"12-måneders endring (prosent)"
            "2026M09";142,8;0,3;2,5
            "2026M10";143,2;0,3;2,4
            "2026M11";..;..;..

            "Kilde: Statistisk sentralbyrå"
            """)
        let report = try ConsumerPriceIndexDesk(workspace.context).importFile(file)
        #expect(report.new == ["2026M09", "2026M10"])
        #expect(report.skipped == 1)
        #expect(try ConsumerPriceIndexDesk(workspace.context).list().last?.index == IndexValue(tenths: 1432))
    }

    @Test("A dry run reports the same and stores nothing")
    func dryRun() throws {
        let workspace = try TestWorkspace()
        let report = try ConsumerPriceIndexDesk(workspace.context).importFile(
            examples.appendingPathComponent("kpi-03013-wide.csv"), dryRun: true)
        #expect(report.months == 3 && report.skipped == 2 && report.dryRun)
        #expect(try ConsumerPriceIndexDesk(workspace.context).list().isEmpty)
    }
}
