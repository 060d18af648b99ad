import Foundation
import TunetDomain
import TunetFiles

/// What long work is doing, for the words a front end shows beside its progress (`progress.stage.*`).
public enum ProgressStage: String, Sendable, CaseIterable {
    case readingRows = "reading_rows"
    case storingFarms = "storing_farms"
    case writingRows = "writing_rows"
    case buildingData = "building_data"
    case copyingPages = "copying_pages"
    case copyingRows = "copying_rows"

    /// What the stage counts.
    public var unit: ProgressUnit {
        switch self {
        case .readingRows, .writingRows, .copyingRows: .rows
        case .storingFarms: .farms
        case .buildingData: .steps
        case .copyingPages: .pages
        }
    }
}

public enum ProgressUnit: String, Sendable {
    case rows, farms, steps, pages
}

/// How far long work has come (an import, an export, a backup), told by the work at its own pace,
/// for a front end that may show it. The work never waits for it: an observer keeps what it is told
/// and draws, if it draws at all, on its own clock.
public protocol ProgressObserver: Sendable {
    /// A new stage begins: what is done, and how many units there are when that is known.
    func begin(_ stage: ProgressStage, total: Int64?)
    /// `done` units of the stage are done.
    func update(_ done: Int64)
    /// The work is over (done or failed): whatever was shown is cleared.
    func end()
}

/// Shows nothing: the service, `--json`, a pipe, and every test that does not look at progress.
public struct SilentProgress: ProgressObserver {
    public init() {}
    public func begin(_ stage: ProgressStage, total: Int64?) {}
    public func update(_ done: Int64) {}
    public func end() {}
}

/// Counts a loop's items and tells the observer every `every` of them, so that a loop of a million
/// rows makes a thousand calls, not a million.
public struct ProgressCounter {
    let observer: any ProgressObserver
    let every: Int64
    public private(set) var done: Int64 = 0

    public init(_ observer: any ProgressObserver, every: Int64 = 1_024) {
        self.observer = observer
        self.every = every
    }

    public mutating func add(_ count: Int64 = 1) {
        let before = done / every
        done += count
        if done / every != before { observer.update(done) }
    }

    public func finish() { observer.update(done) }
}

extension Data {
    /// The number of lines: line feeds, and one more for a last line without one.
    var lineCount: Int {
        var lines = 0
        MappedFile.forEachPiece(of: self) { piece in
            guard var cursor = piece.baseAddress else { return true }
            let end = cursor + piece.count
            while let found = memchr(cursor, 0x0A, end - cursor) {
                lines += 1
                cursor = UnsafeRawPointer(found) + 1
            }
            return true
        }
        return isEmpty || last == 0x0A ? lines : lines + 1
    }
}
