import Foundation
import Testing
import TunetTestSupport

/// Lia gård's March 2026 (InvoicePricePeriodTests): 5 days at 1 200,00 and 6 at 1 250,00 (full_day), 6 trips
/// at 300,00 and 6 at 312,50 (transport), 17 175,00 in all. Its EHF invoice is written as OpenPeppol's
/// Norwegian example writes one (EHFTestInvoice), then changed one fact at a time.
@Suite("tunet invoice check sets a farm's EHF invoice against the invoice basis")
struct InvoiceCheckCommandTests {
    static let bokmal = ["TUNET_TODAY": "2026-04-10", "TUNET_LANG": "nb"]

    /// The invoice that matches March to the øre: a line per price period, as a farm's system would write it.
    static var march: EHFTestInvoice {
        var invoice = EHFTestInvoice()
        invoice.contract = "2026/12"
        invoice.lines = [
            .init(id: "1", quantity: "5", price: "1200", itemName: "Inn på tunet, hel dag", sellersItemId: "full_day", period: ("2026-03-01", "2026-03-15")),
            .init(id: "2", quantity: "6", price: "1250", itemName: "Inn på tunet, hel dag", sellersItemId: "full_day", period: ("2026-03-16", "2026-03-31")),
            .init(id: "3", quantity: "6", unitCode: "E54", price: "300", itemName: "Transport tur-retur", sellersItemId: "transport",
                  period: ("2026-03-01", "2026-03-15")),
            .init(id: "4", quantity: "6", unitCode: "E54", price: "312.50", itemName: "Transport tur-retur", sellersItemId: "transport",
                  period: ("2026-03-16", "2026-03-31")),
        ]
        return invoice
    }

    func prepared() throws -> TunetProcess { try InvoicePricePeriodTests().prepared() }

    func check(_ tunet: TunetProcess, _ invoice: EHFTestInvoice, name: String = "faktura.xml", _ extra: [String] = [],
               environment: [String: String] = bokmal) throws -> TunetProcess.Result {
        let file = try tunet.write(name, invoice.xml)
        return try tunet.run(["invoice", "check", file] + extra, environment: environment)
    }

    @Test("An invoice that matches the basis to the øre: exit 0, the price lines side by side, recorded, audited and listed")
    func matching() throws {
        let tunet = try prepared()
        let result = try check(tunet, Self.march)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Faktura 1042 fra Lia gård (974 760 673), datert 05.04.2026"), "\(result.stdout)")
        #expect(result.stdout.contains("Periode 01.03.2026–31.03.2026, kommune Kongsberg (3303)"))
        #expect(result.stdout.contains("Sum eksklusiv mva 17 175,00 kr, fakturagrunnlaget 17 175,00 kr; mva 0,00 kr; å betale 17 175,00 kr"))
        #expect(result.stdout.contains("Fakturaen stemmer med fakturagrunnlaget."))
        #expect(result.stdout.contains("Registrert som kontroll 1."))
        let lines = result.stdout.components(separatedBy: "\n")
        #expect(lines.contains { $0.hasPrefix("full_day") && $0.contains("11") && $0.contains("13 500,00") }, "\(result.stdout)")
        #expect(lines.contains { $0.hasPrefix("transport") && $0.contains("12") && $0.contains("3 675,00") })

        let listed = try tunet.json(try tunet.run(["invoice", "list", "--json"], environment: Self.bokmal)) as? [[String: Any]]
        let invoice = listed?.first?["invoice"] as? [String: Any]
        #expect(listed?.count == 1)
        #expect(invoice?["status"] as? String == "matches")
        #expect(invoice?["number"] as? String == "1042")
        #expect((invoice?["sha256"] as? String)?.count == 64)
        #expect(invoice?["expected_total_ore"] as? Int == 1_717_500)
        #expect((invoice?["totals"] as? [String: Any])?["payable_ore"] as? Int == 1_717_500)
        let audit = try tunet.run(["audit", "--entity", "invoice_check", "--json"], environment: Self.bokmal)
        #expect(audit.stdout.contains("\"action\" : \"check\""), "\(audit.stdout)")
        #expect(try tunet.run(["invoice", "list", "--status", "differs"], environment: Self.bokmal).stdout.contains("Ingen kontrollerte fakturaer."))
        #expect(try tunet.run(["invoice", "list", "--month", "2026-03"], environment: Self.bokmal).stdout.contains("stemmer"))
    }

    @Test("The contract's example invoice (Contracts/examples/ehf-faktura.xml) matches the March it was written for")
    func contractExample() throws {
        let tunet = try prepared()
        let result = try tunet.run(["invoice", "check", TunetProcess.example("ehf-faktura.xml")], environment: Self.bokmal)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Fakturaen stemmer med fakturagrunnlaget."))
    }

