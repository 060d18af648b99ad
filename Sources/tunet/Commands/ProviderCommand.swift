import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct ProviderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provider",
        abstract: "The register of farms (providers): add, change, suspend, look up and import.",
        discussion: """
            Examples:
              tunet provider list --target-group pupils
              tunet provider show 974760673
              tunet provider import farms.csv --dry-run
            """,
        subcommands: [Add.self, Update.self, Show.self, List.self, Suspend.self, Reactivate.self, Import.self]
    )
}

/// The provider fields as command-line options; each is checked by the domain rules, not here,
/// so that the CLI and file import give the same messages.
struct ProviderFieldOptions: ParsableArguments {
    @Option(name: [.customLong("name")], help: "Farm name.")
    var name: String?
    @Option(help: "Contact person.")
    var contactPerson: String?
    @Option(help: "E-mail address.")
    var email: String?
    @Option(help: "Phone number (8 digits, optionally with +47).")
    var phone: String?
    @Option(help: "Postal address.")
    var address: String?
    @Option(name: [.customLong("municipality"), .customLong("municipality-number")],
            help: "Municipality number, 4 digits (3303 Kongsberg).")
    var municipality: String?
    @Option(help: "Producer number (produsentnummer), digits.")
    var producerNumber: String?
    @Option(name: [.customLong("farm-number"), .customLong("gnr-bnr")], help: "Farm and holding number, gnr/bnr (12/3).")
    var farmNumber: String?
    @Option(help: "Target groups: pupils, dementia, other (comma-separated).")
    var targetGroups: String?
    @Option(name: [.customLong("places-per-day"), .customLong("places")], help: "Places per day.")
    var placesPerDay: String?
    @Option(name: [.customLong("open-weekdays"), .customLong("weekdays")], help: "Open weekdays: mon,tue or mon-fri.")
    var openWeekdays: String?
    @Option(name: [.customLong("approval-date"), .customLong("ipt-approval-date")],
            help: "IPT approval date (YYYY-MM-DD or DD.MM.YYYY).")
    var approvalDate: String?
    @Option(name: [.customLong("next-audit"), .customLong("next-external-audit-date")], help: "Next external audit date.")
    var nextAudit: String?
    @Option(name: [.customLong("police-certificate"), .customLong("police-certificate-date")],
            help: "Date of the police certificate (politiattest).")
    var policeCertificate: String?
    @Option(help: "Insurance expiry date.")
    var insuranceExpiry: String?
    @Option(name: [.customLong("non-profit-basis"), .customLong("non-profit")],
            help: ArgumentHelp("Why the farm is a non-profit (ideell) organisation, e.g. its entry in the Register of Non-Profit Organisations; only such farms may tender in a reserved competition. An empty text unmarks it.", valueName: "basis"))
    var nonProfitBasis: String?

    func form(organisationNumber: String? = nil) -> ProviderForm {
        var form = ProviderForm()
        form[.organisationNumber] = organisationNumber
        form[.name] = name
        form[.contactPerson] = contactPerson
        form[.email] = email
        form[.phone] = phone
        form[.address] = address
        form[.municipalityNumber] = municipality
        form[.producerNumber] = producerNumber
        form[.farmNumber] = farmNumber
        form[.targetGroups] = targetGroups
        form[.placesPerDay] = placesPerDay
        form[.openWeekdays] = openWeekdays
        form[.iptApprovalDate] = approvalDate
        form[.nextExternalAuditDate] = nextAudit
        form[.policeCertificateDate] = policeCertificate
        form[.insuranceExpiry] = insuranceExpiry
        form[.nonProfitBasis] = nonProfitBasis
        return form
    }

    var isEmpty: Bool { form().values.isEmpty }
}

