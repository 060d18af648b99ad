import Foundation
import Testing

/// A KPI adjustment taking effect in the middle of March 2026, checked by hand:
///
/// Lia gård bills 1 200,00 a day and 300,00 a trip until 15 March; the KPI clause (base 2025M02 = 120.0,
/// February's index, from 16 March) with 2026M02 = 125.0 makes that 1 250,00 and 312,50 from 16 March.
/// Absence without notice is billed (bill_unannounced_absence).
///
/// P-2026-0301 (Mon/Thu, transport): 2 M, 5 M, 9 FM, 12 M | 16 M, 19 FU, 23 M, 26 AT, 30 M
///   full_day   2–12 March: 3 days × 1 200,00 = 3 600,00;  16–30 March: 4 days × 1 250,00 = 5 000,00
///   transport  2–12 March: 6 trips × 300,00 = 1 800,00;   16–30 March: 6 trips × 312,50 = 1 875,00 (none on the 19th)
/// P-2026-0302 (Wed): 4 M, 11 M | 18 M, 25 FU
///   full_day   4–11 March: 2 × 1 200,00 = 2 400,00;       18–25 March: 2 × 1 250,00 = 2 500,00
/// March total 17 175,00 (days 13 500,00, transport 3 675,00).
@Suite("tunet invoice basis shows which days were billed at which price")
struct InvoicePricePeriodTests {
    static let today = ["TUNET_TODAY": "2026-04-10"]
    static let bokmal = today.merging(["TUNET_LANG": "nb"]) { $1 }

    func prepared() throws -> TunetProcess {
        let tunet = try TunetProcess()
        let setup: [[String]] = [
            ["provider", "add", "--org", "974760673", "--name", "Lia gård", "--municipality", "3303", "--target-groups", "dementia",
             "--places-per-day", "4", "--open-weekdays", "mon-fri", "--approval-date", "2025-06-01"],
            ["agreement", "add", "--reference", "2026/12", "--title", "IPT Kongsberg", "--municipality", "3303", "--provider", "974760673",
             "--target-groups", "dementia", "--start", "2026-01-01", "--end", "2027-12-31", "--estimated-value", "500000",
             "--maximum-value", "500000", "--call-off", "direct", "--absence-rule", "bill_unannounced_absence",
             "--price", "974760673:full_day:day:1200", "--price", "974760673:transport:trip:300",
             "--kpi-base", "2025M02", "--kpi-month", "2", "--kpi-effective-month", "3", "--kpi-effective-day", "16"],
            ["kpi", "set", "2025M02", "120.0"],
            ["kpi", "set", "2026M02", "125.0"],
            ["agreement", "adjust-prices", "--year", "2026"],
            ["placement", "add", "--agreement", "2026/12", "--provider", "974760673", "--participant", "P-2026-0301", "--kind", "dementia",
             "--municipality", "3303", "--weekdays", "mon,thu", "--start", "2026-03-01", "--end", "2026-06-30", "--decision", "HO-1", "--transport"],
            ["placement", "add", "--agreement", "2026/12", "--provider", "974760673", "--participant", "P-2026-0302", "--kind", "dementia",
             "--municipality", "3303", "--weekdays", "wed", "--start", "2026-03-01", "--end", "2026-06-30", "--decision", "HO-2"],
        ]
        for arguments in setup {
            let result = try tunet.run(arguments, environment: Self.today)
            #expect(result.status == 0, "\(arguments.prefix(2)): \(result.stderr)")
        }
        let march = try tunet.write("mars.csv", """
            orgnr;deltaker;dato;status
            974760673;P-2026-0301;02.03.2026;M
            974760673;P-2026-0301;05.03.2026;M
            974760673;P-2026-0301;09.03.2026;FM
            974760673;P-2026-0301;12.03.2026;M
            974760673;P-2026-0301;16.03.2026;M
            974760673;P-2026-0301;19.03.2026;FU
            974760673;P-2026-0301;23.03.2026;M
            974760673;P-2026-0301;26.03.2026;AT
            974760673;P-2026-0301;30.03.2026;M
            974760673;P-2026-0302;04.03.2026;M
            974760673;P-2026-0302;11.03.2026;M
            974760673;P-2026-0302;18.03.2026;M
            974760673;P-2026-0302;25.03.2026;FU

            """)
        let imported = try tunet.run(["attendance", "import", march], environment: Self.today)
        #expect(imported.status == 0, "\(imported.stderr)")
        return tunet
    }

