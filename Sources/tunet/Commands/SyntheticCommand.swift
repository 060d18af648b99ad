import ArgumentParser
import Foundation
import TunetApp
import TunetFixtures
import TunetDomain

struct SyntheticCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthetic",
        abstract: "Build a deterministic, fictional national data set for benchmarks and load tests.",
        discussion: """
            Farms spread over every municipality (valid, fictional organisation numbers), agreements of eleven \
            farms each, and placements two days a week for the whole year. With --attendance, also writes the \
            attendance the farms would report for every planned day, as one semicolon CSV naming each row's \
            farm (import it without --provider). Only into an empty database; the same numbers and seed always \
            give the same data. The national scale (the defaults) is what Benchmarks/ measures.

            Examples:
              tunet synthetic --database national.sqlite --attendance national-2025.csv
              tunet synthetic --database small.sqlite --farms 4 --placements 200 --attendance small.csv
            """)

    @Option(help: "Number of farms.")
    var farms = 1_100
    @Option(help: "Number of placements, spread evenly over the farms.")
    var placements = 10_000
    @Option(help: "The year the placements run through (attendance dates must not be in the future).")
    var year = 2025
    @Option(help: "Seed of the pseudo-random choices (prices, statuses).")
    var seed: UInt64 = 2026
    @Option(help: "Also write the year's attendance to this CSV file.")
    var attendance: String?
    @Option(help: "At most this many attendance rows.")
    var attendanceRows: Int?
    @OptionGroup var output: OutputOptions
    @OptionGroup var overwrite: OverwriteOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let progress = TerminalProgress.forCommand(json: self.output.json)
        defer { progress.end() }
        let context = try global.writableContext().showing(progress)
        let scale = SyntheticNation.Scale(farms: farms, placements: placements, year: year, seed: seed)
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
