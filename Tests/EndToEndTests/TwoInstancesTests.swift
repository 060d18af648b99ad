import Foundation
import TunetChildProcess
import Synchronization
import Testing
import TunetTestSupport

/// Two `tunet serve` processes on one database, as a county runs them behind a reverse proxy (on
/// PostgreSQL in the second pass of scripts/test; on one SQLite file in the first).
@Suite("Two service instances on one database")
struct TwoInstancesTests {
    static let today = ["TUNET_TODAY": "2026-07-10"]
    static let farms = ["974760673", "923609016"]
    static let participants = ["P-2026-0101", "P-2026-0102", "P-2026-0103"]

    /// The farm's own participants: the first farm's are P-2026-0101…, the second's P-2026-0201….
    static func code(_ participant: String, farm: String) -> String {
        farm == farms[0] ? participant : participant.replacingOccurrences(of: "P-2026-01", with: "P-2026-02")
    }

    /// June 2026's weekdays, as the farms report them (no public holiday falls in June 2026).
    static let june: [String] = (1...30).compactMap { day in
        // 1 June 2026 is a Monday: the 6th and 7th, 13th and 14th, … are the weekend.
        day % 7 == 6 || day % 7 == 0 ? nil : String(format: "%02d.06.2026", day)
    }

    func prepared() throws -> (tunet: TunetProcess, tokens: [String: String]) {
        let tunet = try TunetProcess()
        var setup: [[String]] = Self.farms.enumerated().map { index, farm in
            ["provider", "add", "--org", farm, "--name", "Gård \(index + 1)", "--municipality", "3303", "--target-groups", "dementia",
             "--places-per-day", "6", "--open-weekdays", "mon-fri", "--approval-date", "2025-06-01"]
        }
        setup.append(["agreement", "add", "--reference", "2026/9", "--title", "IPT", "--municipality", "3303", "--provider", Self.farms[0],
                      "--provider", Self.farms[1], "--target-groups", "dementia", "--start", "2026-01-01", "--end", "2027-12-31",
                      "--estimated-value", "5000000", "--maximum-value", "5000000", "--call-off", "direct",
                      "--price", "\(Self.farms[0]):full_day:day:1000", "--price", "\(Self.farms[1]):full_day:day:1000"])
        for farm in Self.farms {
            for participant in Self.participants {
                setup.append(["placement", "add", "--agreement", "2026/9", "--provider", farm, "--participant", Self.code(participant, farm: farm),
                              "--kind", "dementia", "--municipality", "3303", "--weekdays", "mon-fri", "--start", "2026-06-01", "--end", "2026-06-30",
                              "--decision", "HO-\(participant)"])
            }
        }
        for arguments in setup {
            let result = try tunet.run(arguments, environment: Self.today)
            #expect(result.status == 0, "\(arguments.prefix(2)): \(result.stderr)")
        }
        var tokens: [String: String] = [:]
        for farm in Self.farms {
            let issued = try tunet.run(["token", "issue", "--provider", farm], environment: Self.today)
            #expect(issued.status == 0, "\(issued.stderr)")
            tokens[farm] = issued.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return (tunet, tokens)
    }

    func port(of running: TunetProcess.Running) throws -> Int {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let printed = String(decoding: (try? Data(contentsOf: running.output)) ?? Data(), as: UTF8.self)
            if let range = printed.range(of: "http://127.0.0.1:"), let port = Int(printed[range.upperBound...].prefix { $0.isNumber }) {
                return port
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TunetProcess.Failure(message: "tunet serve did not start")
    }

    /// One farm's week for one participant, every day with `status`.
    func week(_ week: Int, farm: String, participant: String, status: String) -> String {
        let days = Self.june.dropFirst(week * 5).prefix(5)
        return "orgnr;deltaker;dato;status\n" + days.map { "\(farm);\(participant);\($0);\(status)\n" }.joined()
    }

    func upload(_ csv: String, name: String, token: String, port: Int) throws -> Int {
        try RawConnection.exchange(port: port, "POST /v1/attendance?filename=\(name) HTTP/1.1\r\nHost: tunet\r\nAuthorization: Bearer \(token)\r\n"
                                   + "Content-Type: text/csv\r\nContent-Length: \(csv.utf8.count)\r\nConnection: close\r\n\r\n" + csv, timeout: 60).status
    }

    func reportedDays(_ tunet: TunetProcess) throws -> [String: Int] {
        let status = try tunet.run(["attendance", "status", "--month", "2026-06", "--json"], environment: Self.today)
        #expect(status.status == 0, "\(status.stderr)")
        let farms = try #require(try tunet.json(status) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: farms.compactMap { farm in
            (farm["provider_organisation_number"] as? String).map { ($0, farm["reported_days"] as? Int ?? -1) }
        })
    }

    @Test("Uploads through both instances at once, some resending the same days changed: every day is counted once, nothing lost; a restarted instance loses nothing")
    func concurrentUploads() throws {
        let (tunet, tokens) = try prepared()
        var instances = try (0..<2).map { _ in try tunet.start(["serve", "--port", "0"], environment: Self.today) }
        var ports = try instances.map(port(of:))
        defer { instances.forEach { $0.kill() } }

        // Every farm's participant-weeks, then the same weeks again with another status: the second must replace, not add.
        var jobs: [(csv: String, name: String, farm: String)] = []
        for status in ["M", "FU"] {
            for farm in Self.farms {
                for participant in Self.participants {
                    let code = Self.code(participant, farm: farm)
                    for week in 0..<5 where !Self.june.dropFirst(week * 5).isEmpty {
                        jobs.append((self.week(week, farm: farm, participant: code, status: status), "\(code)-\(week)-\(status).csv", farm))
                    }
                }
            }
        }
        let statuses = Mutex([Int](repeating: 0, count: jobs.count))
        let (allJobs, firstPorts) = (jobs, ports)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for index in stride(from: worker, to: allJobs.count, by: 8) {
                let job = allJobs[index]
                let answer = (try? upload(job.csv, name: job.name, token: tokens[job.farm]!, port: firstPorts[index % 2])) ?? 0
                statuses.withLock { $0[index] = answer }
            }
        }
        let answers = statuses.withLock { $0 }
        #expect(answers.allSatisfy { $0 == 201 }, "answers: \(Dictionary(grouping: answers, by: { $0 }).mapValues(\.count))")

        let expected = Self.participants.count * Self.june.count
        #expect(try reportedDays(tunet) == [Self.farms[0]: expected, Self.farms[1]: expected])
        let submissions = try tunet.run(["attendance", "submissions", "--json"], environment: Self.today)
        #expect((try tunet.json(submissions) as? [Any])?.count == jobs.count)
        for farm in Self.farms {
            let basis = try tunet.run(["invoice", "basis", "--provider", farm, "--month", "2026-06", "--json"], environment: Self.today)
            #expect(basis.status == 0, "\(basis.stderr)")
        }

        // A restart of one instance: what it stored is there, and it serves the next upload.
        instances[0].process.signal(SIGTERM)
        instances[0].process.wait()
        instances[0] = try tunet.start(["serve", "--port", "0"], environment: Self.today)
        ports[0] = try port(of: instances[0])
        #expect(try reportedDays(tunet) == [Self.farms[0]: expected, Self.farms[1]: expected])
        let again = week(0, farm: Self.farms[0], participant: Self.participants[0], status: "FM")
        #expect(try upload(again, name: "igjen.csv", token: tokens[Self.farms[0]]!, port: ports[0]) == 201)
        #expect(try reportedDays(tunet) == [Self.farms[0]: expected, Self.farms[1]: expected])
    }
}
