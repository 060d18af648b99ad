import Foundation
import Synchronization
import Testing
@testable import TunetApp
import TunetFixtures
@testable import TunetDomain
import TunetStorage
import TunetTestSupport

/// What long work tells a front end that shows progress (the terminal's bar), and that telling it
/// changes nothing of the work's result.
@Suite("Long work tells how far it has come, and the telling changes nothing")
struct ProgressReportingTests {
    /// Keeps every stage begun and the last count told in each.
    final class Recorder: ProgressObserver, Sendable {
        struct Stage: Equatable { var stage: ProgressStage; var total: Int64?; var last: Int64? }
        let stages = Mutex<[Stage]>([])
        let ended = Mutex(0)
        func begin(_ stage: ProgressStage, total: Int64?) { stages.withLock { $0.append(Stage(stage: stage, total: total, last: nil)) } }
        func update(_ done: Int64) { stages.withLock { $0[$0.count - 1].last = done } }
        func end() { ended.withLock { $0 += 1 } }
        var recorded: [Stage] { stages.withLock { $0 } }
    }

    @Test("An attendance import counts every row of the file and every farm stored; with or without an observer it stores the same")
    func attendanceImport() throws {
        let farm = try SyntheticFarm(farms: 3, placements: 12)
        let plain = try SyntheticFarm(farms: 3, placements: 12)
        let recorder = Recorder()
        let watched = try AttendanceImportDesk(farm.context.showing(recorder)).run(file: farm.file)
        let unwatched = try AttendanceImportDesk(plain.context).run(file: plain.file)
        #expect(watched.rows == unwatched.rows && watched.new == unwatched.new && watched.months == unwatched.months)
        #expect(watched.rows == farm.rows)
        let stages = recorder.recorded
        #expect(stages.first == .init(stage: .readingRows, total: Int64(farm.rows), last: Int64(farm.rows)), "\(stages)")
        #expect(stages.contains(.init(stage: .storingFarms, total: 3, last: 3)), "\(stages)")
        let stored = try farm.context.read { try $0.submissions().map(\.rows) }
        let storedPlain = try plain.context.read { try $0.submissions().map(\.rows) }
        #expect(stored == storedPlain)
    }

    @Test("An export counts the rows it writes; the demo counts its steps; a backup counts its pages to the last")
    func exportDemoAndBackup() throws {
        let farm = try SyntheticFarm(placements: 4)
        _ = try AttendanceImportDesk(farm.context).run(file: farm.file)
        let recorder = Recorder()
        var filters = ReportFilters()
        filters.from = LocalDate(year: 2025, month: 1, day: 1)
        filters.to = LocalDate(year: 2025, month: 12, day: 31)
        let export = try ReportDesk(farm.context.showing(recorder)).write("attendance-rows", filters: filters,
                                                                        to: farm.workspace.folder.appendingPathComponent("rader.xlsx").path)
        #expect(export.rows == farm.rows)
        let written = try #require(recorder.recorded.first)
        #expect(written.stage == .writingRows && written.total == nil)
        #expect(written.last == Int64(farm.rows), "\(written)")

        if !TestDatabase.usesPostgres {
            let pages = Recorder()
            _ = try MaintenanceDesk(farm.context.showing(pages)).backup(to: farm.workspace.folder.appendingPathComponent("kopi.sqlite").path)
            let copied = try #require(pages.recorded.first)
            #expect(copied.stage == .copyingPages && copied.total != nil && copied.last == copied.total, "\(copied)")
        }

        let demo = Recorder()
        let folder = farm.workspace.folder.appendingPathComponent("demo")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let configuration = try TunetConfiguration(databaseOption: try TestDatabase.location(in: folder), actorOption: "test",
                                                   environment: ["TUNET_TODAY": "2026-11-23"])
        _ = try DemoScenario.build(configuration, replace: false, progress: demo)
        #expect(demo.recorded == [.init(stage: .buildingData, total: 9, last: 9)])
    }
}
