import Foundation
import Testing

/// `tunet export ocds`: the demo's competitions, agreements and call-offs as an OCDS 1.1 release package,
/// checked against the standard's schema with the techniques extension (Fixtures/OCDS, with their licence).
@Suite("tunet export ocds: open contracting data, valid and without a participant")
struct OCDSExportCommandTests {
    /// An organisation number for each of the demo's municipalities (made up, mod-11 valid).
    static let buyers = "0301=964000018,1804=964000026,1837=964000034,1865=964000042,1866=964000050,1870=964000069,"
        + "3107=964000077,3222=964000085,3303=964000093,3316=964000107,3326=964000115"
    static let fixtures = TunetProcess.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/OCDS").path

    /// Validates FILE against the release package schema, its releases against the release schema with the
    /// techniques extension merged in (JSON Merge Patch, as OCDS applies extensions); prints each error.
    static let validator = """
        import json, sys, jsonschema
        def merge(target, patch):
            if not isinstance(patch, dict): return patch
            target = dict(target) if isinstance(target, dict) else {}
            for key, value in patch.items():
                if value is None: target.pop(key, None)
                else: target[key] = merge(target.get(key), value)
            return target
        folder = '\(fixtures)'
        release = merge(json.load(open(folder + '/release-schema.json')), json.load(open(folder + '/techniques-release-schema.json')))
        package = json.load(open(folder + '/release-package-schema.json'))
        resolver = jsonschema.RefResolver.from_schema(package, store={release['id']: release})
        validator = jsonschema.Draft4Validator(package, resolver=resolver, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(json.load(open(sys.argv[1]))), key=lambda e: list(e.absolute_path))
        for error in errors[:20]: print('/'.join(map(str, error.absolute_path)), error.message[:300])
        sys.exit(1 if errors else 0)
        """

    /// `tunet export ocds` in bokmål.
    func ocds(_ tunet: TunetProcess, _ arguments: String...) throws -> TunetProcess.Result {
        try tunet.run(["export", "ocds"] + arguments, environment: AgreementCommandTests.bokmål)
    }

    static func validate(_ file: String, in folder: URL) throws -> (status: Int32, output: String) {
        try Python.run("import sys; sys.argv = ['v', '\(file)']\n" + validator, in: folder)
    }

    @Test("The package validates against OCDS 1.1 with the techniques extension, and a broken copy does not")
    func validPackage() throws {
        let tunet = try ExportCommandTests.demo()
        let result = try ocds(tunet, "--buyer", Self.buyers, "-o", "ocds.json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Skrev ") && result.stdout.contains("i OCDS 1.1 (1 konkurranse, 2 direkte registrerte rammeavtaler, "),
                "\(result.stdout)")
        let valid = try Self.validate("ocds.json", in: tunet.folder)
        #expect(valid.status == 0, "\(valid.output)")

