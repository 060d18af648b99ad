import Foundation
import Testing
import TunetChildProcess

/// Schemathesis (PyPI, the version `scripts/test` pins) against the real service on a free loopback port, reading
/// the document the service serves (`/openapi.yaml`), once for each role's token: a farm's, a project leader's, a
/// work team's and a national reader's. Every check runs (an undeclared method must be 405 with `Allow`, what the
/// document allows must be accepted and what it refuses refused, every answer's status, media type, headers and
/// body as documented, no 5xx), over the examples, coverage and fuzzing phases with a fixed seed, deterministic
/// generation and a bounded number of examples per operation. The service runs on the demo in a temporary folder
/// of its own (`DemoService`), so what Schemathesis sends (uploads, invoices, task changes) touches nothing else.
@Suite("The service keeps its OpenAPI contract under Schemathesis")
struct SchemathesisContractTests {
    /// The version `scripts/test` installs; another one may find other things, so the test says which it ran.
    static let pinned = "4.32.5"
    static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The installed Schemathesis's version, or nil when Python cannot import it.
    static let installed: String? = {
        let printed = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-schemathesis-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: printed) }
        guard let process = try? ChildProcess("/usr/bin/env", ["python3", "-c", "import importlib.metadata as m; print(m.version('schemathesis'))"],
                                              output: .file(printed.path)),
              process.wait() == 0, let output = try? Data(contentsOf: printed) else { return nil }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }()

    @Test("Schemathesis finds nothing with a farm's, a leader's, a work team's or a national reader's token",
          .enabled(if: installed != nil || inCI, "Schemathesis is not installed here; bash scripts/test installs it (pip install schemathesis==4.32.5)"),
          .timeLimit(.minutes(10)))
    func noFindings() async throws {
        guard let version = Self.installed else {
            Issue.record("Schemathesis is not installed, and CI must run the contract test: run bash scripts/test")
            return
        }
        #expect(version == Self.pinned, "Schemathesis \(version) is installed; scripts/test pins \(Self.pinned)")
        let service = try await DemoService()
        let work = service.folder.appendingPathComponent("schemathesis")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let roles = [("farm", service.lia), ("leader", service.kongsbergLeader), ("work-team", service.kongsbergTeam), ("national", service.national)]
        for (role, token) in roles {
            let (status, output) = try await PythonProcess.run(Self.arguments(base: service.base, token: token, report: work.appendingPathComponent("\(role).xml")),
                                                              in: work, log: work.appendingPathComponent("\(role).log"), timeout: 480)
            let summary = output.split(separator: "\n").suffix(3).joined(separator: " ")
            print("Schemathesis \(version), \(role)'s token: exit \(status); \(summary)")
            #expect(status == 0, "Schemathesis found something with the \(role)'s token:\n\(output)\nThe service logged:\n\(service.faults.lines.joined(separator: "\n"))")
        }
    }

    /// Contracts/schemathesis.toml: the operations that may answer 422 to data their schema allows, and why.
    static let configuration = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Contracts/schemathesis.toml")

    /// One run: every check, three phases, a fixed seed, deterministic generation (nothing remembered between runs),
    /// at most 30 examples per operation, one worker.
    static func arguments(base: URL, token: String, report: URL) -> [String] {
        ["-m", "schemathesis.cli", "--config-file", configuration.path, "run", base.appendingPathComponent("openapi.yaml").absoluteString,
         "--header", "Authorization: Bearer \(token)", "--checks", "all", "--phases", "examples,coverage,fuzzing",
         "--max-examples", "30", "--seed", "20261203", "--generation-deterministic",
         "--workers", "1", "--request-timeout", "30", "--no-color", "--output-truncate", "false",
         "--report", "junit", "--report-junit-path", report.path]
    }
}
