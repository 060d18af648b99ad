import ArgumentParser
import Foundation
import TunetApp
import TunetText
import TunetDomain

struct AttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: Help.abstract("attendance"),
        discussion: Help.discussion("attendance"),
        subcommands: [Template.self, Import.self, Submissions.self, Status.self])

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "template", abstract: Help.abstract("attendance.template"),
            discussion: Help.discussion("attendance.template"))

        @Option(help: Help.option("attendance.template.provider", value: "organisation_number"), completion: .organisationNumbers)
        var provider: String
        @Option(help: Help.option("attendance.template.month"))
        var month: String
        @Option(name: [.customShort("o"), .customLong("output")], help: Help.option("attendance.template.output", value: "path"))
        var output: String
        @OptionGroup var format: OutputOptions
        @OptionGroup var overwrite: OverwriteOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let report = try AttendanceTemplateDesk(global.readableContext())
                .write(provider: provider, month: month, to: output, language: Console.texts.language, force: overwrite.force)
            if format.json { return try JSONOutput.print(report) }
            Console.say("attendance.template.written", ["file": .text(report.file), "rows": .integer(report.rows),
                                                        "provider": .text(report.provider.digits), "month": AttendanceCommand.month(report.month)])
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: Help.abstract("attendance.import"),
            discussion: Help.discussion("attendance.import"))

        @Argument(help: Help.option("attendance.import.file", value: "path"), completion: .file())
        var file: String
        @Option(help: Help.option("attendance.import.provider", value: "organisation_number"), completion: .organisationNumbers)
        var provider: String?
        @Flag(help: Help.option("attendance.import.dry-run"))
        var dryRun = false
        @Flag(help: Help.option("attendance.import.again"))
        var again = false
        @Option(help: Help.option("attendance.import.errors-out", value: "path"))
        var errorsOut: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var overwrite: OverwriteOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let url = URL(fileURLWithPath: file)
            let report: AttendanceImportView
            do {
                report = try TerminalProgress.showing(unless: output.json) { progress in
                    try AttendanceImportDesk(global.writableContext().showing(progress)).run(file: url, provider: provider, dryRun: dryRun, again: again)
                }
            } catch let error as TunetError where errorsOut != nil && !error.problems.isEmpty {
                try AttendanceErrorWorkbook.write(file: url, problems: error.problems, to: errorsOut!, language: Console.texts.language,
                                                fields: Console.texts.fields, database: try global.configuration().databasePath, force: overwrite.force)
                Console.error(Console.texts("attendance.errors_out.written", ["path": .text(errorsOut!)]))
                throw error
            }
            if output.json { return try JSONOutput.print(report) }
            for line in AttendanceImportSentences.lines(report) { Console.out(Console.texts.render(line)) }
            if report.outcome == "superseded" { Console.out(Console.texts.render(Message("attendance.import.apply_again", ["file": .text(file)], fields: ["again"]))) }
        }
    }

    struct Submissions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "submissions", abstract: Help.abstract("attendance.submissions"), discussion: Help.discussion("attendance.submissions"))

        @Option(help: Help.option("attendance.submissions.provider", value: "organisation_number"), completion: .organisationNumbers)
        var provider: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let submissions = try AttendanceOverviewDesk(global.readableContext()).submissions(provider: provider)
            if output.json { return try JSONOutput.print(submissions) }
            let texts = Console.texts
            if submissions.isEmpty { return Console.say("attendance.submissions.none") }
            let headers = ["received", "actor", "provider", "file", "months", "rows", "new", "changed", "unchanged"]
                .map { texts("attendance.submissions.table.\($0)") }
            var table = TextTable(["#"] + headers + ["SHA-256"], rightAligned: [0, 6, 7, 8, 9])
            for submission in submissions {
                table.add(String(submission.id), AttendanceCommand.timestamp(submission.receivedAt), submission.actor, submission.provider.digits,
                          submission.fileName, submission.months.map { AttendanceCommand.monthText($0) }.joined(separator: ", "),
                          texts.format(.integer(submission.rows)), texts.format(.integer(submission.newRows)),
                          texts.format(.integer(submission.changedRows)), texts.format(.integer(submission.unchangedRows)),
                          String(submission.contentHash.prefix(12)))
            }
            Console.out(table.render())
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: Help.abstract("attendance.status"),
            discussion: Help.discussion("attendance.status"))

        @Option(help: Help.option("attendance.status.month"))
        var month: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let lines = try AttendanceOverviewDesk(global.readableContext()).status(month: month)
            if output.json { return try JSONOutput.print(lines) }
            let texts = Console.texts
            if lines.isEmpty { return Console.say("attendance.status.none", ["month": AttendanceCommand.month(month)]) }
            var table = TextTable(["organisation_number", "provider", "planned", "reported", "missing", "present", "rate"]
                .map { texts("attendance.status.table.\($0)") }, rightAligned: [2, 3, 4, 5, 6])
            for line in lines {
                table.add(line.provider.digits, line.providerName, texts.format(.integer(line.plannedDays)), texts.format(.integer(line.reportedDays)),
                          texts.format(.integer(line.missingDays)), texts.format(.integer(line.presentDays)),
                          line.attendanceRate.map { texts.format(.percentage($0)) } ?? "–")
            }
            Console.out(table.render())
        }
    }
}