        let broken = """
            import json
            data = json.load(open('ocds.json'))
            del data['releases'][0]['tag']
            data['releases'][1]['tender']['techniques']['frameworkAgreement']['method'] = 'withSomething'
            json.dump(data, open('broken.json', 'w'))
            """
        #expect(try Python.run(broken, in: tunet.folder).status == 0)
        let refused = try Self.validate("broken.json", in: tunet.folder)
        #expect(refused.status == 1)
        #expect(refused.output.contains("'tag' is a required property"), "\(refused.output)")
        #expect(refused.output.contains("withSomething"), "\(refused.output)")
    }

    @Test("Processes: the competition with its criteria, tenders, award and agreement; agreements registered directly; call-offs related as framework")
    func processes() throws {
        let tunet = try ExportCommandTests.demo()
        #expect(try ocds(tunet, "--buyer", Self.buyers, "-o", "ocds.json").status == 0)
        let check = """
            import json
            data = json.load(open('ocds.json'))
            assert data['version'] == '1.1' and data['extensions'][0].endswith('ocds_techniques_extension/master/extension.json')
            releases = {r['ocid']: r for r in data['releases']}
            competition = releases['ocds-tunet0-konkurranse-1']
            assert competition['tag'] == ['tender', 'award', 'contract'], competition['tag']
            tender = competition['tender']
            assert tender['awardCriteria'] == 'ratedCriteria' and '%' in tender['awardCriteriaDetails'], tender
            assert tender['numberOfTenderers'] == len(tender['tenderers']) >= 1
            framework = tender['techniques']['frameworkAgreement']
            assert tender['techniques']['hasFrameworkAgreement'] is True
            assert framework['method'] == 'withoutReopeningCompetition' and framework['value'] == {'amount': 3500000, 'currency': 'NOK'}
            period = competition['contracts'][0]['period']
            assert period['maxExtentDate'][:10] > period['endDate'][:10] > period['startDate'][:10], period
            assert competition['buyer']['id'] == 'NO-BRC-964000026', competition['buyer']
            assert all(p['identifier']['scheme'] == 'NO-BRC' for p in competition['parties'])
            direct = releases['ocds-tunet0-rammeavtale-2025_2FDAG-77']
            assert direct['tag'] == ['award', 'contract'] and direct['contracts'][0]['value']['amount'] == 14000000
            call_offs = [r for r in data['releases'] if r['ocid'].startswith('ocds-tunet0-avrop-')]
            assert call_offs
            for release in call_offs:
                related = release['relatedProcesses'][0]
                assert related['relationship'] == ['framework'] and related['scheme'] == 'ocid'
                assert related['identifier'] in releases, related['identifier']
            print(len(call_offs))
            """
        let checked = try Python.run(check, in: tunet.folder)
        #expect(checked.status == 0, "\(checked.output)")
    }

    @Test("No participant code and no group under 5 is published: small farms are summed together or held back, and all of it adds up to the invoice bases")
    func privateAndExact() throws {
        let tunet = try ExportCommandTests.demo()
        let exported = try tunet.json(try ocds(tunet, "--buyer", Self.buyers, "-o", "ocds.json", "--json")) as? [String: Any]
        let heldBack = try #require(exported?["held_back_ore"] as? Int)
        let text = try String(contentsOf: tunet.folder.appendingPathComponent("ocds.json"), encoding: .utf8)
        #expect(text.range(of: #"P-\d{4}-\d{4}"#, options: .regularExpression) == nil)
        let participants = text.matches(of: /deltakere: ([^."]+)\./).map { String($0.output.1) }
        #expect(!participants.isEmpty)
        #expect(participants.allSatisfy { (Int($0) ?? 0) >= 5 }, "\(participants)")
        // The demo's farms have few participants each: most months are held back, even summed together.
        #expect(heldBack > 0 && (exported?["held_back"] as? Int ?? 0) > 0)

        let package = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var published = 0
        var months = Set<String>()
        for release in package["releases"] as? [[String: Any]] ?? [] where (release["ocid"] as? String)?.contains("-avrop-") == true {
            let contract = try #require((release["contracts"] as? [[String: Any]])?.first)
            months.insert(String(try #require((contract["period"] as? [String: Any])?["startDate"] as? String).prefix(7)))
            published += Int(try #require((contract["value"] as? [String: Any])?["amount"] as? Double) * 100 + 0.5)
        }
        let farms = (try tunet.json(try tunet.run("provider", "list", "--json")) as? [[String: Any]] ?? []).compactMap { $0["organisation_number"] as? String }
        var invoiced = 0
        for farm in farms {
            for month in months {
                let basis = try tunet.run("invoice", "basis", "--provider", farm, "--month", month, "--json")
                guard basis.status == 0 else { continue }
                invoiced += (try tunet.json(basis) as? [String: Any])?["total_ore"] as? Int ?? 0
            }
        }
        #expect(months.count >= 2 && invoiced > 0)
        #expect(published + heldBack == invoiced, "published \(published) + held back \(heldBack) ≠ invoice bases \(invoiced)")
    }

    @Test("--from/--to: call-offs of the whole months touched, each with its agreement's process in the package, a competition's as konkurranse")
    func period() throws {
        let tunet = try ExportCommandTests.demo()
        // Five pupils in Bodø under the competition's agreement 2025/310 on two Thursdays of September (three at one farm,
        // two at another: published together), then the agreement terminated from 15 September.
        for index in 1...5 {
            let placed = try tunet.run(["placement", "add", "--agreement", "2025/310", "--participant", "P-2026-090\(index)", "--kind", "pupil",
                                        "--municipality", "1804", "--weekdays", "thu", "--start", "2026-09-01", "--end", "2026-09-30",
                                        "--school", "Bodø skole", "--grade", "5"], environment: ["TUNET_TODAY": "2026-08-20"])
            #expect(placed.status == 0, "\(placed.stderr)")
        }
        let placements = try tunet.json(try tunet.run("placement", "list", "--agreement", "2025/310", "--json")) as? [[String: Any]] ?? []
        var rows = ["organisation_number,participant,date,status,hours,transport_trips,extra_day"]
        for placement in placements {
            guard let code = placement["participant"] as? String, code.hasPrefix("P-2026-090"), let farm = placement["provider"] as? String else { continue }
            rows += ["2026-09-03", "2026-09-10"].map { "\(farm),\(code),\($0),present,5,," }
        }
        #expect(rows.count == 11, "\(placements)")
        #expect(try tunet.run("attendance", "import", try tunet.write("september.csv", rows.joined(separator: "\n") + "\n")).status == 0)
        let ended = try tunet.run("agreement", "terminate", "2025/310", "--reason", "Kommunene samler kjøpene", "--on", "2026-09-15", "--keep-placements")
        #expect(ended.status == 0, "\(ended.stderr)")

        #expect(try ocds(tunet, "--buyer", Self.buyers, "--from", "2026-09-20", "--to", "2026-10-10", "-o", "periode.json").status == 0)
        let valid = try Self.validate("periode.json", in: tunet.folder)
        #expect(valid.status == 0, "\(valid.output)")
        #expect(try ocds(tunet, "--buyer", Self.buyers, "--from", "2026-10-01", "--to", "2026-10-31", "-o", "oktober.json").status == 0)
        let check = """
            import json
            def releases(name):
                return {r['ocid']: r for r in json.load(open(name))['releases']}
            period = releases('periode.json')
            months = sorted({r['contracts'][0]['period']['startDate'][:7] for ocid, r in period.items() if '-avrop-' in ocid})
            assert months == ['2026-09', '2026-10'], months
            for ocid, release in period.items():
                for related in release.get('relatedProcesses', []):
                    assert related['identifier'] in period, (ocid, related['identifier'])
            # The competition's agreement ended on 14 September, before the period; its September call-off is published,
            # and so is the competition's process, the one its call-offs name.
            bodo = period['ocds-tunet0-avrop-2025_2F310-1804-andre-2026-09']
            assert bodo['relatedProcesses'][0]['identifier'] == 'ocds-tunet0-konkurranse-1', bodo['relatedProcesses']
            assert 'ocds-tunet0-rammeavtale-2025_2F310' not in period
            # October touches no month of it: neither the call-off nor the competition is published.
            october = releases('oktober.json')
            assert not any('2025_2F310' in ocid for ocid in october) and 'ocds-tunet0-konkurranse-1' not in october, sorted(october)
            """
        let checked = try Python.run(check, in: tunet.folder)
        #expect(checked.status == 0, "\(checked.output)")
    }

    @Test("Bad input is refused in Norwegian, naming the field, and writes nothing")
    func refused() throws {
        let tunet = try ExportCommandTests.demo()
        let missing = try ocds(tunet, "--buyer", "3303=964000093", "-o", "ocds.json")
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("buyer: kommunen 0301 Oslo publiseres som oppdragsgiver og trenger sitt organisasjonsnummer: oppgi --buyer 0301=ORGANISASJONSNUMMER"),
                "\(missing.stderr)")
        let wrong = try ocds(tunet, "--buyer", "3303=964000094", "--buyer", "9999=964000093", "--ocid-prefix", "ocds-AB",
                                  "--from", "2026-02-30", "-o", "ocds.json")
        #expect(wrong.status == 65)
        for line in ["from: «2026-02-30» er ikke en dag i kalenderen", "ocid-prefix: et OCID-prefiks er «ocds-» og seks små bokstaver eller sifre",
                     "buyer: «964000094» er ikke et gyldig organisasjonsnummer", "buyer: «9999» er ikke et gjeldende kommunenummer"] {
            #expect(wrong.stderr.contains("  - \(line)"), "\(line): \(wrong.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: tunet.folder.appendingPathComponent("ocds.json").path))
        let noFile = try ocds(tunet, "--buyer", Self.buyers)
        #expect(noFile.status == 65 && noFile.stderr.contains("oppgi filen med -o"), "\(noFile.stderr)")
        let elsewhere = try tunet.run(["export", "agreements", "--buyer", "3303=964000093"], environment: AgreementCommandTests.bokmål)
        #expect(elsewhere.status == 65 && elsewhere.stderr.contains("gjelder bare «export ocds»"), "\(elsewhere.stderr)")
    }
}
