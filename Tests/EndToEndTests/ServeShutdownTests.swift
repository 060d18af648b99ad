import Foundation
import Testing
import TunetChildProcess
import TunetTestSupport

@Suite("tunet serve stops gracefully")
struct ServeShutdownTests {
    static let today = ["TUNET_TODAY": "2026-06-10"]

    /// A farm with a Monday placement in May 2026 and a token for it.
    func prepared() throws -> (tunet: TunetProcess, token: String) {
        let tunet = try TunetProcess()
        let setup: [[String]] = [
            ["provider", "add", "--org", "974760673", "--name", "Lia gård", "--municipality", "3303", "--target-groups", "dementia",
             "--places-per-day", "4", "--open-weekdays", "mon-fri", "--approval-date", "2025-06-01"],
            ["agreement", "add", "--reference", "2026/9", "--title", "IPT", "--municipality", "3303", "--provider", "974760673",
             "--target-groups", "dementia", "--start", "2026-01-01", "--end", "2027-12-31", "--estimated-value", "500000",
             "--maximum-value", "500000", "--call-off", "direct", "--price", "974760673:full_day:day:1000"],
            ["placement", "add", "--agreement", "2026/9", "--provider", "974760673", "--participant", "P-2026-0101", "--kind", "dementia",
             "--municipality", "3303", "--weekdays", "mon", "--start", "2026-05-01", "--end", "2026-06-30", "--decision", "HO-1"],
        ]
        for arguments in setup {
            let result = try tunet.run(arguments, environment: Self.today)
            #expect(result.status == 0, "\(arguments.prefix(2)): \(result.stderr)")
        }
        let issued = try tunet.run(["token", "issue", "--provider", "974760673"], environment: Self.today)
        #expect(issued.status == 0, "\(issued.stderr)")
        return (tunet, issued.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The port `tunet serve --port 0` printed once it listens.
    func port(of running: TunetProcess.Running) throws -> Int {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let printed = String(decoding: (try? Data(contentsOf: running.output)) ?? Data(), as: UTF8.self)
            if let range = printed.range(of: "http://127.0.0.1:"),
               let port = Int(printed[range.upperBound...].prefix { $0.isNumber }) {
                return port
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TunetProcess.Failure(message: "tunet serve did not start")
    }

    @Test("SIGTERM during a slow upload: the upload is finished and answered 201, new connections are refused, the database is closed and the process exits 0")
    func sigtermDuringUpload() throws {
        let (tunet, token) = try prepared()
        let running = try tunet.start(["serve", "--port", "0"], environment: Self.today)
        let port = try port(of: running)
        let csv = "orgnr;deltaker;dato;status\n974760673;P-2026-0101;04.05.2026;M\n974760673;P-2026-0101;11.05.2026;FU\n"
        let upload = try RawConnection(port: port)
        upload.send("POST /v1/attendance?filename=mai.csv HTTP/1.1\r\nHost: tunet\r\nAuthorization: Bearer \(token)\r\n"
                    + "Content-Type: text/csv\r\nContent-Length: \(csv.utf8.count)\r\nConnection: close\r\n\r\n")
        upload.send(String(csv.prefix(30)))
        Thread.sleep(forTimeInterval: 0.3)

        running.process.signal(SIGTERM)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(!running.process.hasEnded, "the service stopped with an upload in flight")
        #expect((try? RawConnection(port: port)) == nil, "a new connection was accepted after SIGTERM")
        upload.send(String(csv.dropFirst(30)))
        let answer = String(decoding: upload.receive(timeout: 10).data, as: UTF8.self)
        #expect(answer.hasPrefix("HTTP/1.1 201"), "\(answer)")

        let result = try running.wait()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Tunet stopped; the database is closed."), "\(result.stdout)")
        // Closed: SQLite has copied its write-ahead log into the database file and emptied it.
        let log = try? FileManager.default.attributesOfItem(atPath: tunet.databasePath + "-wal")[.size] as? Int
        #expect((log ?? 0) == 0, "the write-ahead log still holds \(log ?? 0) bytes")
        let submissions = try tunet.run(["attendance", "submissions", "--json"], environment: Self.today)
        #expect((try tunet.json(submissions) as? [[String: Any]])?.count == 1, "\(submissions.stdout)")
    }
}
