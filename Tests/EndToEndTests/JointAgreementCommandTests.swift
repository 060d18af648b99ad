import Foundation
import Testing

@Suite("A joint agreement's ceiling by municipality, through tunet agreement")
struct JointAgreementCommandTests {
    static let bokmål = ["TUNET_LANG": "nb"]
    static let pilot = ["3316 Modum", "3326 Hemsedal", "3107 Fredrikstad", "3222 Lørenskog", "0301 Oslo"]

    /// The lines of the table under `title`, from its header to the first blank line.
    func table(_ output: String, after title: String) -> [String] {
        guard let start = output.range(of: title + "\n") else { return [] }
        return Array(output[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.isEmpty }.map(String.init))
    }

    @Test("agreement show lists each municipality's committed, spent, used and share of the shared ceiling, in bokmål and as JSON; a one-municipality agreement has no such table")
    func show() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)

        let shown = try tunet.run(["agreement", "show", "2025/DAG-77"], environment: Self.bokmål)
        #expect(shown.status == 0, "\(shown.stderr)")
        let lines = table(shown.stdout, after: "Forbruk per kommune:")
        #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
                == "Kommune Bundet (kr) Brukt (kr) Forbruk (kr) Andel av forbruket Andel av taket")
        let rows = lines.dropFirst(2)
        #expect(rows.map { String($0.prefix(16)).trimmingCharacters(in: .whitespaces) } == Self.pilot + ["Sum"])
        #expect(rows.last?.hasSuffix("100,0 %           3,0 %") == true, "\(rows.last ?? "")")

        let json = try tunet.json(try tunet.run("agreement", "show", "2025/DAG-77", "--json")) as? [String: Any]
        let byMunicipality = try #require(json?["consumption_by_municipality"] as? [[String: Any]])
        #expect(byMunicipality.map { "\($0["municipality_number"] as? String ?? "") \($0["municipality_name"] as? String ?? "")" } == Self.pilot)
        let consumption = try #require(json?["consumption"] as? [String: Any])
        for key in ["committed_ore", "spent_ore", "used_ore"] {
            #expect(byMunicipality.reduce(0) { $0 + ($1[key] as? Int ?? 0) } == consumption[key] as? Int, "\(key)")
        }
        #expect(byMunicipality.allSatisfy { ($0["share_of_used_percent"] as? Double ?? 0) > 0 && $0["share_of_maximum_percent"] is Double })

        let kongsberg = try tunet.run("agreement", "show", "2023/4512")
        #expect(kongsberg.status == 0 && !kongsberg.stdout.contains("Consumption by municipality"))
    }

    @Test("agreement consumption --by-municipality prints the breakdown, and adds it to --json")
    func consumption() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let printed = try tunet.run("agreement", "consumption", "2025/DAG-77", "--by-municipality")
        #expect(printed.status == 0, "\(printed.stderr)")
        let rows = table(printed.stdout, after: "Consumption by municipality in 2025/DAG-77:")
        #expect(rows.first?.hasPrefix("Municipality") == true)
        #expect(rows.dropFirst(2).map { String($0.prefix(16)).trimmingCharacters(in: .whitespaces) } == Self.pilot + ["Total"])

        let json = try tunet.json(try tunet.run("agreement", "consumption", "2025/DAG-77", "--by-municipality", "--json")) as? [[String: Any]]
        #expect((json?.first?["consumption_by_municipality"] as? [Any])?.count == 5)
        let plain = try tunet.json(try tunet.run("agreement", "consumption", "2025/DAG-77", "--json")) as? [[String: Any]]
        #expect(plain?.first?.keys.sorted() == ["ceiling_forecast", "ceiling_forecast_early", "consumption", "reference", "status"])
    }

    @Test("The agreements report narrowed to a municipality has only its line of the shared ceiling")
    func report() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let result = try tunet.run("export", "agreements", "--municipality", "3107", "-o", "avtaler.xlsx", "--lang", "nb")
        #expect(result.status == 0, "\(result.stderr)")
        let check = """
            import openpyxl
            ws = openpyxl.load_workbook('avtaler.xlsx', data_only=True)['Forbruk per kommune']
            header = [c.value for c in ws[1]]
            assert header == ['Referanse', 'Tittel', 'Kommune', 'Bundet', 'Brukt', 'Forbruk', 'Avtalens maksimalverdi', 'Andel av taket'], header
            rows = [r for r in ws.iter_rows(min_row=2, values_only=True)]
            assert [r[0] for r in rows] == ['2025/DAG-77', 'Sum'], rows
            line = rows[0]
            assert line[2] == '3107 Fredrikstad', line
            assert abs(line[3] + line[4] - line[5]) < 0.005 and line[5] > 0, line
            assert line[6] == 14000000, line
            assert abs(line[7] - line[5] / line[6]) < 1e-9, line
            print('ok')
            """
        let python = try Python.run(check, in: tunet.folder)
        #expect(python.output.contains("ok"), "\(python.output)")
    }
}
