import Foundation
import Testing
import TunetChildProcess

/// `tunet completions bash|zsh|fish` and the manual page (`scripts/manual`), as a person meets them: the
/// script loaded in a real bash that completes from the demo database, the zsh and fish scripts read by
/// those shells, the page rendered by mandoc and groff in bokmål and in English. A Tab never writes.
@Suite("Shell completion and the manual page")
struct CompletionAndManualTests {
    /// A program other than tunet (bash, zsh, fish, mandoc, groff), run to its end.
    static func run(_ program: String, _ arguments: [String], in folder: URL, environment extra: [String: String] = [:],
                    input: String? = nil) throws -> TunetProcess.Result {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TUNET_DATABASE")
        environment["TUNET_ACTOR"] = "e2e-tester"
        environment["TUNET_TODAY"] = "2026-11-23"
        environment["TUNET_LANG"] = "en"
        // The scripts call the tunet on the line being completed, found on PATH as a person's would be.
        environment["PATH"] = TunetProcess.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment.merge(extra) { $1 }
        let output = folder.appendingPathComponent("out-\(UUID().uuidString)")
        let errors = folder.appendingPathComponent("err-\(UUID().uuidString)")
        let typed = folder.appendingPathComponent("in-\(UUID().uuidString)")
        defer {
            for file in [output, errors, typed] { try? FileManager.default.removeItem(at: file) }
        }
        var standardInput = ChildProcess.Input.nothing
        if let input {
            try Data(input.utf8).write(to: typed)
            standardInput = .file(typed.path)
        }
        let process = try ChildProcess("/usr/bin/env", [program] + arguments, environment: environment, directory: folder.path,
                                       input: standardInput, output: .file(output.path), errors: .file(errors.path))
        return TunetProcess.Result(status: process.wait(), stdout: String(decoding: try Data(contentsOf: output), as: UTF8.self),
                                   stderr: String(decoding: try Data(contentsOf: errors), as: UTF8.self))
    }

