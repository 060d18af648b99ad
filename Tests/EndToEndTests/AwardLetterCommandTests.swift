import Foundation
import Testing

/// After an award every bidder is told, in writing and at the same time, who won, its own points and
/// rank, the winners' relative advantages and the exact end of the standstill period.
@Suite("tunet procurement letters: one award letter per bidder, run as a user runs it")
struct AwardLetterCommandTests {
    static let farms = [("923609016", "Strand & Sønn gård"), ("974760673", "Fjellheim gård"), ("971526157", "Holmen gård")]
    static let bokmal = ["TUNET_LANG": "nb", "TUNET_TODAY": "2026-02-03"]

    /// A competition for dementia day care above the EEA threshold (part IV chapter 30: a standstill is
    /// required), three tenders, awarded to the best one on 3 February 2026.
    static func awarded(award: Bool = true) throws -> TunetProcess {
        let tunet = try TunetProcess()
        for (org, name) in farms {
            #expect(try tunet.run("provider", "add", "--org", org, "--name", name, "--municipality", "3303", "--target-groups", "dementia",
                                  "--places-per-day", "3", "--open-weekdays", "mon-fri", "--address", "Gårdsveien 1, 3616 Kongsberg").status == 0)
        }
        let open = ["TUNET_TODAY": "2026-01-10"], tendered = ["TUNET_TODAY": "2026-01-20"]
        var steps: [([String], [String: String])] = [
            (["procurement", "create", "--title", "Dagaktivitet på gård for personer med demens", "--target-groups", "dementia",
              "--municipality", "3303", "--estimated-value", "9 000 000"], open),
            (["procurement", "criteria", "1", "--criterion", "Pris:40:price", "--criterion", "Kvalitet:35", "--criterion", "Faglig opplegg:25",
              "--price-line", "full_day:day:2000", "--price-line", "transport:trip:800", "--deadline", "2026-02-01"], open),
            (["procurement", "open", "1"], open),
        ]
        for (org, prices) in zip(farms.map(\.0), [("1200", "300", "8", "7"), ("1150", "350", "7", "8"), ("1300", "250", "9", "9")]) {
            steps.append((["procurement", "tender", "1", "--provider", org, "--price", "full_day=\(prices.0)", "--price", "transport=\(prices.1)",
                           "--score", "Kvalitet=\(prices.2)", "--score", "Faglig opplegg=\(prices.3)"], tendered))
        }
        steps.append((["procurement", "evaluate", "1"], ["TUNET_TODAY": "2026-02-02"]))
        if award { steps.append((["procurement", "award", "1", "--winners", "1", "--notice-date", "2026-02-03"], bokmal)) }
        for (arguments, environment) in steps {
            let result = try tunet.run(arguments, environment: environment)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return tunet
    }

    func letter(_ tunet: TunetProcess, _ name: String) throws -> String {
        try String(contentsOf: tunet.folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test("Each bidder gets a letter in bokmål: who won, its own points per criterion and rank, the winner's advantages, the standstill's last day")
    func lettersInBokmal() throws {
        let tunet = try Self.awarded()
        let written = try tunet.run(["procurement", "letters", "1", "-o", "brev"], environment: Self.bokmal)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.hasPrefix("Skrev 3 meddelelser om tildeling for anskaffelse 1 i "), "\(written.stdout)")
        #expect(written.stdout.contains("meddelelse-om-tildeling-1-971526157.html: Holmen gård (tildelt, nummer 1)"))
        #expect(written.stdout.contains("meddelelse-om-tildeling-1-974760673.html: Fjellheim gård (ikke tildelt, nummer 3)"))

        let lost = try letter(tunet, "brev/meddelelse-om-tildeling-1-974760673.html")
        #expect(lost.contains("<html lang=\"nb\">"))
        #expect(lost.contains("<h1>Meddelelse om tildeling</h1>"))
        #expect(lost.contains("Kongsberg kommune"))
        #expect(lost.contains("Dato: 03.02.2026"))
        #expect(lost.contains("Fjellheim gård<br>Org.nr. 974 760 673<br>Gårdsveien 1, 3616 Kongsberg"), "\(lost)")
        #expect(lost.contains("Vi har evaluert 3 tilbud etter tildelingskriteriene"))
        #expect(lost.contains("<li>Holmen gård, org.nr. 971 526 157: nummer 1 i avtalen, 9,086 poeng</li>"), "\(lost)")
        #expect(lost.contains("er rangert som nummer 3 av 3. Det nådde dessverre ikke opp."))
        // Its own points per criterion beside the winner's, and the weights.
        #expect(lost.contains("<th class=\"number\">Holmen gård</th>"))
        #expect(lost.contains("<tr><td>Kvalitet</td><td class=\"number\">35 %</td><td class=\"number\">7,000</td><td class=\"number\">9,000</td></tr>"), "\(lost)")
        #expect(lost.contains("Holmen gård fikk 9,086 poeng mot deres"))
        #expect(lost.contains("Holmen gård var bedre på Kvalitet (0,700 vektede poeng) og Faglig opplegg (0,250 vektede poeng)"), "\(lost)")
        #expect(lost.contains("Deres tilbud var bedre på Pris ("), "\(lost)")
        #expect(lost.contains("slutter 13.02.2026 kl. 23.59. Rammeavtalen blir ikke inngått før 14.02.2026."))

        let won = try letter(tunet, "brev/meddelelse-om-tildeling-1-971526157.html")
        #expect(won.contains("er rangert som nummer 1 av 3. Dere er tildelt rammeavtale."))
        #expect(won.contains("Tilbudet deres fikk flest poeng samlet, 9,086, og er det eneste som er tildelt avtale."))

        // A name with markup characters is written as text, never as markup.
        let strand = try letter(tunet, "brev/meddelelse-om-tildeling-1-923609016.html")
        #expect(strand.contains("Strand &amp; Sønn gård<br>"))
        #expect(!strand.contains("Strand & Sønn"))
    }

    @Test("Writing the letters is audited with the day and the bidders; the JSON names each file")
    func audited() throws {
        let tunet = try Self.awarded()
        let written = try tunet.run(["procurement", "letters", "1", "-o", "brev", "--json"], environment: Self.bokmal)
        #expect(written.status == 0, "\(written.stderr)")
        let view = try tunet.json(written) as? [String: Any]
        let letters = view?["letters"] as? [[String: Any]]
        #expect(letters?.count == 3)
        #expect(letters?.first?["organisation_number"] as? String == "971526157")
        #expect(letters?.first?["awarded"] as? Bool == true)
        let shown = try tunet.json(try tunet.run("procurement", "show", "1", "--json")) as? [String: Any]
        let record = ((shown?["award"] as? [String: Any])?["letters"] as? [[String: Any]])?.first
        #expect(record?["on"] as? String == "2026-02-03")
        #expect(record?["recipients"] as? [String] == ["971526157", "923609016", "974760673"])
        let audit = try tunet.run(["audit", "--entity", "procurement", "--id", "1"], environment: Self.bokmal)
        #expect(audit.stdout.contains("3 meddelelser om tildeling skrevet"), "\(audit.stdout)")
    }

    @Test("The letter prints on A4 in Chromium, and the printed PDF reads as the letter")
    func printsInChromium() throws {
        let tunet = try Self.awarded()
        #expect(try tunet.run(["procurement", "letters", "1", "-o", "brev"], environment: Self.bokmal).status == 0)
        let check = """
            import subprocess, pypdf, shutil
            browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
            subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            "--print-to-pdf=brev.pdf", "file://" + __import__("os").path.abspath("brev/meddelelse-om-tildeling-1-974760673.html")],
                           check=True, capture_output=True, timeout=120)
            pdf = pypdf.PdfReader("brev.pdf")
            page = pdf.pages[0].mediabox
            print(len(pdf.pages), round(float(page.width)), round(float(page.height)))
            text = " ".join(p.extract_text() for p in pdf.pages)
            print("Meddelelse om tildeling" in text, "13.02.2026" in text, "Holmen gård" in text)
            """
        let (status, output) = try Python.run(check, in: tunet.folder)
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map(String.init)
        // A4 is 595 × 842 points; the letter fits on one or two pages.
        #expect(lines.first == "1 595 842" || lines.first == "2 595 842", "\(output)")
        #expect(lines.last == "True True True", "\(output)")
    }

    @Test("In English on request: the file names and the letter")
    func english() throws {
        let tunet = try Self.awarded()
        let written = try tunet.run(["procurement", "letters", "1", "-o", "letters", "--lang", "en"], environment: ["TUNET_TODAY": "2026-02-03"])
        #expect(written.status == 0, "\(written.stderr)")
        let lost = try letter(tunet, "letters/award-notice-1-974760673.html")
        #expect(lost.contains("<html lang=\"en\">"))
        #expect(lost.contains("<h1>Notice of award</h1>"))
        #expect(lost.contains("ends 2026-02-13 at 23:59"))
    }

    @Test("Refused, changing nothing and making no folder: before the award, over existing letters without --force, into a file")
    func refusals() throws {
        let early = try Self.awarded(award: false)
        let before = try early.databaseSnapshot()
        let notYet = try early.run(["procurement", "letters", "1", "-o", "brev"], environment: Self.bokmal)
        #expect(notYet.status != 0)
        #expect(notYet.stderr.contains("få skrevet meddelelser om tildeling"), "\(notYet.stderr)")
        #expect(!FileManager.default.fileExists(atPath: early.folder.appendingPathComponent("brev").path))
        #expect(try early.databaseSnapshot() == before)

        let tunet = try Self.awarded()
        #expect(try tunet.run(["procurement", "letters", "1", "-o", "brev"], environment: Self.bokmal).status == 0)
        let written = try tunet.databaseSnapshot()
        let again = try tunet.run(["procurement", "letters", "1", "-o", "brev"], environment: Self.bokmal)
        #expect(again.status != 0)
        #expect(again.stderr.contains("det finnes allerede en fil der"), "\(again.stderr)")
        #expect(try tunet.databaseSnapshot() == written)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tunet.folder.appendingPathComponent("brev").path)
        #expect(leftovers.count == 3, "no temporary file is left: \(leftovers)")

        #expect(try tunet.run(["procurement", "letters", "1", "-o", "brev", "--force"], environment: Self.bokmal).status == 0)
        let shown = try tunet.json(try tunet.run("procurement", "show", "1", "--json")) as? [String: Any]
        #expect(((shown?["award"] as? [String: Any])?["letters"] as? [Any])?.count == 2, "each writing is recorded")

        _ = try tunet.write("fil.txt", "x")
        let intoFile = try tunet.run(["procurement", "letters", "1", "-o", "fil.txt"], environment: Self.bokmal)
        #expect(intoFile.status != 0)
        #expect(intoFile.stderr.contains("det er en fil; oppgi en mappe brevene skal skrives i"), "\(intoFile.stderr)")
    }

    @Test("Winners named out of rank: a bidder with more points than a chosen winner is told so, not that it won")
    func winnersOutOfRank() throws {
        let tunet = try Self.awarded(award: false)
        let award = try tunet.run(["procurement", "award", "1", "--winner", "971526157", "--winner", "974760673", "--notice-date", "2026-02-03"],
                                  environment: Self.bokmal)
        #expect(award.status == 0, "\(award.stderr)")
        #expect(try tunet.run(["procurement", "letters", "1", "-o", "brev"], environment: Self.bokmal).status == 0)
        let strand = try letter(tunet, "brev/meddelelse-om-tildeling-1-923609016.html")
        #expect(strand.contains("Det nådde dessverre ikke opp."))
        #expect(strand.contains("poeng mindre, men er valgt som part i avtalen."), "\(strand)")
        #expect(!strand.contains("sammen med dere"))
    }
}
