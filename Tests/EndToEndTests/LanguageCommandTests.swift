import Foundation
import Testing

@Suite("Choosing the language: bokmål by default, English with --lang en or TUNET_LANG=en")
struct LanguageCommandTests {
    @Test("Bokmål without a choice; --lang before or after the subcommand, or TUNET_LANG; --lang wins; an unknown language is refused")
    func choosing() throws {
        let tunet = try TunetProcess()
        let none = ["TUNET_LANG": ""]
        #expect(try tunet.run(["kpi", "set", "2026M10", "143.2"], environment: none).status == 0)
        let bokmal = try tunet.run(["agreement", "show", "1999/1"], environment: none)
        #expect(bokmal.status == 66)
        #expect(bokmal.stderr == "feil: Fant ingen avtale «1999/1».\n", "\(bokmal.stderr)")
        for arguments in [["--lang", "en", "agreement", "show", "1999/1"], ["agreement", "show", "1999/1", "--lang=en"],
                          ["agreement", "--lang", "en", "show", "1999/1"]] {
            let english = try tunet.run(arguments, environment: none)
            #expect(english.status == 66, "\(arguments)")
            #expect(english.stderr == "error: No agreement '1999/1' is registered.\n", "\(arguments): \(english.stderr)")
        }
        #expect(try tunet.run(["agreement", "show", "1999/1"], environment: ["TUNET_LANG": "en"]).stderr.hasPrefix("error: No agreement"))
        #expect(try tunet.run(["agreement", "show", "1999/1", "--lang", "nb"], environment: ["TUNET_LANG": "en"]).stderr.hasPrefix("feil: Fant ingen"))
        let unknown = try tunet.run(["agreement", "show", "1999/1", "--lang", "sv"], environment: none)
        #expect(unknown.status == 64)
        #expect(unknown.stderr == "feil: --lang: «sv» er ikke et språk Tunet har; bruk nb (bokmål) eller en (engelsk)\n", "\(unknown.stderr)")
        let badSetting = try tunet.run(["agreement", "show", "1999/1"], environment: ["TUNET_LANG": "de_DE.UTF-8"])
        #expect(badSetting.status == 64)
        #expect(badSetting.stderr.contains("TUNET_LANG: «de_DE.UTF-8» er ikke et språk Tunet har"))
    }

    @Test("A command line Tunet cannot read is told in bokmål, with the usage of the subcommand it was meant for")
    func unreadableCommandLine() throws {
        let tunet = try TunetProcess()
        let none = ["TUNET_LANG": ""]
        let cases: [([String], String)] = [
            (["provider", "list", "--jsn"], "feil: Ukjent valg «--jsn». Mente du «--json»?"),
            (["provider", "list", "--bogus"], "feil: Ukjent valg «--bogus»"),
            (["provider", "list", "--state"], "feil: Verdi mangler for «--state <state>»"),
            (["audit", "--json=ja"], "feil: Valget «--json» tar ingen verdi, men «ja» ble gitt."),
            (["provider", "lst"], "feil: Uventet argument «lst»"),
            (["provider", "list", "a", "b"], "feil: Uventede argumenter: a og b"),
            (["provider", "suspend", "974760673"], "feil: Påkrevd argument mangler: «--reason <reason>»"),
            (["audit", "--limit", "mange"], "feil: Verdien «mange» er ugyldig for «--limit <antall>»"),
        ]
        for (arguments, first) in cases {
            let result = try tunet.run(arguments, environment: none)
            #expect(result.status == 64, "\(arguments)")
            let lines = result.stderr.split(separator: "\n").map(String.init)
            #expect(lines.first == first, "\(arguments): \(result.stderr)")
            #expect(lines.count == 3 && lines[1].hasPrefix("Bruk: tunet ") && lines[2].hasPrefix("  Se «tunet "), "\(arguments): \(result.stderr)")
            // The usage and the command to type are what a person types, not prose.
            let prose = result.stderr.replacing(/^Bruk: .*$/.anchorsMatchLineEndings(), with: "").replacing(/«tunet [^»]*»/, with: "")
            #expect(NorwegianWalkthroughTests.englishWords(in: prose).isEmpty,
                    "\(arguments): \(result.stderr)")
        }
        let audit = try tunet.run(["audit", "--limit", "mange"], environment: none)
        #expect(audit.stderr.contains("Se «tunet audit --help» for mer informasjon."))
        let english = try tunet.run(["audit", "--limit", "many", "--lang", "en"], environment: none)
        #expect(english.stderr.hasPrefix("error: The value 'many' is invalid for '--limit <n>'\nHelp:  --limit <n>  Only the newest"), "\(english.stderr)")
        #expect(english.stderr.hasSuffix("  See 'tunet audit --help' for more information.\n"))
    }
}

