import Foundation
import Testing

/// The README's walk-through of the demo, run as a Norwegian user runs it: no language chosen, so bokmål.
/// Every command's human output, and every cell of every exported workbook, must be free of English words.
@Suite("The demo walk-through in bokmål")
struct NorwegianWalkthroughTests {
    /// English words that must never reach a Norwegian reader (codes in backticks and option names aside).
    static let englishWords = ["status", "missing", "valid", "pupils", "pupil", "dementia", "ranking", "open", "agreement", "agreements",
                               "provider", "providers", "placement", "placements", "expiring", "expired", "active", "cancelled",
                               "participant", "planned", "present", "absent", "reported", "total", "rows", "days", "error", "warning",
                               "updated", "the", "and", "of", "with", "not", "has", "from"]

    /// The walk-through (README, "Slik ser det ut"): reading the demo, planning a placement, attendance, the invoice basis, tasks.
    static let walkthrough: [[String]] = [
        ["provider", "list"],
        ["provider", "show", "912345602"],
        ["procurement", "list"],
        ["procurement", "show", "1"],
        ["agreement", "list"],
        ["agreement", "show", "2023/4512"],
        ["agreement", "prices", "2023/4512", "--history"],
        ["agreement", "consumption"],
        ["placement", "list"],
        ["placement", "show", "1"],
        ["placement", "add", "--agreement", "2023/4512", "--kind", "dementia", "--municipality", "3303", "--weekdays", "tue,thu",
         "--start", "2026-12-01", "--end", "2026-12-31", "--decision", "HO-2026/99", "--transport", "--dry-run"],
        ["attendance", "template", "--provider", "912345602", "--month", "2026-11", "-o", "mal.xlsx"],
        ["attendance", "submissions"],
        ["attendance", "status", "--month", "2026-10"],
        ["invoice", "basis", "--provider", "912345602", "--month", "2026-10", "-o", "faktura.xlsx"],
        ["team", "list"],
        ["team", "show", "1"],
        ["task", "generate"],
        ["task", "list", "--team", "1"],
        ["task", "list", "--every-team"],
        ["task", "show", "1"],
        ["pilot", "list"],
        ["pilot", "evaluate", "1"],
        ["kpi", "list"],
        ["calendar", "school", "show", "--municipality", "3303"],
        ["privacy", "report"],
        ["token", "list"],
        ["audit"],
        ["export", "list"],
    ]

    /// What a person reads, less what is not prose: commands and options in backticks, --options, file names,
    /// and the report names a user types after `tunet export`.
    static func prose(_ text: String) -> String {
        var cleaned = text.replacing(/`[^`]*`/, with: " ")
        for report in ExportCommandTests.reports { cleaned = cleaned.replacing(try! Regex("(?m)^\\s*" + report + "\\b"), with: " ") }
        cleaned = cleaned.replacing(/--[a-z][a-z-]*/, with: " ")
        cleaned = cleaned.replacing(/\b[\w.-]+\.(xlsx|csv|sqlite)\b/, with: " ")
        return cleaned
    }

    static func englishWords(in text: String) -> [String] {
        let words = prose(text).lowercased().split { !$0.isLetter }.map(String.init)
        return Array(Set(words.filter { englishWords.contains($0) })).sorted()
    }

    @Test("Every command of the walk-through speaks bokmål when no language is chosen")
    func commands() throws {
        let tunet = try TunetProcess()
        let norwegian = ["TUNET_LANG": ""]
        #expect(try tunet.run(["demo"], environment: norwegian).status == 0)
        for arguments in Self.walkthrough {
            let result = try tunet.run(arguments, environment: norwegian)
            #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.stderr)")
            let found = Self.englishWords(in: result.stdout + "\n" + result.stderr)
            #expect(found.isEmpty, "\(arguments.joined(separator: " ")) printed English: \(found)\n\(result.stdout)\(result.stderr)")
            #expect(!(result.stdout + result.stderr).contains("⟨"), "\(arguments.joined(separator: " ")): a key without a text")
        }
        let refused = try tunet.run(["agreement", "show", "1999/1"], environment: norwegian)
        #expect(refused.status == 66)
        #expect(Self.englishWords(in: refused.stderr).isEmpty, "\(refused.stderr)")
    }

    @Test("Every exported workbook's cells are bokmål")
    func workbooks() throws {
        let tunet = try TunetProcess()
        let norwegian = ["TUNET_LANG": ""]
        #expect(try tunet.run(["demo"], environment: norwegian).status == 0)
        for report in ExportCommandTests.reports {
            let result = try tunet.run(["export", report, "-o", "\(report).xlsx"], environment: norwegian)
            #expect(result.status == 0, "\(report): \(result.stderr)")
            #expect(Self.englishWords(in: result.stdout).isEmpty, "\(report): \(result.stdout)")
        }
        #expect(try tunet.run(["attendance", "template", "--provider", "912345602", "--month", "2026-11", "-o", "mal.xlsx"],
                              environment: norwegian).status == 0)
        #expect(try tunet.run(["invoice", "basis", "--provider", "912345602", "--month", "2026-10", "-o", "faktura.xlsx"],
                              environment: norwegian).status == 0)
        let words = Self.englishWords.map { "'\($0)'" }.joined(separator: ", ")
        let check = """
            import openpyxl, glob, re
            english = {\(words)}
            found = []
            for name in sorted(glob.glob('*.xlsx')):
                wb = openpyxl.load_workbook(name)
                for ws in wb.worksheets:
                    for sheet_word in re.findall(r'[A-Za-zÆØÅæøå]+', ws.title):
                        if sheet_word.lower() in english: found.append((name, ws.title, 'sheet name', sheet_word))
                    for row in ws.iter_rows():
                        for cell in row:
                            if isinstance(cell.value, str) and not cell.value.startswith('='):
                                text = re.sub(r'`[^`]*`', ' ', cell.value)
                                for word in re.findall(r'[A-Za-zÆØÅæøå]+', text):
                                    if word.lower() in english: found.append((name, ws.title, cell.coordinate, cell.value))
            print('found', found[:40])
            print('ok' if not found else 'english')
            """
        let python = try Python.run(check, in: tunet.folder)
        #expect(python.output.contains("ok"), "\(python.output)")
    }
}
