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
        let (status, output) = try await PythonProcess.run([
            Self.packageRoot.appendingPathComponent("Tests/Browser/walkthrough.py").path, "--base", service.base.absoluteString,
            "--farm-token", service.fjell, "--leader-token", service.kongsbergLeader, "--month", month, "--today", DemoService.today.iso,
            "--shots", shots, "--work", work.path,
        ], log: work.appendingPathComponent("walkthrough.log"), timeout: 600)
        #expect(status == 0, "\(output)")
        #expect(output.contains("checked: 01-logg-inn"), "\(output)")
    }
}