extension ProviderCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Register a farm.",
            discussion: """
                Required: --org, --name, --municipality, --target-groups, --places-per-day, --open-weekdays.

                Example:
                  tunet provider add --org 974760673 --name "Lia gård" --municipality 3303 \\
                    --target-groups pupils,dementia --places-per-day 4 --open-weekdays mon-fri \\
                    --approval-date 2025-05-02 --next-audit 2027-05-02 --police-certificate 2026-01-10
                """)

        @Option(name: [.customLong("org"), .customLong("organisation-number")], help: "Organisation number, 9 digits.")
        var organisationNumber: String?
        @OptionGroup var fields: ProviderFieldOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let summary = try ProviderDesk(global.writableContext()).add(fields.form(organisationNumber: organisationNumber ?? ""))
            if output.json { return try JSONOutput.print(summary) }
            Console.say("provider.added", ["name": .text(summary.provider.name), "number": .text(summary.provider.organisationNumber.digits),
                                           "approval": summary.approvalState.labelValue])
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Change a farm's details; only the options given change. An empty value clears an optional field; values equal to the stored ones change nothing, and the command says so.",
            discussion: """
                Example:
                  tunet provider update 974760673 --next-audit 2028-05-02 --phone "+47 912 34 567"
                  tunet provider update 974760673 --email ""      (clears the e-mail address)
                """)

        @Argument(help: "The farm's organisation number.")
        var organisationNumber: String
        @OptionGroup var fields: ProviderFieldOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            guard !fields.isEmpty else {
                throw ValidationError(Console.texts("provider.update.no_fields"))
            }
            let update = try ProviderDesk(global.writableContext()).update(organisationNumber, with: fields.form())
            if output.json { return try JSONOutput.print(update) }
            let provider = update.summary.provider
            Console.say(update.changed ? "provider.updated" : "provider.unchanged",
                        ["name": .text(provider.name), "number": .text(provider.organisationNumber.digits),
                         "approval": update.summary.approvalState.labelValue])
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one farm with its derived approval state and its history.",
            discussion: "Example:\n  tunet provider show 974760673 --json")

        @Argument(help: "The farm's organisation number.")
        var organisationNumber: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let detail = try ProviderDesk(global.readableContext()).show(organisationNumber)
            if output.json { return try JSONOutput.print(detail) }
            let summary = detail.summary
            let provider = summary.provider
            let texts = Console.texts
            var list = DetailList()
            list.add(texts("provider.field.organisation_number"), provider.organisationNumber.formatted)
            list.add(texts("provider.field.name"), provider.name)
            list.add(texts("provider.field.status"), provider.statusReason.map {
                texts("provider.status_with_reason", ["status": provider.status.labelValue, "reason": .text($0)])
            } ?? texts.render(provider.status.label))
            list.add(texts("provider.field.municipality"), provider.municipality?.description ?? provider.municipalityNumber)
            list.add(texts("provider.field.address"), provider.address)
            list.add(texts("provider.field.contact_person"), provider.contactPerson)
            list.add(texts("provider.field.email"), provider.email)
            list.add(texts("provider.field.phone"), provider.phone)
            list.add(texts("provider.field.producer_number"), provider.producerNumber)
            list.add(texts("provider.field.farm_number"), provider.farmNumber)
            list.add(texts("provider.field.target_groups"), ProviderCommand.targetGroups(provider.targetGroups))
            list.add(texts("provider.field.places_per_day"), texts.format(.integer(provider.placesPerDay)))
            list.add(texts("provider.field.open_weekdays"), ProviderCommand.weekdays(provider.openWeekdays))
            list.add(texts("provider.field.approval"), texts.render(summary.approvalState.label))
            list.add(texts("provider.field.approved"), day(provider.iptApprovalDate))
            list.add(texts("provider.field.external_audit_due"), day(summary.externalAuditDue))
            list.add(texts("provider.field.police_certificate"), day(provider.policeCertificateDate))
            list.add(texts("provider.field.insurance"), texts.render(summary.insuranceState.label))
            list.add(texts("provider.field.insurance_expiry"), day(provider.insuranceExpiry))
            list.add(texts("provider.field.non_profit"), provider.nonProfitBasis.map { texts("provider.non_profit.yes", ["basis": .text($0)]) }
                     ?? texts("provider.non_profit.no"))
            Console.out(list.render())
            var history = TextTable(texts("provider.history.when"), texts("provider.history.who"), texts("provider.history.what"),
                                    texts("provider.history.note"))
            for entry in detail.history {
                history.add(ProviderCommand.moment(entry.localTime), entry.actor, ProviderCommand.action(entry.action), entry.note.map(texts.render) ?? "")
            }
            Console.out("\n" + texts("provider.history.title") + "\n" + history.render())
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List farms, optionally filtered.",
            discussion: """
                Approval states: valid, expiring (external audit due within 90 days), audit_overdue, not_approved.
                Insurance states: valid, expiring (the insurance expiry is within 90 days, today included), expired \
                (the expiry has passed; no new placements), unknown (no insurance expiry recorded).

                Examples:
                  tunet provider list --target-group pupils --municipality 1866
                  tunet provider list --state audit_overdue --json
                  tunet provider list --insurance expired
                """)

        @Option(help: "Only farms serving this target group: pupils, dementia, other.")
        var targetGroup: String?
        @Option(help: "Only farms in this municipality (4 digits).")
        var municipality: String?
        @Option(help: "Only farms in this approval state: valid, expiring, audit_overdue, not_approved.")
        var state: String?
        @Option(help: "Only farms in this insurance state: valid, expiring, expired, unknown.")
        var insurance: String?
        @Option(help: "Only active or suspended farms.")
        var status: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            var filter = ProviderFilter()
            var problems = ProblemCollector()
            if let targetGroup {
                filter.targetGroup = TargetGroup(name: targetGroup)
                if filter.targetGroup == nil { problems.add("target-group", targetGroup, Message("provider.filter.target_group")) }
            }
            if let municipality {
                filter.municipalityNumber = problems.take("municipality", municipality, Municipality.parse(municipality))?.number
            }
            if let state {
                filter.approvalState = ApprovalState(name: state)
                if filter.approvalState == nil { problems.add("state", state, Message("provider.filter.approval_state")) }
            }
            if let insurance {
                filter.insuranceState = InsuranceState(rawValue: insurance.trimmingWhitespace().lowercased())
                if filter.insuranceState == nil { problems.add("insurance", insurance, Message("provider.filter.insurance_state")) }
            }
            if let status {
                filter.status = ProviderStatus(rawValue: status.lowercased())
                if filter.status == nil { problems.add("status", status, Message("provider.filter.status")) }
            }
            try problems.check()
            let summaries = try ProviderDesk(global.readableContext()).list(filter)
            if output.json { return try JSONOutput.print(summaries) }
            let texts = Console.texts
            if summaries.isEmpty { return Console.say("provider.list.none") }
            var table = TextTable(texts("provider.table.organisation_number"), texts("provider.table.name"), texts("provider.table.municipality"),
                                  texts("provider.table.target_groups"), texts("provider.table.places"), texts("provider.table.weekdays"),
                                  texts("provider.table.approval"), texts("provider.table.audit_due"), texts("provider.table.insurance"),
                                  texts("provider.table.insured_to"), texts("provider.table.status"), rightAligned: [4])
            for summary in summaries {
                let provider = summary.provider
                table.add(provider.organisationNumber.digits, provider.name,
                          provider.municipality?.description ?? provider.municipalityNumber,
                          ProviderCommand.targetGroups(provider.targetGroups), texts.format(.integer(provider.placesPerDay)),
                          ProviderCommand.weekdays(provider.openWeekdays), texts.render(summary.approvalState.label),
                          day(summary.externalAuditDue) ?? "", texts.render(summary.insuranceState.label),
                          day(provider.insuranceExpiry) ?? "", texts.render(provider.status.label))
            }
            Console.out(table.render())
            Console.say("provider.list.count", ["count": .integer(summaries.count)])
        }
    }

    struct Suspend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suspend", abstract: "Suspend a farm: no new placements until it is reactivated.",
            discussion: "Example:\n  tunet provider suspend 974760673 --reason \"Insurance expired\"")

        @Argument(help: "The farm's organisation number.")
        var organisationNumber: String
        @Option(help: "Why the farm is suspended (required, kept in the audit log).")
        var reason: String
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let summary = try ProviderDesk(global.writableContext()).suspend(organisationNumber, reason: reason)
            if output.json { return try JSONOutput.print(summary) }
            Console.say("provider.suspended", ["name": .text(summary.provider.name), "number": .text(summary.provider.organisationNumber.digits)])
        }
    }

    struct Reactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reactivate", abstract: "Lift a suspension.",
            discussion: "Example:\n  tunet provider reactivate 974760673 --note \"Insurance renewed\"")

        @Argument(help: "The farm's organisation number.")
        var organisationNumber: String
        @Option(help: "A note for the audit log.")
        var note: String?
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let summary = try ProviderDesk(global.writableContext()).reactivate(organisationNumber, note: note)
            if output.json { return try JSONOutput.print(summary) }
            Console.say("provider.reactivated", ["name": .text(summary.provider.name), "number": .text(summary.provider.organisationNumber.digits)])
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Import farms from a CSV file, all or nothing.",
            discussion: """
                The format (columns, encodings, delimiters, date forms) is described in \
                Contracts/provider-register-csv.md. One bad row and nothing is stored; every bad row is \
                listed with its row number, column and reason.

                Examples:
                  tunet provider import farms.csv --dry-run
                  tunet provider import farms.csv --update-existing
                """)

        @Argument(help: "The CSV file.")
        var file: String
        @Flag(help: "Check the file and report what would change, without storing anything.")
        var dryRun = false
        @Flag(help: "Update farms that are already registered instead of refusing them.")
        var updateExisting = false
        @OptionGroup var output: OutputOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let report = try TerminalProgress.showing(unless: output.json) { progress in
                try ProviderImportDesk(global.writableContext().showing(progress))
                    .run(file: URL(fileURLWithPath: file), updateExisting: updateExisting, dryRun: dryRun)
            }
            if output.json { return try JSONOutput.print(report) }
            Console.say(report.dryRun ? "provider.import.would_import" : "provider.import.imported", [
                "rows": .integer(report.rows), "file": .text(report.file), "encoding": ProviderCommand.encoding(report.encoding),
                "delimiter": .label("provider.import.delimiter.\(report.delimiter)"), "created": .integer(report.created.count),
                "updated": .integer(report.updated.count), "unchanged": .integer(report.unchanged.count)])
            if report.dryRun { Console.say("provider.import.dry_run") }
        }
    }
}

