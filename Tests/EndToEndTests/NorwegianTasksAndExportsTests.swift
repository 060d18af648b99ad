import Foundation
import GRDB
import Testing
import TunetTestSupport

/// The work team's tasks, pilots, exports and the audit log as a Norwegian user reads them (bokmål, the
/// default), and the same data in English on request.
@Suite("Tasks, pilots, exports and the audit log in bokmål, run as a user runs them (today 2026-11-23)")
struct NorwegianTasksAndExportsTests {
    static let bokmal = ["TUNET_LANG": "nb"]

    static func demo() throws -> TunetProcess {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        return tunet
    }

    @Test("task generate in bokmål titles the tasks in Norwegian; the same tasks read in English with --lang en; the title is stored as a message")
    func generatedTitles() throws {
        let tunet = try Self.demo()
        let generated = try tunet.run(["task", "generate", "--ceiling-warning", "1", "--option-days", "400"], environment: Self.bokmal)
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout == """
            Ny: Oppgave 8 (åpen): Avtale 2023/4512 har nådd 1 % av maksimalverdien (1,6 % bundet eller brukt) — Eva Dahl
            Ny: Oppgave 9 (åpen): Ta stilling til opsjon 1 i avtale 2025/DAG-77 (12 måneder) innen 30.06.2027 — Jon Strand
            Ny: Oppgave 10 (åpen): Avtale 2025/DAG-77 har nådd 1 % av maksimalverdien (3,0 % bundet eller brukt) — Jon Strand
            Ny: Oppgave 11 (åpen): Avtale 2025/310 har nådd 1 % av maksimalverdien (2,8 % bundet eller brukt) — Liv Berg
            Noe gjelder 1837 Meløy, 1865 Vågan, 1866 Hadsel og 1870 Sortland, som ikke har noe arbeidslag; ingen oppgave ble laget for dem. Lag et arbeidslag med `tunet team add`.
            4 nye oppgaver, 6 fra før, 0 der vilkåret ikke lenger gjelder.

            """)

