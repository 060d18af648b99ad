import Foundation
import Testing

/// Each bad input gets a clear message on stderr, a distinct exit code, and leaves the database as it was.
@Suite("Bad input changes nothing")
struct BadInputTests {
    static let lia = [
        "provider", "add", "--org", "974760673", "--name", "Lia gård", "--municipality", "3303",
        "--target-groups", "pupils", "--places-per-day", "4", "--open-weekdays", "mon-fri",
    ]

    /// Runs `arguments` against a database holding one farm and checks status, message and that nothing changed.
    func expectRefusal(_ arguments: [String], status: Int32 = 65, message: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let tunet = try TunetProcess()
        #expect(try tunet.run(Self.lia).status == 0, sourceLocation: sourceLocation)
        let before = try tunet.databaseSnapshot()
        let result = try tunet.run(arguments)
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(try tunet.databaseSnapshot() == before, "the database changed", sourceLocation: sourceLocation)
    }

    static func with(_ option: String, _ value: String, org: String = "923609016") -> [String] {
        var arguments = lia
        arguments[3] = org
        if let index = arguments.firstIndex(of: option) {
            arguments[index + 1] = value
        } else {
            arguments += [option, value]
        }
        return arguments
    }

    @Test("A wrong check digit in the organisation number")
    func wrongCheckDigit() throws {
        try expectRefusal(Self.with("--org", "923609017", org: "923609017"), message: "the check digit (the last digit) is wrong")
    }

    @Test("An organisation number of the wrong length")
    func wrongLength() throws {
        try expectRefusal(Self.with("--org", "92360901", org: "92360901"), message: "it has 8 digits, not 9")
    }

    @Test("A duplicate organisation number names the farm that has it")
    func duplicate() throws {
        try expectRefusal(Self.with("--name", "Other farm", org: "974760673"), message: "already registered to Lia gård")
    }

    @Test("An unknown municipality number")
    func unknownMunicipality() throws {
        try expectRefusal(Self.with("--municipality", "0602"), message: "'0602' is not a current municipality number")
    }

    @Test("A date that does not exist and a date in an unknown form")
    func badDates() throws {
        try expectRefusal(Self.with("--approval-date", "30.02.2026"), message: "'30.02.2026' is not a day in the calendar")
        try expectRefusal(Self.with("--approval-date", "2026/02/01"), message: "write YYYY-MM-DD or DD.MM.YYYY")
    }

    @Test("Places per day that is not a positive whole number, an unknown weekday and target group")
    func badNumbersAndLists() throws {
        try expectRefusal(Self.with("--places-per-day", "0"), message: "give a whole number from 1 to 200")
        try expectRefusal(Self.with("--places-per-day", "four"), message: "'four' is not a number of places")
        try expectRefusal(Self.with("--open-weekdays", "mon,funday"), message: "'funday' is not a weekday")
        try expectRefusal(Self.with("--target-groups", "elderly"), message: "'elderly' is not a target group")
    }

    @Test("A missing required field for a new farm")
    func missingRequired() throws {
        try expectRefusal(["provider", "add", "--org", "923609016", "--name", "X"], message: "municipality_number: is required")
    }

    @Test("Updating, showing or suspending a farm that is not registered")
    func unknownFarm() throws {
        try expectRefusal(["provider", "update", "923609016", "--places-per-day", "3"], status: 66,
                          message: "No provider with organisation number '923609016' is registered.")
        try expectRefusal(["provider", "show", "923609016"], status: 66, message: "No provider with organisation number")
        try expectRefusal(["provider", "suspend", "923609016", "--reason", "x"], status: 66, message: "No provider")
    }

    @Test("Changing the organisation number, an update with nothing to change, and a suspension without a reason")
    func refusedChanges() throws {
        try expectRefusal(["provider", "update", "974760673", "--org", "923609016"], status: 64, message: "Unknown option '--org'")
        try expectRefusal(["provider", "update", "974760673"], status: 64, message: "Give at least one field to change")
        try expectRefusal(["provider", "suspend", "974760673"], status: 64, message: "Missing expected argument '--reason")
        try expectRefusal(["provider", "reactivate", "974760673"], message: "is active, not suspended")
    }

    @Test("An import with bad rows lists every row, column and reason, and stores nothing")
    func badImport() throws {
        try expectRefusal(["provider", "import", TunetProcess.example("providers-with-errors.csv")],
                          message: "5 problems in the input; nothing was changed")
        let tunet = try TunetProcess()
        let result = try tunet.run("provider", "import", TunetProcess.example("providers-with-errors.csv"), "--json")
        #expect(result.status == 65)
        let document = try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any]
        let problems = try #require(document?["problems"] as? [[String: Any]])
        #expect(problems.map { "\($0["row"] as? Int ?? 0):\($0["field"] as? String ?? "")" } == [
            "3:organisation_number", "4:municipality_number", "5:ipt_approval_date", "6:organisation_number", "7:places_per_day",
        ])
        #expect(!(try tunet.databaseSnapshot()).contains("Granli"))
    }

    @Test("Importing a farm that is already registered, a file that does not exist, and an xlsx named .csv")
    func badImportFiles() throws {
        let tunet = try TunetProcess()
        let existing = try tunet.write("existing.csv", "orgnr;navn;kommunenummer;målgrupper;plasser;åpningsdager\n974760673;Lia;3303;elever;2;man\n")
        try expectRefusal(["provider", "import", existing], message: "already registered to Lia gård; use --update-existing")
        try expectRefusal(["provider", "import", tunet.folder.appendingPathComponent("nope.csv").path], status: 66,
                          message: "there is no such file")
        var zip = Data([0x50, 0x4B, 0x03, 0x04])
        zip.append(Data(repeating: 0, count: 40))
        let fake = tunet.folder.appendingPathComponent("farms.csv")
        try zip.write(to: fake)
        try expectRefusal(["provider", "import", fake.path], status: 66, message: "not a CSV text file")
    }

    @Test("Reading from a database that does not exist says how to create one, and creates nothing")
    func missingDatabase() throws {
        let tunet = try TunetProcess()
        let result = try tunet.run("provider", "list", "--database", "typo.sqlite")
        #expect(result.status == 66)
        #expect(result.stderr.contains("There is no Tunet database at 'typo.sqlite'"))
        #expect(!FileManager.default.fileExists(atPath: tunet.folder.appendingPathComponent("typo.sqlite").path))
    }

    @Test("A file that is not a Tunet database is refused and left untouched")
    func foreignDatabase() throws {
        let tunet = try TunetProcess()
        let path = try tunet.write("notes.sqlite", "just some notes, long enough to be more than a header of anything")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try tunet.run("provider", "list", "--database", path)
        #expect(result.status == 74)
        #expect(result.stderr.contains("is not a Tunet database"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("Unknown audit filters are refused")
    func badAuditFilters() throws {
        try expectRefusal(["audit", "--entity", "farmer"], message: "'farmer' is not an audited entity")
        try expectRefusal(["audit", "--since", "yesterday"], message: "'yesterday' is not a date")
    }
}
