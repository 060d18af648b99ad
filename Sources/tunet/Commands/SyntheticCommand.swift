import ArgumentParser
import Foundation
import TunetApp
import TunetFixtures
import TunetDomain

struct SyntheticCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthetic",
        abstract: Help.abstract("synthetic"),
        discussion: Help.discussion("synthetic"))

    @Option(help: Help.option("synthetic.farms", value: "count"))
    var farms = 1_100
    @Option(help: Help.option("synthetic.placements", value: "count"))
    var placements = 10_000
    @Option(help: Help.option("synthetic.year"))
    var year = 2025
    @Option(help: Help.option("synthetic.years", value: "count"))
    var years = 1
    @Option(help: Help.option("synthetic.seed"))
    var seed: UInt64 = 2026
    @Option(help: Help.option("synthetic.attendance", value: "path"))
    var attendance: String?
    @Option(help: Help.option("synthetic.attendance-rows", value: "count"))
    var attendanceRows: Int?
    @OptionGroup var output: OutputOptions
    @OptionGroup var overwrite: OverwriteOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let progress = TerminalProgress.forCommand(json: self.output.json)
        defer { progress.end() }
        let context = try global.writableContext().showing(progress)
        let scale = SyntheticNation.Scale(farms: farms, placements: placements, year: year, years: years, seed: seed)
        let output = try attendance.map { try OutputPath.check($0, extension: "csv", database: context.storeLocation, force: overwrite.force) }
        let report = try SyntheticNation.build(context, scale: scale)
        var rows: Int?
        if let output { rows = try SyntheticNation.writeAttendance(context, to: output, scale: scale, limit: attendanceRows) }
        progress.end()
        if self.output.json {
            struct Result: Encodable { let data: SyntheticNation.Report; let attendance_file: String?; let attendance_rows: Int? }
            return try JSONOutput.print(Result(data: report, attendance_file: output?.path, attendance_rows: rows))
        }
        Console.say("synthetic.built", ["farms": .integer(report.farms), "agreements": .integer(report.agreements),
                                        "placements": .integer(report.placements), "database": .text(report.database)])
        if let output, let rows { Console.say("synthetic.wrote", ["rows": .integer(rows), "file": .text(output.path)]) }
    }
}