extension AttendanceCommand {
    static func month(_ iso: String) -> MessageValue { YearMonth.name(iso) }

    static func monthText(_ iso: String) -> String { Console.texts.format(month(iso)) }

    /// A stored instant in Norwegian time, its date as the reader writes dates: 10.06.2026 14:03:07.
    static func timestamp(_ utc: String) -> String {
        let local = OsloTime.localTimestamp(utc)
        let parts = local.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, case .success(let date) = LocalDate.parse(String(parts[0])) else { return local }
        return Console.texts.format(.date(date)) + " " + parts[1]
    }
}

struct InvoiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice",
        abstract: Help.abstract("invoice"),
        discussion: Help.discussion("invoice"),
        subcommands: [Basis.self, Check.self, List.self, Show.self])

    struct Basis: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "basis", abstract: Help.abstract("invoice.basis"), discussion: Help.discussion("invoice.basis"))

        @Option(help: Help.option("invoice.basis.provider", value: "organisation_number"), completion: .organisationNumbers)
        var provider: String
        @Option(help: Help.option("invoice.basis.month"))
        var month: String
        @Option(name: [.customShort("o"), .customLong("output")], help: Help.option("invoice.basis.output", value: "path"))
        var file: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var overwrite: OverwriteOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let texts = Console.texts
            let context = try global.readableContext()
            let basis = try AttendanceOverviewDesk(context).invoiceBasis(provider: provider, month: month)
            if let file {
                // The catalogue's invoice-basis report, narrowed to the farm and the month.
                var request = ReportRequest(report: "invoice-basis", defaultLanguage: texts.language)
                request.month = month
                request.provider = provider
                let written = try ReportDesk(context).write(request, to: file, force: overwrite.force)
                if !output.json { Console.say("invoice.written", ["file": .text(written.file)]) }
            }
            if output.json { return try JSONOutput.print(basis) }
            Console.say(basis.complete ? "invoice.heading" : "invoice.heading_incomplete",
                        ["name": .text(basis.providerName), "provider": .text(basis.provider.digits), "month": AttendanceCommand.month(basis.month)])
            let columns = ["participant", "agreement", "planned", "reported", "present", "absent_with_notice", "absent_without_notice", "cancelled",
                           "billable", "day_amount", "trips", "transport_amount", "total", "missing"]
            var table = TextTable(["#"] + columns.map { texts("invoice.table.\($0)") } + ["!"], rightAligned: Set(3...14).union([0]))
            func count(_ number: Int) -> String { texts.format(.integer(number)) }
            for line in basis.lines {
                table.add(String(line.placementId), line.participant.text, line.agreement, count(line.plannedDays), count(line.reportedDays),
                          count(line.days[AttendanceStatus.present.rawValue] ?? 0), count(line.days[AttendanceStatus.absentWithNotice.rawValue] ?? 0),
                          count(line.days[AttendanceStatus.absentWithoutNotice.rawValue] ?? 0),
                          count(line.days[AttendanceStatus.cancelledByProvider.rawValue] ?? 0), count(line.billableDays), texts.format(line.dayAmount),
                          count(line.transportTrips), texts.format(line.transportAmount), texts.format(line.total), count(line.missingDates.count),
                          line.ceilingOverride ? "!" : "")
            }
            Console.out(table.render())
            let periods = basis.lines.flatMap { line in line.pricePeriods.map { (line, $0) } }
            if !periods.isEmpty {
                let headers = ["price_line", "from", "to", "days", "quantity", "unit", "unit_price", "amount"].map { texts("invoice.periods.table.\($0)") }
                var prices = TextTable(["#", texts("invoice.table.participant")] + headers, rightAligned: [0, 5, 6, 8, 9])
                for (line, period) in periods {
                    prices.add(String(line.placementId), line.participant.text, period.line, texts.format(.date(period.from)), texts.format(.date(period.to)),
                               count(period.days), count(period.quantity), texts.render(period.unit.label), texts.format(period.unitPrice),
                               texts.format(period.amount))
                }
                Console.out("\n" + texts("invoice.periods.heading") + "\n" + prices.render())
            }
            Console.say("invoice.sum", ["total": .money(basis.total), "days": .money(basis.dayAmount), "transport": .money(basis.transportAmount)])
        }
    }
}