    /// What bash offers for `line` (the cursor at its end) with the script `tunet completions bash` printed:
    /// the function `complete -p tunet` names is called as bash calls it on Tab.
    static func bashOffers(_ line: String, in folder: URL, script: String, environment: [String: String] = [:]) throws -> [String] {
        let program = """
            shopt -s extglob
            source "$1"
            function=$(complete -p tunet | sed -E 's/.*-F ([^ ]+).*/\\1/')
            COMP_LINE="$2"
            COMP_POINT=${#COMP_LINE}
            read -r -a COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMPREPLY=()
            previous=""
            (( COMP_CWORD > 0 )) && previous="${COMP_WORDS[COMP_CWORD-1]}"
            "$function" tunet "${COMP_WORDS[COMP_CWORD]}" "$previous"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try run("bash", ["--norc", "--noprofile", "-c", program, "bash", script, line], in: folder, environment: environment)
        #expect(result.status == 0, "bash: \(result.stderr)")
        #expect(result.stderr.isEmpty, "bash said: \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    static func strings(_ json: Any, _ field: String) -> [String] {
        ((json as? [[String: Any]]) ?? []).compactMap { $0[field] as? String }
    }

    @Test("bash completes the demo's organisation numbers, agreement references and report names, from --database and TUNET_DATABASE too")
    func bashFromTheDatabase() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let script = try tunet.run("completions", "bash")
        #expect(script.status == 0, "\(script.stderr)")
        let scriptPath = try tunet.write("tunet.bash", script.stdout)

        let providers = Self.strings(try tunet.json(try tunet.run("provider", "list", "--json")), "organisation_number")
        let agreements = Self.strings(try tunet.json(try tunet.run("agreement", "list", "--json")), "reference")
        let reports = Self.strings(try tunet.json(try tunet.run("export", "list", "--json")), "name")
        #expect(providers.count >= 3 && !agreements.isEmpty && reports.count >= 5)
        let before = try tunet.databaseSnapshot()

        #expect(Set(try Self.bashOffers("tunet provider show ", in: tunet.folder, script: scriptPath)) == Set(providers))
        let first = try #require(providers.sorted().first)
        let prefix = String(first.prefix(5))
        #expect(Set(try Self.bashOffers("tunet provider show \(prefix)", in: tunet.folder, script: scriptPath))
                == Set(providers.filter { $0.hasPrefix(prefix) }))
        #expect(Set(try Self.bashOffers("tunet agreement show ", in: tunet.folder, script: scriptPath)) == Set(agreements))
        let exports = Set(try Self.bashOffers("tunet export ", in: tunet.folder, script: scriptPath))
        #expect(exports.isSuperset(of: reports + ["list", "ocds"]), "\(exports)")

        // From another folder, the database the line names, or TUNET_DATABASE.
        let elsewhere = try TunetProcess()
        #expect(Set(try Self.bashOffers("tunet provider show --database \(tunet.databasePath) ", in: elsewhere.folder, script: scriptPath))
                == Set(providers))
        #expect(Set(try Self.bashOffers("tunet agreement show ", in: elsewhere.folder, script: scriptPath,
                                        environment: ["TUNET_DATABASE": tunet.databasePath])) == Set(agreements))
        #expect(try tunet.databaseSnapshot() == before, "completing changed the database")
    }

    @Test("Completing where there is no database offers nothing and creates none")
    func noDatabaseNoWrites() throws {
        let tunet = try TunetProcess()
        let script = try tunet.run("completions", "bash")
        let scriptPath = try tunet.write("tunet.bash", script.stdout)
        #expect(try Self.bashOffers("tunet provider show ", in: tunet.folder, script: scriptPath).isEmpty)
        #expect(try Self.bashOffers("tunet agreement show ", in: tunet.folder, script: scriptPath).isEmpty)
        #expect(try Self.bashOffers("tunet provider show --database new.sqlite ", in: tunet.folder, script: scriptPath).isEmpty)
        #expect(try Self.bashOffers("tunet agreement show ", in: tunet.folder, script: scriptPath,
                                    environment: ["TUNET_DATABASE": tunet.folder.appendingPathComponent("other.sqlite").path]).isEmpty)
        // The shell's own call, as the script makes it.
        let direct = try tunet.run("---completion", "provider", "show", "--", "positional@0", "3", "0", "tunet", "provider", "show", "")
        #expect(direct.status == 0 && direct.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(direct)")
        let files = try FileManager.default.contentsOfDirectory(atPath: tunet.folder.path)
        #expect(files.allSatisfy { !$0.hasSuffix(".sqlite") && !$0.contains("sqlite-") }, "\(files)")
    }

    @Test("Completing from another program's SQLite file, a blank one or an older Tunet's offers nothing and leaves each file byte for byte as it was")
    func foreignFilesUntouched() throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run("demo").status == 0)
        let script = try tunet.run("completions", "bash")
        let scriptPath = try tunet.write("tunet.bash", script.stdout)
        let made = try Python.run("""
            import sqlite3, shutil
            other = sqlite3.connect("other.db"); other.execute("create table notes(x)"); other.commit(); other.close()
            blank = sqlite3.connect("blank.db"); blank.execute("pragma user_version=7"); blank.commit(); blank.close()
            demo = sqlite3.connect("tunet.sqlite"); demo.execute("pragma wal_checkpoint(truncate)"); demo.close()
            shutil.copyfile("tunet.sqlite", "older.sqlite")
            older = sqlite3.connect("older.sqlite"); older.execute("pragma journal_mode=delete")
            older.execute("delete from grdb_migrations where identifier = (select max(identifier) from grdb_migrations)")
            older.commit(); older.close()
            """, in: tunet.folder)
        try #require(made.status == 0, "\(made.output)")
        for name in ["other.db", "blank.db", "older.sqlite"] {
            let file = tunet.folder.appendingPathComponent(name)
            let before = try Data(contentsOf: file)
            #expect(try Self.bashOffers("tunet provider show --database \(name) ", in: tunet.folder, script: scriptPath).isEmpty, "\(name)")
            #expect(try Self.bashOffers("tunet agreement show --database \(name) ", in: tunet.folder, script: scriptPath).isEmpty, "\(name)")
            #expect(try Data(contentsOf: file) == before, "\(name) changed")
            #expect(!FileManager.default.fileExists(atPath: file.path + "-wal"), "\(name) got a write-ahead log")
        }
        // A wrong TUNET_LANG says nothing into the command line at every Tab.
        #expect(try Self.bashOffers("tunet agreement show ", in: tunet.folder, script: scriptPath, environment: ["TUNET_LANG": "xx"]).count == 3)
    }

    @Test("The zsh and fish scripts are read by zsh and fish, in bokmål and in English; an unknown shell is told in the run's language")
    func zshAndFish() throws {
        let tunet = try TunetProcess()
        for language in ["nb", "en"] {
            let zsh = try tunet.run(["completions", "zsh"], environment: ["TUNET_LANG": language])
            #expect(zsh.status == 0 && zsh.stdout.contains("#compdef tunet"), "\(zsh.stderr)")
            let zshPath = try tunet.write("_tunet-\(language)", zsh.stdout)
            let zshCheck = try Self.run("zsh", ["-n", zshPath], in: tunet.folder)
            #expect(zshCheck.status == 0, "zsh -n: \(zshCheck.stderr)")

            let fish = try tunet.run(["completions", "fish"], environment: ["TUNET_LANG": language])
            #expect(fish.status == 0 && fish.stdout.contains("complete -c 'tunet'"), "\(fish.stderr)")
            let fishPath = try tunet.write("tunet-\(language).fish", fish.stdout)
            let fishCheck = try Self.run("fish", ["--no-execute", fishPath], in: tunet.folder)
            #expect(fishCheck.status == 0, "fish --no-execute: \(fishCheck.stderr)")
        }
        let bokmål = try tunet.run(["completions", "tcsh"], environment: ["TUNET_LANG": "nb"])
        #expect(bokmål.status == 64)
        #expect(bokmål.stderr.contains("feil: Verdien «tcsh» er ugyldig for «<skall>». Gyldige verdier: bash, zsh og fish."), "\(bokmål.stderr)")
        #expect(!bokmål.stderr.contains("Please provide"), "\(bokmål.stderr)")
        let english = try tunet.run(["completions", "tcsh", "--lang", "en"], environment: ["TUNET_LANG": "nb"])
        #expect(english.status == 64)
        #expect(english.stderr.contains("The value 'tcsh' is invalid for '<shell>'. Valid values: bash, zsh and fish."), "\(english.stderr)")
        let help = try tunet.run(["completions", "--help"], environment: ["TUNET_LANG": "nb"])
        #expect(help.stdout.contains("source <(tunet completions bash)") && help.stdout.contains("~/.config/fish/completions/tunet.fish"))
    }

    @Test("scripts/manual writes tunet.1 in bokmål and in English; mandoc and groff read it without a warning; it names every command")
    func manualPage() throws {
        let tunet = try TunetProcess()
        let out = tunet.folder.appendingPathComponent("manual")
        let built = try Self.run("bash", [TunetProcess.packageRoot.appendingPathComponent("scripts/manual").path, out.path], in: tunet.folder,
                                 environment: ["TUNET_BINARY": TunetProcess.binary.path])
        try #require(built.status == 0, "scripts/manual: \(built.stderr)")

        let dump = try tunet.json(try tunet.run("--experimental-dump-help")) as? [String: Any]
        var commands: [String] = []
        func walk(_ command: [String: Any]) {
            for child in command["subcommands"] as? [[String: Any]] ?? [] {
                if let name = child["commandName"] as? String, name != "help" { commands.append(name) }
                walk(child)
            }
        }
        walk(try #require(dump?["command"] as? [String: Any]))
        #expect(commands.contains("completions") && commands.count > 100)

        let pages = [("man1", "nb"), ("nb/man1", "nb"), ("en/man1", "en")]
        for (folder, language) in pages {
            let page = out.appendingPathComponent(folder).appendingPathComponent("tunet.1")
            let source = try String(contentsOf: page, encoding: .utf8)
            let ascii = source.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(ascii, "\(folder): characters outside ASCII are written as escapes")
            let lint = try Self.run("mandoc", ["-T", "lint", "-W", "warning", page.path], in: tunet.folder)
            #expect(lint.stdout.isEmpty && lint.stderr.isEmpty, "mandoc -T lint \(folder):\n\(lint.stdout)\(lint.stderr)")
            let groff = try Self.run("groff", ["-ww", "-z", "-mandoc", "-Tutf8", page.path], in: tunet.folder)
            #expect(groff.status == 0 && groff.stderr.isEmpty, "groff \(folder):\n\(groff.stderr)")
            let rendered = try Self.run("mandoc", ["-T", "utf8", "-O", "width=100", page.path], in: tunet.folder)
            let text = rendered.stdout.replacing(/.\u{8}/, with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for command in Set(commands) {
                #expect(text.contains(command), "\(folder) names no \(command)")
            }
            if language == "nb" {
                #expect(text.contains("Innkjøp av Inn på tunet for kommuner"), "\(folder): \(text.prefix(300))")
                // NAME stays NAME: mdoc finds the page's name and description by it.
                for heading in ["BRUK", "BESKRIVELSE", "AVSLUTNINGSKODER", "underkommando", "Vis denne hjelpen."] {
                    #expect(text.contains(heading), "\(folder): \(heading)")
                }
                for english in ["DESCRIPTION", "SYNOPSIS", "EXIT STATUS", "Show help information", "Show subcommand help", "subcommand"] {
                    #expect(!text.contains(english), "\(folder): \(english)")
                }
            } else {
                #expect(text.contains("Inn på tunet purchasing for Norwegian municipalities"), "\(folder): \(text.prefix(300))")
                for heading in ["NAME", "SYNOPSIS", "DESCRIPTION", "EXIT STATUS", "Show help information."] {
                    #expect(text.contains(heading), "\(folder): \(heading)")
                }
                #expect(!text.contains("BESKRIVELSE"))
            }
        }
    }
}