    /// Placement, participant, line, from, to, days, quantity, unit, unit price and amount of each period.
    static let periods: [[String]] = [
        ["1", "P-2026-0301", "full_day", "2026-03-02", "2026-03-12", "3", "3", "day", "1 200,00", "3 600,00"],
        ["1", "P-2026-0301", "full_day", "2026-03-16", "2026-03-30", "4", "4", "day", "1 250,00", "5 000,00"],
        ["1", "P-2026-0301", "transport", "2026-03-02", "2026-03-12", "3", "6", "trip", "300,00", "1 800,00"],
        ["1", "P-2026-0301", "transport", "2026-03-16", "2026-03-30", "3", "6", "trip", "312,50", "1 875,00"],
        ["2", "P-2026-0302", "full_day", "2026-03-04", "2026-03-11", "2", "2", "day", "1 200,00", "2 400,00"],
        ["2", "P-2026-0302", "full_day", "2026-03-18", "2026-03-25", "2", "2", "day", "1 250,00", "2 500,00"],
    ]

    @Test("The table in bokmål has a line per price period: 1 200,00 up to 12.03.2026, 1 250,00 from 16.03.2026, and the sum 17 175,00")
    func table() throws {
        let tunet = try prepared()
        let result = try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-03"], environment: Self.bokmal)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        #expect(lines.first == "Fakturagrunnlag for Lia gård (974760673), mars 2026")
        // Columns are two spaces or more apart; amounts group thousands with one.
        func cells(_ line: String) -> [String] {
            line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " {2,}", with: "|", options: .regularExpression).components(separatedBy: "|")
        }
        #expect(cells(lines[1]) == ["#", "Deltaker", "Avtale", "Planlagt", "Rapportert", "Møtt", "Frav. meldt", "Frav. umeldt", "Avlyst", "Fakturerbare",
                                    "Dager (kr)", "Turer", "Skyss (kr)", "Sum (kr)", "Mangler", "!"])
        #expect(cells(lines[3]) == ["1", "P-2026-0301", "2026/12", "9", "9", "6", "1", "1", "1", "7", "8 600,00", "12", "3 675,00", "12 275,00", "0"])
        #expect(cells(lines[4]) == ["2", "P-2026-0302", "2026/12", "4", "4", "3", "0", "1", "0", "4", "4 900,00", "0", "0,00", "4 900,00", "0"])
        let heading = try #require(lines.firstIndex(of: "Fakturert til hver pris (en ny pris starter en ny periode):"))
        let periods = lines[(heading + 1)...].prefix(2 + Self.periods.count).map(cells)
        #expect(periods.first == ["#", "Deltaker", "Prislinje", "Fra", "Til", "Dager", "Antall", "Enhet", "Enhetspris (kr)", "Beløp (kr)"])
        #expect(Array(periods.dropFirst(2)) == Self.periods.map { period in
            period.enumerated().map { index, cell in
                switch index {
                case 3, 4: LocalDateText.norwegian(cell)
                case 7: cell == "day" ? "dag" : "tur"
                default: cell
                }
            }
        })
        #expect(lines.contains("Sum: 17 175,00 kr (dager 13 500,00, skyss 3 675,00)"))
        #expect(!result.stdout.contains("UFULLSTENDIG"))
    }

    @Test("The table in English writes money and dates the English way")
    func tableInEnglish() throws {
        let tunet = try prepared()
        let result = try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-03"], environment: Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Invoice basis for Lia gård (974760673), March 2026\n"))
        #expect(result.stdout.contains("\nBilled at each price (a new price starts a new period):\n"))
        let cells = result.stdout.components(separatedBy: "\n").map {
            $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " {2,}", with: "|", options: .regularExpression).components(separatedBy: "|")
        }
        #expect(cells.contains(["1", "P-2026-0301", "full_day", "2026-03-16", "2026-03-30", "4", "4", "day", "1,250.00", "5,000.00"]))
        #expect(result.stdout.hasSuffix("Total: NOK 17,175.00 (days 13,500.00, transport 3,675.00)\n"))
    }

    @Test("--json gives each line's price_periods with dates, quantities, unit prices and amounts in øre that add up to the total")
    func json() throws {
        let tunet = try prepared()
        let basis = try #require(try tunet.json(try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-03", "--json"],
                                                             environment: Self.today)) as? [String: Any])
        #expect(basis["total_ore"] as? Int == 1_717_500)
        #expect(basis["day_amount_ore"] as? Int == 1_350_000)
        #expect(basis["transport_amount_ore"] as? Int == 367_500)
        let lines = try #require(basis["lines"] as? [[String: Any]])
        #expect(lines.map { $0["total"] as? Int } == [1_227_500, 490_000])
        var found: [[String]] = []
        var sum = 0
        for line in lines {
            let periods = try #require(line["price_periods"] as? [[String: Any]])
            #expect(periods.reduce(0) { $0 + ($1["amount_ore"] as? Int ?? 0) } == line["total"] as? Int)
            for period in periods {
                sum += period["amount_ore"] as? Int ?? 0
                found.append([String(line["placement_id"] as? Int ?? 0), line["participant"] as? String ?? "", period["line"] as? String ?? "",
                              period["from"] as? String ?? "", period["to"] as? String ?? "", String(period["days"] as? Int ?? -1),
                              String(period["quantity"] as? Int ?? -1), period["unit"] as? String ?? "",
                              String(period["unit_price_ore"] as? Int ?? -1), String(period["amount_ore"] as? Int ?? -1)])
            }
        }
        #expect(found == Self.periods.map { period in
            period.enumerated().map { index, cell in index >= 8 ? cell.filter(\.isNumber) : cell }
        })
        #expect(sum == 1_717_500)
        let first = try #require((lines.first?["price_periods"] as? [[String: Any]])?.first)
        #expect(first["dates"] as? [String] == ["2026-03-02", "2026-03-05", "2026-03-12"])
        let fromSixteenth = try #require((lines.first?["price_periods"] as? [[String: Any]])?[1])
        #expect(fromSixteenth["dates"] as? [String] == ["2026-03-16", "2026-03-19", "2026-03-23", "2026-03-30"])
    }

    @Test("The workbook's sheet «Prisperioder» has the same periods, typed, and a sum of 17 175,00 that is a formula")
    func workbook() throws {
        let tunet = try prepared()
        let written = try tunet.run(["invoice", "basis", "--provider", "974760673", "--month", "2026-03", "-o", "mars.xlsx"], environment: Self.bokmal)
        #expect(written.status == 0, "\(written.stderr)")
        let check = """
            import openpyxl, datetime, json
            wb = openpyxl.load_workbook('mars.xlsx')
            assert wb.sheetnames == ['Forside', 'Fakturagrunnlag', 'Prisperioder'], wb.sheetnames
            ws = wb['Prisperioder']
            assert [c.value for c in ws[4]] == ['Plassering', 'Deltaker', 'Avtale', 'Prislinje', 'Fra', 'Til', 'Dager', 'Antall', 'Enhet', \
            'Enhetspris (kr)', 'Beløp (kr)', 'Datoer'], [c.value for c in ws[4]]
            rows = []
            for row in ws.iter_rows(min_row=5, max_row=10, values_only=True):
                assert isinstance(row[4], datetime.datetime) and isinstance(row[5], datetime.datetime), row
                rows.append([row[0], row[1], row[2], row[3], row[4].date().isoformat(), row[5].date().isoformat(), row[6], row[7], row[8],
                             row[9], row[10], row[11]])
            assert ws['A11'].value == 'Sum', ws['A11'].value
            assert ws['K11'].value == '=SUBTOTAL(9,K5:K10)', ws['K11'].value
            assert ws['J5'].number_format == '#,##0.00\\\\ "kr"', ws['J5'].number_format
            cached = openpyxl.load_workbook('mars.xlsx', data_only=True)['Prisperioder']['K11'].value
            print(json.dumps({'rows': rows, 'sum': cached}, ensure_ascii=False))
            """
        let python = try Python.run(check, in: tunet.folder)
        #expect(python.status == 0, "\(python.output)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(python.output.utf8)) as? [String: Any])
        #expect((document["sum"] as? NSNumber)?.doubleValue == 17175)
        let rows = try #require(document["rows"] as? [[Any]])
        #expect(rows.map { "\($0[0])|\($0[1])|\($0[2])|\($0[3])|\($0[4])|\($0[5])|\($0[6])|\($0[7])|\($0[8])|\($0[9])|\($0[10])" } == [
            "1|P-2026-0301|2026/12|full_day|2026-03-02|2026-03-12|3|3|dag|1200|3600",
            "1|P-2026-0301|2026/12|full_day|2026-03-16|2026-03-30|4|4|dag|1250|5000",
            "1|P-2026-0301|2026/12|transport|2026-03-02|2026-03-12|3|6|tur|300|1800",
            "1|P-2026-0301|2026/12|transport|2026-03-16|2026-03-30|3|6|tur|312.5|1875",
            "2|P-2026-0302|2026/12|full_day|2026-03-04|2026-03-11|2|2|dag|1200|2400",
            "2|P-2026-0302|2026/12|full_day|2026-03-18|2026-03-25|2|2|dag|1250|2500",
        ])
        #expect(rows.first?[11] as? String == "02.03.2026, 05.03.2026, 12.03.2026")
        // The placements sheet's total is the same 17 175,00.
        let total = try Python.run("""
            import openpyxl
            ws = openpyxl.load_workbook('mars.xlsx', data_only=True)['Fakturagrunnlag']
            print(ws.cell(row=ws.max_row, column=14).value)
            """, in: tunet.folder)
        #expect(total.output.trimmingCharacters(in: .whitespacesAndNewlines) == "17175")
    }
}

/// Dates as bokmål writes them in these tests' expectations: 2026-03-02 is 02.03.2026.
enum LocalDateText {
    static func norwegian(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }
}
