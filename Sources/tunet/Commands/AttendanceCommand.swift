import ArgumentParser
import Foundation
import TunetApp
import TunetDomain

struct AttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: "Attendance files from the farms: import, submissions and reconciliation.",
        discussion: """
            Examples:
              tunet attendance import oppmote-mars.csv --dry-run
              tunet attendance submissions --provider 912345602
              tunet attendance status --month 2026-03
            """,
        subcommands: [Template.self, Import.self, Submissions.self, Status.self])

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "template", abstract: "Write the pre-filled attendance workbook for a farm and month.",
            discussion: """
                One row per planned participant-day; the status is a dropdown (M, FM, FU, AT); the identifying \
                columns are locked; a sheet «Veiledning» explains it in Norwegian. The farm fills it in and sends \
                it back as it is: `tunet attendance import FILE.xlsx`. Rows it leaves without a status (and without \
                hours, trips or extra day) are days not reported yet: they stay missing, and the rest is imported.

                Example:
                  tunet attendance template --provider 912345602 --month 2026-03 -o lia-2026-03.xlsx
                """)

        @Option(help: "The farm.")
        var provider: String
        @Option(help: "The month, 2026-03.")
        var month: String
        @Option(name: [.customShort("o"), .customLong("output")], help: "The xlsx file to write.")
        var output: String
        @OptionGroup var format: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let report = try AttendanceTemplate(global.readableContext()).write(provider: provider, month: month, to: output)
            if format.json { return try JSONOutput.print(report) }
            Console.out("Wrote \(report.file): \(report.rows) planned participant-days for \(report.provider) in \(report.month).")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Import a farm's attendance file, all or nothing.",
            discussion: """
                The format is in Contracts/attendance-file.md. One bad row and nothing is stored; every bad row is \
                reported with its row number, column and reason. The same file again changes nothing; a later file \
                for the same days replaces their values (the audit log keeps the earlier ones).

                A partly filled template is a partial report: a row without a status and with nothing else filled \
                in (hours, trips, extra day) is left empty, not an error. Its day is not reported and stays missing \
                in `tunet attendance status`; the import says how many rows were left empty. A row with hours, trips \
                or extra day but no status is still refused. A file whose every row is left empty reports nothing \
                and is refused.

                Example:
                  tunet attendance import oppmote-mars.csv --provider 912345602
                """)

        @Argument(help: "The attendance file (CSV).")
        var file: String
        @Option(help: "The submitting farm; rows naming another farm are refused (default: each row's organisation number, so one file may carry several farms).")
        var provider: String?
        @Flag(help: "Check the file and report what would change, without storing anything.")
        var dryRun = false
        @Option(help: "When rows are refused, also write the submitted sheet with an error column to this xlsx file.")
        var errorsOut: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let url = URL(fileURLWithPath: file)
            let report: AttendanceImportReport
            do {
                report = try AttendanceImport(global.writableContext()).run(file: url, provider: provider, dryRun: dryRun)
            } catch let error as TunetError where errorsOut != nil && !error.problems.isEmpty {
                try AttendanceErrorReport.write(file: url, problems: error.problems, to: errorsOut!, language: Console.texts.language)
                Console.error("The submitted sheet with an error column is in \(errorsOut!).")
                throw error
            }
            if output.json { return try JSONOutput.print(report) }
            if let earlier = report.identicalTo {
                return Console.out("\(report.file) is identical to submission \(earlier) (same content); nothing was changed.")
            }
            Console.out("\(report.dryRun ? "Would import" : "Imported") \(report.rows) rows from \(report.file) for \(report.provider.map(\.digits) ?? "\(report.providers.count) farms") (\(report.months.joined(separator: ", "))): \(report.new) new, \(report.changed) changed, \(report.unchanged) unchanged.")
            if let empty = report.rowsLeftEmpty, empty > 0 {
                Console.out("\(empty) \(empty == 1 ? "row was" : "rows were") left empty (no status): \(empty == 1 ? "its day is" : "those days are") not reported and \(empty == 1 ? "counts" : "count") as missing.")
            }
            if report.dryRun { Console.out("Dry run: nothing was stored.") }
        }
    }

    struct Submissions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "submissions", abstract: "List every accepted attendance submission.", discussion: "Example:\n  tunet attendance submissions --provider 912345602 --json")

        @Option(help: "Only this farm.")
        var provider: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let submissions = try AttendanceReports(global.readableContext()).submissions(provider: provider)
            if output.json { return try JSONOutput.print(submissions) }
            if submissions.isEmpty { return Console.out("No submissions are recorded.") }
            var table = TextTable("#", "Received (Norwegian time)", "By", "Provider", "File", "Months", "Rows", "New", "Changed", "Unchanged", "SHA-256",
                                  rightAligned: [0, 6, 7, 8, 9])
            for submission in submissions {
                table.add(String(submission.id), OsloCalendar.localTimestamp(submission.receivedAt), submission.actor, submission.provider.digits,
                          submission.fileName, submission.months.joined(separator: ","), String(submission.rows), String(submission.newRows),
                          String(submission.changedRows), String(submission.unchangedRows), String(submission.contentHash.prefix(12)))
            }
            Console.out(table.render())
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "Per farm: planned participant-days, reported, missing, and the attendance rate.",
            discussion: """
                Missing days are planned days up to today without a report. The attendance rate is present days ÷ \
                (present + absent with or without notice).

                Example:
                  tunet attendance status --month 2026-03
                """)

        @Option(help: "The month, 2026-03.")
        var month: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let lines = try AttendanceReports(global.readableContext()).status(month: month)
            if output.json { return try JSONOutput.print(lines) }
            if lines.isEmpty { return Console.out("No placements run in \(month).") }
            var table = TextTable("Org. number", "Provider", "Planned", "Reported", "Missing", "Present", "Rate", rightAligned: [2, 3, 4, 5, 6])
            for line in lines {
                table.add(line.provider.digits, line.providerName, String(line.plannedDays), String(line.reportedDays), String(line.missingDays),
                          String(line.presentDays), line.attendanceRate?.text ?? "–")
            }
            Console.out(table.render())
        }
    }
}