/// How the register's codes read for a person: labels in the reader's language.
extension ProviderCommand {
    /// `elever, personer med demens`: the target groups' labels in the order of their codes.
    static func targetGroups(_ groups: Set<TargetGroup>) -> String {
        groups.sorted().map { Console.texts.render($0.label) }.joined(separator: ", ")
    }

    /// `man-fre`, `man,ons,fre`: runs of days as `WeekdaySet.display` writes them, each day by its short name.
    static func weekdays(_ days: WeekdaySet) -> String {
        var text = days.display
        for day in Weekday.allCases { text = text.replacingOccurrences(of: day.code, with: Console.texts("provider.weekday.\(day.code)")) }
        return text
    }

    /// What the audit log says was done to a farm, as a word; an action without a label shows its code.
    static func action(_ code: String) -> String {
        ["create", "update", "suspend", "reactivate"].contains(code) ? Console.texts("provider.action.\(code)") : code
    }

    /// `02.12.2026 14:05:09` in bokmål from the audit log's local `2026-12-02 14:05:09`: the day as the reader writes it.
    static func moment(_ localTime: String) -> String {
        guard case .success(let date) = LocalDate.parse(String(localTime.prefix(10))) else { return localTime }
        return Console.texts.format(.date(date)) + localTime.dropFirst(10)
    }

    /// The file's character encoding as the import found it; only "with BOM" needs words.
    static func encoding(_ name: String) -> MessageValue {
        name == "UTF-8 with BOM" ? .label("provider.import.encoding.utf8_with_bom") : .text(name)
    }
}

private func day(_ date: LocalDate?) -> String? { date.map { Console.texts.format(.date($0)) } }
