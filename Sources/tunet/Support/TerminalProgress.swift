import Foundation
import Synchronization
import TunetApp
import TunetDomain
import TunetText

/// A progress bar on standard error, for long work at a terminal: what is being done, how much of how
/// much, the rate and the time left, redrawn five times a second from what the work has told, and
/// cleared at the end. Drawn only when standard error is a terminal and no `--json` was asked for, so
/// never in a pipe, a log, a program's output or the service; and only once the work has run for half
/// a second, so that quick commands show nothing.
final class TerminalProgress: ProgressObserver, @unchecked Sendable {
    private struct Stage {
        var stage: ProgressStage
        var total: Int64?
        var started: ContinuousClock.Instant
    }

    private let texts: Texts
    private let done = Atomic<Int64>(0)
    private let state = Mutex<(stage: Stage?, drawn: Bool, ended: Bool)>((nil, false, false))
    private let started = ContinuousClock.now
    static let firstDrawAfter = Duration.milliseconds(500)
    static let redrawEvery = Duration.milliseconds(200)

    private init(texts: Texts) {
        self.texts = texts
        let thread = Thread { [weak self] in
            while let self, !self.state.withLock({ $0.ended }) {
                Thread.sleep(forTimeInterval: Double(Self.redrawEvery.components.attoseconds) / 1e18)
                self.draw()
            }
        }
        thread.name = "tunet-progress"
        thread.start()
    }

    /// A bar on standard error when it is a terminal and the output is for a person; else silence.
    static func forCommand(json: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> any ProgressObserver {
        guard !json, isatty(STDERR_FILENO) == 1, environment["TERM"] != "dumb" else { return SilentProgress() }
        return TerminalProgress(texts: Console.texts)
    }

    func begin(_ stage: ProgressStage, total: Int64?) {
        done.store(0, ordering: .relaxed)
        state.withLock { $0.stage = Stage(stage: stage, total: total, started: .now) }
    }

    func update(_ done: Int64) { self.done.store(done, ordering: .relaxed) }

    func end() {
        let drawn = state.withLock { state in
            defer { state.ended = true; state.drawn = false }
            return state.drawn && !state.ended
        }
        if drawn { Self.write("\r\u{1B}[2K") }
    }

    private func draw() {
        state.withLock { state in
            guard !state.ended, let stage = state.stage, ContinuousClock.now - started >= Self.firstDrawAfter else { return }
            let line = ProgressLine(texts: texts, stage: stage.stage, done: done.load(ordering: .relaxed), total: stage.total,
                                    elapsed: ContinuousClock.now - stage.started).text(width: Self.terminalWidth())
            Self.write("\r\u{1B}[2K" + line)
            state.drawn = true
        }
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return 80 }
        return Int(size.ws_col)
    }
}

/// One drawing of the bar: `Leser og kontrollerer rader ▕████░░░░▏ 41 %  412 300 av 1 006 800 rader  85 000 rader/s  ca. 7 s igjen`.
struct ProgressLine {
    let texts: Texts
    let stage: ProgressStage
    let done: Int64
    let total: Int64?
    let elapsed: Duration

    func text(width: Int) -> String {
        let seconds = max(0.001, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        let rate = Int64(Double(done) / seconds)
        let unit = stage.unit.rawValue
        var parts = [texts("progress.stage.\(stage.rawValue)")]
        if let total, total > 0 {
            let share = min(1, Double(done) / Double(total))
            let filled = Int(share * 20)
            parts.append("▕" + String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled) + "▏ "
                         + (Percentage(min(done, total), of: total).map { texts.format(.percentage($0)) } ?? ""))
            parts.append(texts("progress.done_of_total.\(unit)", ["done": .integer(done), "total": .integer(total)]))
        } else {
            parts.append(texts("progress.done.\(unit)", ["done": .integer(done)]))
        }
        if elapsed >= .milliseconds(250) && rate > 0 {
            parts.append(texts("progress.rate.\(unit)", ["rate": .integer(rate)]))
            if let total, total > done {
                let left = Int64((Double(total - done) / Double(rate)).rounded(.up))
                parts.append(texts("progress.left", ["time": .text(duration(left))]))
            }
        }
        let line = parts.joined(separator: "  ")
        return line.count <= width - 1 ? line : String(line.prefix(width - 2)) + "…"
    }

    private func duration(_ seconds: Int64) -> String {
        seconds < 60 ? texts("progress.seconds", ["seconds": .integer(seconds)])
            : texts("progress.minutes", ["minutes": .integer(seconds / 60), "seconds": .integer(seconds % 60)])
    }
}

extension TerminalProgress {
    /// Runs long work with a bar on the terminal unless the output is JSON, cleared before anything
    /// else is written (the summary, or the error).
    static func showing<T>(unless json: Bool, _ work: (any ProgressObserver) throws -> T) throws -> T {
        let progress = forCommand(json: json)
        defer { progress.end() }
        return try work(progress)
    }
}