    @Test("The period given only on each line, or only as a start date beside the lines' periods, is March: the invoice matches")
    func periodOnLines() throws {
        let tunet = try prepared()
        var lines = Self.march
        lines.period = nil
        let onLines = try check(tunet, lines, name: "linjer.xml")
        #expect(onLines.status == 0, "\(onLines.stdout)\(onLines.stderr)")
        var start = Self.march
        start.number = "1043"
        start.period = nil
        start.extra = "<cac:InvoicePeriod><cbc:StartDate>2026-03-01</cbc:StartDate></cac:InvoicePeriod>"
        let startOnly = try check(tunet, start, name: "start.xml", ["--json"])
        let json = try tunet.json(startOnly) as? [String: Any]
        let invoice = json?["invoice"] as? [String: Any]
        #expect(invoice?["period"] as? [String: String] == ["from": "2026-03-01", "to": "2026-03-31"], "\(invoice ?? [:])")
        #expect(((invoice?["differences"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String } == ["period_already_invoiced"],
                "the same March again, but read whole")
    }

    @Test("More days than reported, a price above the agreement's on those days and a fee are each named in bokmål, exact to the øre; exit 1")
    func differences() throws {
        let tunet = try prepared()
        var invoice = Self.march
        invoice.lines[0].price = "1250"
        invoice.lines[1].quantity = "7"
        invoice.allowancesAndCharges = [(true, 5_000, "Fakturagebyr")]
        let result = try check(tunet, invoice)
        #expect(result.status == 1, "\(result.stderr)")
        let expected = [
            "«full_day»: fakturert 12 dager, men fakturagrunnlaget har bare 11",
            "Linje 1 («full_day»): prisen 1 250,00 kr er høyere enn avtalens 1 200,00 kr på disse dagene; 250,00 kr for mye",
            "«full_day»: fakturert 15 000,00 kr, fakturagrunnlaget 13 500,00 kr; 1 500,00 kr forskjell",
            "Tillegg på fakturaen som ikke er i fakturagrunnlaget: Fakturagebyr, 50,00 kr",
            "Sum eksklusiv mva er 18 725,00 kr, fakturagrunnlaget 17 175,00 kr; 1 550,00 kr forskjell",
        ]
        for sentence in expected { #expect(result.stdout.contains(sentence), "\(sentence)\n\(result.stdout)") }
        #expect(result.stdout.contains("5 avvik fra fakturagrunnlaget:"))

        let json = try tunet.json(try check(tunet, invoice, name: "igjen.xml", ["--json"])) as? [String: Any]
        let kinds = ((json?["invoice"] as? [String: Any])?["differences"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        #expect(kinds == ["already_checked", "charge_added", "price_above_agreement", "more_invoiced", "amount_differs", "total_differs"], "\(kinds ?? [])")
        #expect(json?["matches"] as? Bool == false)
        #expect(json?["recorded"] as? Bool == false)

        let kept = try tunet.run(["invoice", "list", "--json"], environment: Self.bokmal)
        #expect(!kept.stdout.contains("Fakturagebyr"), "a charge's reason is free text: shown, not kept")
        let english = try tunet.run(["invoice", "list", "--lang", "en"], environment: Self.bokmal)
        #expect(english.stdout.contains("differs"), "\(english.stdout)")
    }

    @Test("VAT, a line no price line answers to, a period not ended and days without a report are differences too")
    func unfinishedMonth() throws {
        let tunet = try prepared()
        var invoice = Self.march
        invoice.number = "1043"
        invoice.period = ("2026-04-01", "2026-04-30")
        invoice.lines = [
            .init(id: "1", quantity: "4", price: "1250", itemName: "Inn på tunet, hel dag", sellersItemId: "full_day"),
            .init(id: "2", quantity: "1", unitCode: "C62", price: "450", itemName: "Kaffe og vafler"),
        ]
        invoice.vatPercent = 25
        let result = try check(tunet, invoice, environment: ["TUNET_TODAY": "2026-04-20", "TUNET_LANG": "nb"])
        #expect(result.status == 1)
        for sentence in [
            "Fakturaperioden slutter 30.04.2026, som ikke er passert ennå",
            "Oppmøtet i perioden er ikke komplett:",
            "Det er beregnet mva i kategori S (25 %): 1 362,50 kr",
            "Linje 2: svarer ikke til noen prislinje i avtalen (450,00 kr)",
        ] {
            #expect(result.stdout.contains(sentence), "\(sentence)\n\(result.stdout)")
        }
        let kept = try tunet.run(["invoice", "list", "--json"], environment: Self.bokmal)
        #expect(!kept.stdout.contains("Kaffe og vafler"), "an item's free text is not kept: it may name a person")
    }

    @Test("The same invoice again is reported as already checked and changes nothing; another file under its number is named as such; --again checks the same file once more")
    func alreadyChecked() throws {
        let tunet = try prepared()
        #expect(try check(tunet, Self.march).status == 0)
        let before = try tunet.databaseSnapshot()
        let again = try check(tunet, Self.march, name: "samme.xml")
        #expect(again.status == 1)
        #expect(again.stdout.contains("Fakturaen ble allerede kontrollert 10.04.2026 (resultat: stemmer); den kan være sendt to ganger"), "\(again.stdout)")
        #expect(again.stdout.contains("Ingenting nytt er registrert."))
        var changed = Self.march
        changed.lines[1].quantity = "7"
        let other = try check(tunet, changed, name: "annen.xml")
        #expect(other.stdout.contains("En annen fil med samme fakturanummer ble kontrollert 10.04.2026"), "\(other.stdout)")
        #expect(try tunet.databaseSnapshot() == before, "nothing changed")

        let rechecked = try check(tunet, Self.march, name: "samme.xml", ["--again"])
        #expect(rechecked.status == 0, "\(rechecked.stdout)")
        #expect(rechecked.stdout.contains("Registrert som kontroll 1."))
        let refused = try check(tunet, changed, name: "annen.xml", ["--again"])
        #expect(refused.status == 1, "--again is for the same file only")
    }

    @Test("A credit note is set against the invoice it credits: one day credited makes invoice 1042 match; a full credit marks it credited")
    func creditNotes() throws {
        let tunet = try prepared()
        var invoice = Self.march
        invoice.lines[1].quantity = "7"
        #expect(try check(tunet, invoice).status == 1)
        #expect(try tunet.run(["team", "add", "--name", "Arbeidslag Kongsberg", "--municipality", "3303", "--owner", "Kommunedirektør"],
                              environment: Self.bokmal).status == 0)
        let raised = try tunet.run(["task", "generate"], environment: Self.bokmal)
        #expect(raised.status == 0, "\(raised.stderr)")
        let tasks = try tunet.run(["task", "list"], environment: Self.bokmal)
        #expect(tasks.stdout.contains("Faktura 1042 fra Lia gård avviker fra fakturagrunnlaget: 3 avvik, 1 250,00 kr forskjell eks. mva (3303 Kongsberg)"),
                "\(tasks.stdout)\(tasks.stderr)")

        var credit = EHFTestInvoice()
        credit.creditNote = true
        credit.number = "K-17"
        credit.creditedInvoice = "1042"
        credit.lines = [.init(id: "1", quantity: "1", price: "1250", itemName: "Inn på tunet, hel dag", sellersItemId: "full_day",
                              period: ("2026-03-16", "2026-03-31"))]
        let result = try check(tunet, credit, name: "kreditnota.xml")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Kreditnota K-17 fra Lia gård"), "\(result.stdout)")
        #expect(result.stdout.contains("Krediterer faktura 1042"))
        #expect(result.stdout.contains("Kreditnotaen stemmer: faktura 1042 står nå som «stemmer»."))
        let invoices = try tunet.json(try tunet.run(["invoice", "list", "--json"], environment: Self.bokmal)) as? [[String: Any]]
        let statuses = invoices?.compactMap { ($0["invoice"] as? [String: Any])?["status"] as? String }
        #expect(statuses == ["matches", "matches"], "\(statuses ?? [])")
        let gone = try tunet.run(["task", "generate"], environment: Self.bokmal)
        #expect(gone.stdout.contains("Vilkåret gjelder ikke lenger for oppgave"), "\(gone.stdout)")

        var second = Self.march
        second.number = "1050"
        let twice = try check(tunet, second, name: "dobbel.xml")
        #expect(twice.status == 1)
        #expect(twice.stdout.contains("Perioden er allerede fakturert på faktura 1042 (kontrollert 10.04.2026); dagene kan være fakturert to ganger"),
                "\(twice.stdout)")
        var full = Self.march
        full.creditNote = true
        full.number = "K-18"
        full.creditedInvoice = "1050"
        let fully = try check(tunet, full, name: "full.xml")
        #expect(fully.status == 0, "\(fully.stdout)")
        #expect(fully.stdout.contains("står nå som «kreditert»"), "\(fully.stdout)")

        var unknown = credit
        unknown.number = "K-19"
        unknown.creditedInvoice = "9999"
        let before = try tunet.databaseSnapshot()
        let orphan = try check(tunet, unknown, name: "ukjent.xml")
        #expect(orphan.status == 65)
        #expect(orphan.stderr.contains("Kreditnotaen krediterer faktura 9999, som ikke er kontrollert i Tunet; kontroller fakturaen først."), "\(orphan.stderr)")
        #expect(try tunet.databaseSnapshot() == before, "a credit note is not recorded before its invoice")

        let again = try check(tunet, second, name: "dobbel.xml", ["--again"])
        #expect(again.status == 65, "a credited invoice is not checked again from its own file")
        #expect(again.stderr.contains("Faktura 1050 er kreditert med kreditnota"), "\(again.stderr)")
    }

    @Test("Bad files are refused in bokmål, naming the element and why, and change nothing")
    func badInput() throws {
        let tunet = try prepared()
        let before = try tunet.databaseSnapshot()
        var ehf2 = Self.march
        ehf2.customization = "urn:www.cenbii.eu:transaction:biitrns010:ver2.0:extended:urn:www.peppol.eu:bis:peppol5a:ver2.0:extended:urn:www.difi.no:ehf:faktura:ver2.0"
        var malformed = Self.march
        malformed.lines[0].price = "1200,00"
        var periodless = Self.march
        periodless.period = nil
        periodless.lines[3].period = nil
        let entity = """
            <?xml version="1.0"?>
            <!DOCTYPE Invoice [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><cbc:ID xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">&lol2;</cbc:ID></Invoice>
            """
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE Invoice SYSTEM "file:///etc/passwd">
            <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>
            """
        let cases: [(name: String, text: String, arguments: [String], status: Int32, says: String)] = [
            ("side.html", "<html><body>Faktura</body></html>", [], 66, "filen er ikke en UBL-faktura eller -kreditnota (rotelementet er «html»"),
            ("ehf2.xml", ehf2.xml, [], 65, "cbc:CustomizationID: er ikke Peppol BIS Billing 3.0"),
            ("annen.xml", Self.march.xml, ["--provider", "923609016"], 65, "fakturaen er fra 974 760 673, ikke fra 923 609 016"),
            ("komma.xml", malformed.xml, [], 65, "cac:InvoiceLine[1]/cac:Price/cbc:PriceAmount: er ikke et desimaltall med punktum"),
            ("uten-periode.xml", periodless.xml, [], 65, "fakturaperioden mangler"),
            ("entitet.xml", entity, [], 66, "dokumenttypedeklarasjon"),
            ("ekstern.xml", external, [], 66, "dokumenttypedeklarasjon"),
            ("tom.xml", "", [], 66, "filen er tom"),
            // Found by fuzzing: FoundationXML passed a processing instruction without data to strlen as null.
            ("instruksjon.xml", "<?SellersItemIdentification?>\n<Invoice/>", [], 66, "en prosesseringsinstruksjon uten innhold"),
            ("utf16.xml", String(decoding: Array("<?xml version=\"1.0\" encoding=\"UTF-16\"?><Invoice/>".utf16).flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] }, as: UTF8.self),
             [], 66, "filen er ikke gyldig UTF-8-tekst"),
            ("tekst.xml", "Faktura 1042", [], 66, "filen er ikke XML"),
        ]
        for bad in cases {
            let file = try tunet.write(bad.name, bad.text)
            let result = try tunet.run(["invoice", "check", file] + bad.arguments, environment: Self.bokmal)
            #expect(result.status == bad.status, "\(bad.name): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(bad.says), "\(bad.name): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(bad.name)")
        }
        var large = Self.march
        large.extra = "<!-- " + String(repeating: "x", count: 10 * 1024 * 1024) + " -->"
        let big = try check(tunet, large, name: "stor.xml")
        #expect(big.status == 66)
        #expect(big.stderr.contains("filen er større enn 10 MB"), "\(big.stderr)")
        #expect(try tunet.databaseSnapshot() == before, "nothing changed")
    }

    @Test("-o writes the check as a workbook: the price lines against the basis and each difference, read back with openpyxl")
    func workbook() throws {
        let tunet = try prepared()
        var invoice = Self.march
        invoice.lines[1].quantity = "7"
        let result = try check(tunet, invoice, ["-o", "kontroll.xlsx"])
        #expect(result.status == 1, "\(result.stderr)")
        let script = """
            import openpyxl
            wb = openpyxl.load_workbook('kontroll.xlsx')
            assert wb.sheetnames == ['Kontroll', 'Avvik'], wb.sheetnames
            ws = wb['Kontroll']
            assert ws['A1'].value.startswith('Faktura 1042 fra Lia gård'), ws['A1'].value
            assert ws['A3'].value == 'Resultat: avvik', ws['A3'].value
            rows = {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=6, max_row=7)}
            assert rows['full_day'][2:7] == [12, 11, 14750, 13500, 1250], rows['full_day']
            assert rows['transport'][2:7] == [12, 12, 3675, 3675, 0], rows['transport']
            differences = [r[0].value for r in wb['Avvik'].iter_rows(min_row=2)]
            assert differences == ['more_invoiced', 'amount_differs', 'total_differs'], differences
            print('ok')
            """
        let python = try Python.run(script, in: tunet.folder)
        #expect(python.output.contains("ok"), "\(python.output)")
    }
}
