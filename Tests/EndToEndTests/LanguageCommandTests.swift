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
}