struct InvoiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice",
        abstract: "The invoice basis (fakturagrunnlag) per farm and month.",
        discussion: "Example:\n  tunet invoice basis --provider 912345602 --month 2026-03",
        subcommands: [Basis.self])

    struct Basis: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "basis", abstract: "Billable days by status under each agreement's absence rule, at the price valid on each day, plus transport.",
            discussion: """
                Amounts are exact to the øre. A month with planned days that have no report is marked incomplete.

                Which days were billed at which price: below the placements, one line per price period, per \
                placement and price line (the day price, then transport): the billed days in a row at one unit \
                price, from the first to the last of them, the number of days, the quantity (days, or trips for \
                transport), the unit price and the amount. A price version that takes effect in the month (a KPI \
                adjustment from the 16th, say) starts a new period; the periods add up to the total. With -o the \
                workbook has them on the sheet «Prisperioder», with each period's dates.

                Examples:
                  tunet invoice basis --provider 912345602 --month 2026-03 --json
                  tunet invoice basis --provider 912345602 --month 2026-03 -o lia-2026-03.xlsx
                """)

        @Option(help: "The farm.")
        var provider: String
        @Option(help: "The month, 2026-03.")
        var month: String
        @Option(name: [.customShort("o"), .customLong("output")], help: "Also write it as an xlsx workbook.")
        var file: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let basis = try AttendanceReports(global.readableContext()).invoiceBasis(provider: provider, month: month)
            if let file {
                try InvoiceBasisWorkbook.write(basis, to: file)
                if !output.json { Console.out("Wrote \(file).") }
            }
            if output.json { return try JSONOutput.print(basis) }
            Console.out("Invoice basis for \(basis.providerName) (\(basis.provider)), \(basis.month)\(basis.complete ? "" : ": INCOMPLETE, planned days are missing a report")")
            var table = TextTable("#", "Participant", "Agreement", "Planned", "Reported", "Present", "Abs. notice", "Abs. no notice", "Cancelled",
                                  "Billable", "Days (NOK)", "Trips", "Transport (NOK)", "Total (NOK)", "Missing", "!",
                                  rightAligned: Set(3...14).union([0]))
            for line in basis.lines {
                table.add(String(line.placementId), line.participant.text, line.agreement, String(line.plannedDays), String(line.reportedDays),
                          String(line.days["present"] ?? 0), String(line.days["absent_with_notice"] ?? 0), String(line.days["absent_without_notice"] ?? 0),
                          String(line.days["cancelled_by_provider"] ?? 0), String(line.billableDays), line.dayAmount.formatted,
                          String(line.transportTrips), line.transportAmount.formatted, line.total.formatted, String(line.missingDates.count),
                          line.ceilingOverride ? "!" : "")
            }
            Console.out(table.render())
            let periods = basis.lines.flatMap { line in line.pricePeriods.map { (line, $0) } }
            if !periods.isEmpty {
                var prices = TextTable("#", "Participant", "Price line", "From", "To", "Days", "Quantity", "Unit", "Unit price (NOK)", "Amount (NOK)",
                                       rightAligned: [0, 5, 6, 8, 9])
                for (line, period) in periods {
                    prices.add(String(line.placementId), line.participant.text, period.line, period.from.iso, period.to.iso, String(period.days),
                               String(period.quantity), period.unit.rawValue, period.unitPrice.formatted, period.amount.formatted)
                }
                Console.out("\nBilled at each price (a new price starts a new period):\n" + prices.render())
            }
            Console.out("Total: NOK \(basis.total.formatted) (days \(basis.dayAmount.formatted), transport \(basis.transportAmount.formatted))")
        }
    }
}