        let english = try tunet.run("task", "list", "--every-team", "--lang", "en")
        #expect(english.stdout.contains("Agreement 2023/4512 has reached 1% of its maximum value (1.6% committed or spent)"), "\(english.stdout)")
        #expect(english.stdout.contains("Decide option 1 of agreement 2025/DAG-77 (12 months) by 2027-06-30"))
        let json = try tunet.json(try tunet.run("task", "show", "8", "--json", "--lang", "en")) as? [String: Any]
        #expect(json?["title"] as? String == "Agreement 2023/4512 has reached 1% of its maximum value (1.6% committed or spent)")
        #expect(json?["rule_key"] as? String == "1|ceiling1:2023/4512")
        #expect(((json?["history"] as? [[String: Any]])?.first?["text"] as? String)
            == "raised by the ceiling rule; owner Eva Dahl: the first active member in procurement")

        let shown = try tunet.run(["task", "show", "8"], environment: Self.bokmal)
        #expect(shown.stdout.contains("Tittel:    Avtale 2023/4512 har nådd 1 % av maksimalverdien (1,6 % bundet eller brukt)\n"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Sektorer:  innkjøp, økonomi\n"))
        #expect(shown.stdout.contains("Frist:     07.12.2026\n"))
        #expect(shown.stdout.contains("Gjelder:   avtale 2023/4512\n"))
        #expect(shown.stdout.contains("opprettet av regelen for maksimalverdi; ansvarlig Eva Dahl: første aktive medlem i innkjøp"))

        // Stored as the message and its values, not as the text of the language it was raised in.
        if let shared = tunet.sharedDatabase {
            let rows = try PostgresCluster.shared().query("""
                SELECT document #>> '{title,key}', document #>> '{title,arguments,threshold,integer}',
                       replace(document #>> '{title,arguments,used,percentage}', ' ', '') FROM work_task WHERE id = 8
                UNION ALL SELECT document #>> '{title}', '', '' FROM work_task WHERE id = 7
                """, in: shared)
            #expect(rows == [["task.title.ceiling", "1", "[44347002,2800000000]"], ["Skriv årsevalueringen av arbeidslaget til kommunedirektøren", "", ""]])
            return
        }
        let queue = try DatabaseQueue(path: tunet.databasePath)
        defer { try? queue.close() }
        let stored = try queue.read { db in
            try Row.fetchOne(db, sql: """
                SELECT json_extract(document, '$.title.key') AS key, json_extract(document, '$.title.arguments.threshold.integer') AS threshold,
                       json_extract(document, '$.title.arguments.used.percentage') AS used FROM work_task WHERE id = 8
                """)
        }
        #expect(stored?["key"] as String? == "task.title.ceiling")
        #expect(stored?["threshold"] as Int? == 1)
        #expect(stored?["used"] as String? == "[44347002,2800000000]")   // committed and spent against the maximum, in øre
        // A task a person typed keeps its text.
        let typed = try queue.read { db in try String.fetchOne(db, sql: "SELECT json_extract(document, '$.title') FROM work_task WHERE id = 7") }
        #expect(typed == "Skriv årsevalueringen av arbeidslaget til kommunedirektøren")
    }

    @Test("task list in bokmål: Norwegian headers, dates, statuses, sectors and links")
    func taskList() throws {
        let tunet = try Self.demo()
        let list = try tunet.run(["task", "list", "--team", "1"], environment: Self.bokmal)
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("#  Frist         Oppgave ") == true, "\(list.stdout)")
        #expect(lines.first?.hasSuffix("Ansvarlig  Sektorer                                Tilstand  Gjelder") == true)
        let overdue = try #require(lines.first { $0.hasPrefix("3  ") })
        #expect(overdue.hasPrefix("3  03.11.2026 !  Forny IPT-godkjenningen til Søndre Ås gård: ekstern revisjon forfaller 03.11.2026"))
        #expect(overdue.hasSuffix("Ola Berg   landbruk                                åpen      tilbyder 912346005"))
        let renewal = try #require(lines.first { $0.hasPrefix("5  ") })
        #expect(renewal.contains("31.12.2026    Planlegg en ny konkurranse: avtale 2023/4512 utløper 31.12.2026, og fristen for å ta stilling til opsjon 2 (30.09.2026) er passert"))
        #expect(renewal.hasSuffix("Eva Dahl   innkjøp                                 åpen      avtale 2023/4512"))
        #expect(lines.contains { $0.contains("Kari Lia   oppvekst og utdanning, helse og omsorg  åpen") })
        for word in ["open", "agreement", "provider", "education", "procurement", "agriculture", "Renew", "2026-"] {
            #expect(!list.stdout.contains(word), "\(word) in \(list.stdout)")
        }
    }

    @Test("pilot evaluate in bokmål: the table's figures with Norwegian numbers, and the summary")
    func pilotEvaluation() throws {
        let tunet = try Self.demo()
        let evaluation = try tunet.run(["pilot", "evaluate", "1"], environment: Self.bokmal)
        #expect(evaluation.status == 0, "\(evaluation.stderr)")
        let lines = evaluation.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Inn på tunet for elever i Nordland, 01.01.2025 til 31.12.2027")
        #expect(lines[1] == "Pilot                               Kommune        Deltakere  Plasseringer  Planlagt  Møtt  Oppmøte      Brukt   Per dag  Dagsenter  Forhold")
        #expect(lines[3] == "Inn på tunet for elever i Nordland  1866 Hadsel            1             1        13     9   90,0 %  11 700,00  1 300,00   1 300,00  100,0 %")
        #expect(lines[6] == "Inn på tunet for elever i Nordland  1865 Vågan             0             0         0     0        –       0,00         –   1 300,00        –")
        #expect(lines[8] == "Inn på tunet for elever i Nordland  alle                   4             4        53    33   84,6 %  42 900,00  1 300,00          –        –")
        #expect(lines[9] == "Tilbydere: 3 godkjent, 1 i bruk. Dokumentert valg av gård: 4 av 4 plasseringer. Oppgaver utført i tide: 0 av 0.")
        #expect(lines[10] == "  1804 trivsel: 4,3 (n = 12, Elevundersøkelse (illustrasjon))")
        let english = try tunet.run("pilot", "evaluate", "1", "--lang", "en")
        #expect(english.stdout.contains("Inn på tunet for elever i Nordland  all                       4           4       53       33  84.6%  42,900.00  1,300.00"),
                "\(english.stdout)")
    }

    @Test("Every report exported in bokmål shows labels, not codes, in its cells; the same export in English shows English labels")
    func exportsWithoutCodes() throws {
        let tunet = try Self.demo()
        _ = try tunet.run("task", "generate", "--ceiling-warning", "1")
        for report in ExportCommandTests.reports {
            let result = try tunet.run(["export", report, "--from", "2026-10-01", "-o", "\(report).xlsx"], environment: Self.bokmal)
            #expect(result.status == 0, "\(report): \(result.stderr)")
        }
        #expect(try tunet.run("export", "tasks", "-o", "tasks-en.xlsx", "--lang", "en").status == 0)
        let check = """
            import openpyxl, re
            codes = ['pupils', 'pupil', 'dementia', 'valid', 'expiring', 'expired', 'missing', 'active', 'ranking', 'open', 'draft',
                     'suspended', 'unknown', 'cancelled', 'planned', 'present', 'ended', 'audit_overdue', 'not_approved', 'in_progress',
                     'approval_renewal', 'ceiling', 'education', 'agriculture', 'procurement', 'finance', 'health_and_care', 'nav',
                     'coordinating_unit', 'percent', 'score', 'yes', 'no', 'true', 'false', 'absent_with_notice', 'create', 'update', 'provider',
                     'agreement', 'placement', 'team_member', 'task']
            pattern = re.compile(r'(?<![\\w-])(' + '|'.join(codes) + r')(?![\\w-])')
            found = []
            for name in \(ExportCommandTests.reports):
                wb = openpyxl.load_workbook(name + '.xlsx')
                for ws in wb.worksheets:
                    headers = [c.value for c in ws[1]]
                    for row in ws.iter_rows(min_row=1):
                        for cell in row:
                            header = headers[cell.column - 1] if cell.column - 1 < len(headers) else None
                            # The audit log's before and after are the stored records, codes and all.
                            if name == 'audit' and header in ('Før', 'Etter', 'Merknad'): continue
                            # The rule that chose the farm is the placement's stored text.
                            if name == 'placements' and header == 'Valgt etter': continue
                            if isinstance(cell.value, str) and pattern.search(cell.value):
                                found.append((name, ws.title, cell.coordinate, cell.value))
            assert not found, found[:10]

            def column(wb, sheet, header):
                ws = wb[sheet]
                index = [c.value for c in ws[1]].index(header)
                return [row[index] for row in ws.iter_rows(min_row=2, values_only=True) if row[0] not in (None, 'Sum')]
            providers = openpyxl.load_workbook('providers.xlsx')
            assert set(column(providers, 'Tilbydere', 'IPT-godkjenning')) == {'gyldig', 'utløper snart', 'revisjon forfalt', 'ikke godkjent'}, \\
                set(column(providers, 'Tilbydere', 'IPT-godkjenning'))
            assert 'elever, personer med demens' in column(providers, 'Tilbydere', 'Målgrupper'), column(providers, 'Tilbydere', 'Målgrupper')
            assert 'man–fre' in column(providers, 'Tilbydere', 'Åpningsdager'), column(providers, 'Tilbydere', 'Åpningsdager')
            ws = providers['Tilbydere']
            index = [c.value for c in ws[1]].index('IPT-godkjenning') + 1
            for row in range(2, ws.max_row + 1):
                cell = ws.cell(row=row, column=index)
                marked = bool(cell.fill and cell.fill.fill_type and cell.fill.fgColor.rgb.endswith('FCE4D6'))
                assert marked == (cell.value in ('utløper snart', 'revisjon forfalt', 'ikke godkjent')), (cell.value, marked)
            agreements = openpyxl.load_workbook('agreements.xlsx')
            assert column(agreements, 'Avtaler', 'Avropsform') == ['rangering', 'tildelingskriterier', 'rangering'], column(agreements, 'Avtaler', 'Avropsform')
            assert column(agreements, 'Avtaler', 'Tilstand') == ['utløper snart', 'aktiv', 'aktiv'], column(agreements, 'Avtaler', 'Tilstand')
            placements = openpyxl.load_workbook('placements.xlsx')
            assert set(column(placements, 'Plasseringer', 'Type')) == {'elev', 'demens (dagaktivitet)'}
            assert column(placements, 'Plasseringer', 'Valgt etter')[0].startswith('rangering: ')
            tasks = openpyxl.load_workbook('tasks.xlsx')
            assert column(tasks, 'Oppgaver', 'Oppgave')[0] == 'Forny IPT-godkjenningen til Søndre Ås gård: ekstern revisjon forfaller 03.11.2026'
            assert set(column(tasks, 'Oppgaver', 'Tilstand')) == {'åpen'}
            assert set(column(tasks, 'Oppgaver', 'Type')) == {'fornye godkjenning', 'annet', 'ny konkurranse', 'maksimalverdi', 'avvik i faktura'}, set(column(tasks, 'Oppgaver', 'Type'))
            assert 'innkjøp, økonomi' in column(tasks, 'Oppgaver', 'Sektorer')
            assert 'avtale 2023/4512' in column(tasks, 'Oppgaver', 'Gjelder')
            assert column(tasks, 'Oppgaver', 'Fra regel').count('nei') == 1
            assert 'Avtale 2023/4512 har nådd 1 % av maksimalverdien (1,6 % bundet eller brukt)' in column(tasks, 'Oppgaver', 'Oppgave')
            english = openpyxl.load_workbook('tasks-en.xlsx')
            assert 'Agreement 2023/4512 has reached 1% of its maximum value (1.6% committed or spent)' in column(english, 'Tasks', 'Task')
            assert set(column(english, 'Tasks', 'Status')) == {'open'}
            assert 'agreement 2023/4512' in column(english, 'Tasks', 'About')
            rows = openpyxl.load_workbook('attendance-rows.xlsx')
            assert set(column(rows, 'Oppmøte', 'Tilstand')) <= {'møtt', 'fravær meldt', 'fravær umeldt', 'avlyst av tilbyder'}, set(column(rows, 'Oppmøte', 'Tilstand'))
            audit = openpyxl.load_workbook('audit.xlsx')
            assert column(audit, 'Logg', 'Handling')[0] == 'opprettet' and column(audit, 'Logg', 'Objekt')[0] == 'tilbyder'
            assert re.fullmatch(r'\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d:\\d\\d', column(audit, 'Logg', 'Tid (norsk)')[0])
            pilots = openpyxl.load_workbook('pilot-evaluation.xlsx')
            assert 'Alle' in column(pilots, 'Evaluering', 'Kommune')
            assert set(column(pilots, 'Målinger', 'Enhet')) == {'prosent', 'skår'}, set(column(pilots, 'Målinger', 'Enhet'))
            front = openpyxl.load_workbook('tasks.xlsx')['Forside']
            assert [front.cell(row=r, column=1).value for r in range(3, 9)] == ['Rapport', 'Innhold', 'Filtre', 'Generert', 'Tunet-versjon', 'Personvern']
            assert front['B6'].value.endswith(' (norsk tid)') and re.match(r'\\d\\d\\.\\d\\d\\.\\d{4} ', front['B6'].value), front['B6'].value
            print('ok')
            """
        let python = try Python.run(check, in: tunet.folder)
        #expect(python.status == 0 && python.output == "ok\n", "\(python.output)")
    }

    @Test("audit --limit N shows the newest N events in time order; --oldest the first N")
    func auditLimit() throws {
        let tunet = try Self.demo()
        let all = try #require(try tunet.json(try tunet.run("audit", "--json")) as? [[String: Any]])
        let ids = all.compactMap { $0["id"] as? Int }
        #expect(ids.count > 10 && ids == ids.sorted())
        let newest = try tunet.json(try tunet.run("audit", "--limit", "3", "--json")) as? [[String: Any]]
        #expect(newest?.compactMap { $0["id"] as? Int } == Array(ids.suffix(3)))
        let oldest = try tunet.json(try tunet.run("audit", "--limit", "3", "--oldest", "--json")) as? [[String: Any]]
        #expect(oldest?.compactMap { $0["id"] as? Int } == [1, 2, 3])
        let providers = try tunet.json(try tunet.run("audit", "--entity", "provider", "--limit", "2", "--json")) as? [[String: Any]]
        let lastProviders = all.filter { $0["entity"] as? String == "provider" }.suffix(2).compactMap { $0["id"] as? Int }
        #expect(providers?.compactMap { $0["id"] as? Int } == lastProviders)

        let table = try tunet.run(["audit", "--limit", "3", "--oldest"], environment: Self.bokmal)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(table.stdout)")
        #expect(lines[0] == "#  Når (norsk tid)      Hvem        Handling   Objekt    Id         Merknad")
        #expect(lines[2].hasPrefix("1  ") && lines[2].hasSuffix("  e2e-tester  opprettet  tilbyder  912345602  demo"), "\(lines[2])")
        #expect(lines[4].hasPrefix("3  "))
        let last = try tunet.run(["audit", "--limit", "1"], environment: Self.bokmal)
        #expect(last.stdout.split(separator: "\n").last?.hasPrefix("\(ids.last!)  ") == true, "\(last.stdout)")
        let bad = try tunet.run(["audit", "--limit", "0"], environment: Self.bokmal)
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("limit: grensen må være minst 1"), "\(bad.stderr)")
    }

    @Test("An error in a subcommand prints that subcommand's usage, not the top level's")
    func subcommandUsage() throws {
        let tunet = try Self.demo()
        let bogus = try tunet.run("provider", "add", "--bogus")
        #expect(bogus.status == 64)
        #expect(bogus.stderr.contains("Usage: tunet provider add "), "\(bogus.stderr)")
        #expect(bogus.stderr.contains("See 'tunet provider add --help'"))
        #expect(!bogus.stderr.contains("tunet <subcommand>"))

        let unconfirmed = try tunet.run(["privacy", "erase", "--participant", "P-2026-0001"], environment: Self.bokmal)
        #expect(unconfirmed.status == 64)
        #expect(unconfirmed.stderr == """
            feil: Sletting kan ikke angres; legg til --yes for å bekrefte.
            Bruk: tunet privacy erase --participant <participant> [--yes] [--json] [--database <fil>] [--as <navn>] [--lang <nb|en>]
              Se «tunet privacy erase --help» for mer informasjon.

            """)
        let english = try tunet.run("restore", "backup.sqlite")
        #expect(english.status == 64)
        #expect(english.stderr.hasPrefix("error: Restoring replaces everything in the database; add --yes to confirm.\nUsage: tunet restore <path> [--yes]"),
                "\(english.stderr)")
        #expect(english.stderr.contains("  See 'tunet restore --help' for more information."))
        let compare = try tunet.run("pilot", "compare", "1")
        #expect(compare.stderr.contains("Usage: tunet pilot compare"), "\(compare.stderr)")
    }
}
