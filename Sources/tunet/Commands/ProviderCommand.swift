import ArgumentParser
import Foundation
import TunetApp
import TunetDomain
import TunetText

struct ProviderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provider",
        abstract: Help.abstract("provider"),
        discussion: Help.discussion("provider"),
        subcommands: [Add.self, Update.self, Show.self, List.self, Suspend.self, Reactivate.self, Import.self]
    )
}

/// The provider fields as command-line options; each is checked by the domain rules, not here,
/// so that the CLI and file import give the same messages.
struct ProviderFieldOptions: ParsableArguments {
    @Option(name: [.customLong("name")], help: Help.option("options.provider.name"))
    var name: String?
    @Option(help: Help.option("options.provider.contact-person"))
    var contactPerson: String?
    @Option(help: Help.option("options.provider.email"))
    var email: String?
    @Option(help: Help.option("options.provider.phone"))
    var phone: String?
    @Option(help: Help.option("options.provider.address"))
    var address: String?
    @Option(name: [.customLong("municipality"), .customLong("municipality-number")],
            help: Help.option("options.provider.municipality"))
    var municipality: String?
    @Option(help: Help.option("options.provider.producer-number"))
    var producerNumber: String?
    @Option(name: [.customLong("farm-number"), .customLong("gnr-bnr")], help: Help.option("options.provider.farm-number"))
    var farmNumber: String?
    @Option(help: Help.option("options.provider.target-groups"))
    var targetGroups: String?
    @Option(name: [.customLong("places-per-day"), .customLong("places")], help: Help.option("options.provider.places-per-day"))
    var placesPerDay: String?
    @Option(name: [.customLong("open-weekdays"), .customLong("weekdays")], help: Help.option("options.provider.open-weekdays"))
    var openWeekdays: String?
    @Option(name: [.customLong("approval-date"), .customLong("ipt-approval-date")],
            help: Help.option("options.provider.approval-date"))
    var approvalDate: String?
    @Option(name: [.customLong("next-audit"), .customLong("next-external-audit-date")], help: Help.option("options.provider.next-audit"))
    var nextAudit: String?
    @Option(name: [.customLong("police-certificate"), .customLong("police-certificate-date")],
            help: Help.option("options.provider.police-certificate"))
    var policeCertificate: String?
    @Option(help: Help.option("options.provider.insurance-expiry"))
    var insuranceExpiry: String?
    @Option(name: [.customLong("non-profit-basis"), .customLong("non-profit")],
            help: Help.option("options.provider.non-profit", value: "basis"))
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
            commandName: "add", abstract: Help.abstract("provider.add"),
            discussion: Help.discussion("provider.add"))

        @Option(name: [.customLong("org"), .customLong("organisation-number")], help: Help.option("provider.add.org", value: "organisation_number"))
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
            abstract: Help.abstract("provider.update"),
            discussion: Help.discussion("provider.update"))

        @Argument(help: Help.option("provider.update.organisation-number", value: "organisation_number"), completion: .organisationNumbers)
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
            commandName: "show", abstract: Help.abstract("provider.show"),
            discussion: Help.discussion("provider.show"))

        @Argument(help: Help.option("provider.show.organisation-number", value: "organisation_number"), completion: .organisationNumbers)
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
            commandName: "list", abstract: Help.abstract("provider.list"),
            discussion: Help.discussion("provider.list"))

        @Option(help: Help.option("provider.list.target-group"))
        var targetGroup: String?
        @Option(help: Help.option("provider.list.municipality"))
        var municipality: String?
        @Option(help: Help.option("provider.list.state"))
        var state: String?
        @Option(help: Help.option("provider.list.insurance"))
        var insurance: String?
        @Option(help: Help.option("provider.list.status"))
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
            commandName: "suspend", abstract: Help.abstract("provider.suspend"),
            discussion: Help.discussion("provider.suspend"))

        @Argument(help: Help.option("provider.suspend.organisation-number", value: "organisation_number"), completion: .organisationNumbers)
        var organisationNumber: String
        @Option(help: Help.option("provider.suspend.reason"))
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
            commandName: "reactivate", abstract: Help.abstract("provider.reactivate"),
            discussion: Help.discussion("provider.reactivate"))

        @Argument(help: Help.option("provider.reactivate.organisation-number", value: "organisation_number"), completion: .organisationNumbers)
        var organisationNumber: String
        @Option(help: Help.option("provider.reactivate.note"))
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
            commandName: "import", abstract: Help.abstract("provider.import"),
            discussion: Help.discussion("provider.import"))

        @Argument(help: Help.option("provider.import.file", value: "path"), completion: .file(extensions: ["csv"]))
        var file: String
        @Flag(help: Help.option("provider.import.dry-run"))
        var dryRun = false
        @Flag(help: Help.option("provider.import.update-existing"))
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
