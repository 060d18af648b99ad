import Foundation
import Testing
import TunetDomain

/// The walk a farmer and a project leader take through the pages, in Debian's headless Chromium driven
/// by Selenium (Tests/Browser/walkthrough.py), against the demo served on a free loopback port. Every
/// page is checked with axe-core for WCAG 2.1 level A and AA and photographed at desktop and phone
/// width into `.build/screenshots` (or `TUNET_SCREENSHOTS`).
@Suite("The pages in a real browser")
struct BrowserWalkthroughTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("A farm signs in by keyboard, fills the template, reads two refused rows, downloads the marked sheet, fixes and sends it; a leader downloads a report; every page passes axe-core at A and AA")
    func walkthrough() async throws {
        let service = try await DemoService()
        let environment = ProcessInfo.processInfo.environment
        let shots = environment["TUNET_SCREENSHOTS"] ?? Self.packageRoot.appendingPathComponent(".build/screenshots").path
        let work = service.folder.appendingPathComponent("browser")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let month = YearMonth(DemoService.today).iso
        let (status, output) = try await Self.python([
            Self.packageRoot.appendingPathComponent("Tests/Browser/walkthrough.py").path, "--base", service.base.absoluteString,
            "--farm-token", service.fjell, "--leader-token", service.kongsbergLeader, "--month", month, "--today", DemoService.today.iso,
            "--shots", shots, "--work", work.path,
        ], log: work.appendingPathComponent("walkthrough.log"))
        #expect(status == 0, "\(output)")
        #expect(output.contains("checked: 01-logg-inn"), "\(output)")
    }

    /// Runs python3 without blocking a thread of Swift concurrency (the service under test runs on them),
    /// its output in a file, stopped after ten minutes.
    static func python(_ arguments: [String], log: URL) async throws -> (Int32, String) {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardOutput = output
        process.standardError = output
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + 600) { if process.isRunning { process.terminate() } }
        }
        try output.close()
        return (status, String(decoding: try Data(contentsOf: log), as: UTF8.self))
    }
}
