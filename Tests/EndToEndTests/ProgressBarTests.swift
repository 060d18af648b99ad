import Foundation
import Testing

/// Long work draws a progress bar on standard error when that is a terminal, and never otherwise:
/// `tunet` is run with its standard error on a pseudo-terminal (Python's `pty`), its standard output on
/// a pipe, and what it drew is read back.
@Suite("A progress bar on a terminal, and nothing in a pipe or with --json")
struct ProgressBarTests {
    /// What `tunet ARGUMENTS` wrote: standard output, and what it drew on the terminal its standard error was.
    struct Drawn: Decodable {
        let status: Int32
        let stdout: String
        let terminal: String
    }

    /// With TUNET_PROGRESS_AFTER=0 the bar is drawn from the start, however fast the machine: what it says
    /// while the work runs is `ProgressLineTests`'s, this test's is where it is drawn and that it is cleared.
    static func underTerminal(_ tunet: TunetProcess, _ arguments: [String], language: String, columns: Int = 160) throws -> Drawn {
        var environment = ProcessInfo.processInfo.environment
        environment["TUNET_LANG"] = language
        environment["TUNET_PROGRESS_AFTER"] = "0"
        environment["TUNET_TODAY"] = "2026-11-23"
        environment["TERM"] = "xterm"
        if let database = tunet.sharedDatabase { environment["TUNET_DATABASE"] = database }
        let request = try JSONSerialization.data(withJSONObject: ["arguments": [TunetProcess.binary.path] + arguments, "environment": environment, "columns": columns])
        try request.write(to: tunet.folder.appendingPathComponent("request.json"))
        let script = """
            import fcntl, json, os, pty, select, struct, subprocess, termios
            request = json.load(open("request.json"))
            terminal, side = os.openpty()
            fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 24, request["columns"], 0, 0))
            process = subprocess.Popen(request["arguments"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=side,
                                       env=request["environment"])
            os.close(side)
            drawn, out = b"", b""
            streams = [terminal, process.stdout.fileno()]
            while streams:
                for ready in select.select(streams, [], [], 120)[0]:
                    try:
                        chunk = os.read(ready, 65536)
                    except OSError:
                        chunk = b""
                    if not chunk:
                        streams.remove(ready)
                    elif ready == terminal:
                        drawn += chunk
                    else:
                        out += chunk
            print(json.dumps({"status": process.wait(), "stdout": out.decode(), "terminal": drawn.decode()}))
            """
        let result = try Python.run(script, in: tunet.folder)
        #expect(result.status == 0, "\(result.output)")
        return try JSONDecoder().decode(Drawn.self, from: Data(result.output.utf8))
    }

    @Test("Importing 40 000 rows at a terminal draws what is done of how much, in bokmål or English, and clears it; the summary groups thousands; a narrow terminal, --json and a pipe get nothing")
    func importAtATerminal() throws {
        let tunet = try TunetProcess()
        let built = try tunet.run("synthetic", "--farms", "16", "--placements", "400", "--attendance", "år.csv", "--json")
        #expect(built.status == 0 && built.stderr.isEmpty, "nothing drawn into a pipe: \(built.stderr)")
        let rows = try #require((try tunet.json(built) as? [String: Any])?["attendance_rows"] as? Int)
        #expect(rows > 30_000)
        let grouped = { (separator: String) in "\(rows / 1_000)\(separator)\(String(format: "%03d", rows % 1_000))" }

        let bokmål = try Self.underTerminal(tunet, ["attendance", "import", "år.csv"], language: "nb")
        #expect(bokmål.status == 0)
        #expect(bokmål.terminal.contains("\r\u{1B}[2KLeser og kontrollerer rader  ▕"), "\(bokmål.terminal.prefix(300))")
        #expect(bokmål.terminal.contains(" av \(grouped(" ")) rader"), "\(bokmål.terminal.prefix(300))")
        #expect(bokmål.terminal.contains(/\d+,\d %  \d{1,3}( \d{3})* av/), "\(bokmål.terminal.prefix(300))")
        #expect(bokmål.terminal.hasSuffix("\r\u{1B}[2K"), "the bar is cleared at the end: \(bokmål.terminal.suffix(200))")
        #expect(bokmål.stdout.hasPrefix("Importerte \(grouped(" ")) rader fra år.csv for 16 gårder"), "\(bokmål.stdout)")
        #expect(!bokmål.stdout.contains("\u{1B}"), "standard output carries no drawing")

        let english = try Self.underTerminal(tunet, ["attendance", "import", "år.csv", "--again"], language: "en")
        #expect(english.status == 0)
        #expect(english.terminal.contains("Reading and checking rows  ▕"), "\(english.terminal.prefix(300))")
        #expect(english.terminal.contains(" of \(grouped(",")) rows"), "\(english.terminal.prefix(300))")
        #expect(english.stdout.hasPrefix("Imported \(grouped(",")) rows from år.csv"), "\(english.stdout)")

        let json = try Self.underTerminal(tunet, ["attendance", "import", "år.csv", "--again", "--json"], language: "nb")
        #expect(json.status == 0 && json.terminal.isEmpty, "nothing drawn with --json: \(json.terminal.prefix(200))")
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["rows"] as? Int == rows)

        let narrow = try Self.underTerminal(tunet, ["attendance", "import", "år.csv", "--again"], language: "nb", columns: 30)
        #expect(narrow.status == 0 && narrow.terminal.isEmpty, "a line would wrap on 30 columns: \(narrow.terminal.prefix(200))")

        let piped = try tunet.run(["attendance", "import", "år.csv", "--again"], environment: ["TUNET_LANG": "nb"])
        #expect(piped.status == 0 && piped.stderr.isEmpty, "nothing drawn into a pipe: \(piped.stderr)")
        #expect(piped.stdout.hasPrefix("Importerte \(grouped(" ")) rader"))

        let export = try Self.underTerminal(tunet, ["export", "attendance-rows", "--from", "2025-01-01", "--to", "2025-12-31", "-o", "rader.xlsx"],
                                            language: "nb")
        #expect(export.status == 0)
        #expect(export.terminal.contains(/Skriver rader  \d{1,3}( \d{3})* rader/), "\(export.terminal.prefix(300))")
        #expect(export.terminal.hasSuffix("\r\u{1B}[2K"))
    }
}
