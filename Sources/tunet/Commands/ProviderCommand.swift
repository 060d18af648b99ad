import ArgumentParser
import Foundation
import TunetApp
import TunetDomain

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
            let summary = try ProviderRegistry(global.writableContext()).add(fields.form(organisationNumber: organisationNumber ?? ""))
            if output.json { return try JSONOutput.print(summary) }
            Console.out("Registered \(summary.provider.name) (\(summary.provider.organisationNumber)); approval: \(Console.texts.render(summary.approvalState.label)).")
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: "Change a farm's details; only the options given change. An empty value clears an optional field.",
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
                throw ValidationError("Give at least one field to change, for example --phone or --next-audit (see --help).")
            }
            let summary = try ProviderRegistry(global.writableContext()).update(organisationNumber, with: fields.form())
            if output.json { return try JSONOutput.print(summary) }
            Console.out("Updated \(summary.provider.name) (\(summary.provider.organisationNumber)); approval: \(Console.texts.render(summary.approvalState.label)).")
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
            let detail = try ProviderRegistry(global.readableContext()).show(organisationNumber)
            if output.json { return try JSONOutput.print(detail) }
            let summary = detail.summary
            let provider = summary.provider
            var list = DetailList()
            list.add("Organisation number", provider.organisationNumber.formatted)
            list.add("Name", provider.name)
            list.add("Status", provider.status.rawValue + (provider.statusReason.map { " (\($0))" } ?? ""))
            list.add("Municipality", provider.municipality?.description ?? provider.municipalityNumber)
            list.add("Address", provider.address)
            list.add("Contact person", provider.contactPerson)
            list.add("E-mail", provider.email)
            list.add("Phone", provider.phone)
            list.add("Producer number", provider.producerNumber)
            list.add("Farm number (gnr/bnr)", provider.farmNumber)
            list.add("Target groups", TargetGroup.codes(provider.targetGroups))
            list.add("Places per day", String(provider.placesPerDay))
            list.add("Open weekdays", provider.openWeekdays.display)
            list.add("IPT approval", Console.texts.render(summary.approvalState.label))
            list.add("Approved", provider.iptApprovalDate?.iso)
            list.add("External audit due", summary.externalAuditDue?.iso)
            list.add("Police certificate", provider.policeCertificateDate?.iso)
            list.add("Insurance", Console.texts.render(summary.insuranceState.label))
            list.add("Insurance expires", provider.insuranceExpiry?.iso)
            Console.out(list.render())
            var history = TextTable("When", "Who", "What", "Note")
            for entry in detail.history { history.add(entry.localTime, entry.actor, entry.action, entry.note ?? "") }
            Console.out("\nHistory:\n" + history.render())
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
                if filter.targetGroup == nil { problems.add("target-group", targetGroup, .verbatim("use pupils, dementia or other")) }
            }
            if let municipality {
                filter.municipalityNumber = problems.take("municipality", municipality, Municipality.parse(municipality))?.number
            }
            if let state {
                filter.approvalState = ApprovalState(name: state)
                if filter.approvalState == nil {
                    problems.add("state", state, .verbatim("use valid, expiring, audit_overdue or not_approved"))
                }
            }
            if let insurance {
                filter.insuranceState = InsuranceState(rawValue: insurance.trimmingWhitespace().lowercased())
                if filter.insuranceState == nil { problems.add("insurance", insurance, .verbatim("use valid, expiring, expired or unknown")) }
            }
            if let status {
                filter.status = ProviderStatus(rawValue: status.lowercased())
                if filter.status == nil { problems.add("status", status, .verbatim("use active or suspended")) }
            }
            try problems.check()
            let summaries = try ProviderRegistry(global.readableContext()).list(filter)
            if output.json { return try JSONOutput.print(summaries) }
            if summaries.isEmpty { return Console.out("No providers match.") }
            var table = TextTable("Org. number", "Name", "Municipality", "Groups", "Places", "Days", "Approval",
                                  "Audit due", "Insurance", "Insured to", "Status", rightAligned: [4])
            for summary in summaries {
                let provider = summary.provider
                table.add(provider.organisationNumber.digits, provider.name,
                          provider.municipality?.description ?? provider.municipalityNumber,
                          TargetGroup.codes(provider.targetGroups), String(provider.placesPerDay),
                          provider.openWeekdays.display, Console.texts.render(summary.approvalState.label), summary.externalAuditDue?.iso ?? "",
                          Console.texts.render(summary.insuranceState.label), provider.insuranceExpiry?.iso ?? "", provider.status.rawValue)
            }
            Console.out(table.render())
            Console.out("\(summaries.count) provider\(summaries.count == 1 ? "" : "s")")
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
            let summary = try ProviderRegistry(global.writableContext()).suspend(organisationNumber, reason: reason)
            if output.json { return try JSONOutput.print(summary) }
            Console.out("Suspended \(summary.provider.name) (\(summary.provider.organisationNumber)).")
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
            let summary = try ProviderRegistry(global.writableContext()).reactivate(organisationNumber, note: note)
            if output.json { return try JSONOutput.print(summary) }
            Console.out("Reactivated \(summary.provider.name) (\(summary.provider.organisationNumber)).")
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
            let report = try ProviderImport(global.writableContext())
                .run(file: URL(fileURLWithPath: file), updateExisting: updateExisting, dryRun: dryRun)
            if output.json { return try JSONOutput.print(report) }
            let verb = report.dryRun ? "Would import" : "Imported"
            Console.out("\(verb) \(report.rows) rows from \(report.file) (\(report.encoding), \(report.delimiter)-separated): "
                + "\(report.created.count) new, \(report.updated.count) updated, \(report.unchanged.count) unchanged.")
            if report.dryRun { Console.out("Dry run: nothing was stored.") }
        }
    }
}
