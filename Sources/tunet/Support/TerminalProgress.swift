import Foundation
import Synchronization
import TunetApp
import TunetDomain
import TunetText

/// A progress bar on standard error, for long work at a terminal: what is being done, how much of how
/// much, the rate and the time left, redrawn five times a second from what the work has told, and
/// cleared at the end. Drawn only when standard error is a terminal and no `--json` was asked for, so
/// never in a pipe, a log, a program's output or the service; only on a terminal wide enough for it; and
/// only once the work has run for half a second (`TUNET_PROGRESS_AFTER`, seconds), so that quick commands
/// show nothing.
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
    private let firstDrawAfter: Duration
    static let standardFirstDrawAfter = Duration.milliseconds(500)
    static let redrawEverySeconds = 0.2
    /// Narrower than this, a line would wrap, and clearing it would leave its first rows behind.
    static let narrowestTerminal = 40

    private init(texts: Texts, firstDrawAfter: Duration) {
        self.texts = texts
        self.firstDrawAfter = firstDrawAfter
        let thread = Thread { [weak self] in
            while let self, !self.state.withLock({ $0.ended }) {
                Thread.sleep(forTimeInterval: Self.redrawEverySeconds)
                self.draw()
            }
        }
        thread.name = "tunet-progress"
        thread.start()
    }

    /// A bar on standard error when it is a terminal and the output is for a person; else silence.
    static func forCommand(json: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> any ProgressObserver {
        guard !json, isatty(STDERR_FILENO) == 1, environment["TERM"] != "dumb" else { return SilentProgress() }
        var firstDrawAfter = standardFirstDrawAfter
        if let seconds = environment["TUNET_PROGRESS_AFTER"].flatMap(Double.init), (0...60).contains(seconds) {
            firstDrawAfter = .milliseconds(Int(seconds * 1000))
        }
        return TerminalProgress(texts: Console.texts, firstDrawAfter: firstDrawAfter)
    }

    func begin(_ stage: ProgressStage, total: Int64?) {
        done.store(0, ordering: .relaxed)
        state.withLock { $0.stage = Stage(stage: stage, total: total, started: .now) }
        draw()
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
            guard !state.ended, let stage = state.stage, ContinuousClock.now - started >= firstDrawAfter,
                  let width = Self.terminalWidth(), width >= Self.narrowestTerminal else { return }
            let line = ProgressLine(texts: texts, stage: stage.stage, done: done.load(ordering: .relaxed), total: stage.total,
                                    elapsed: ContinuousClock.now - stage.started).text(width: width)
            Self.write("\r\u{1B}[2K" + line)
            state.drawn = true
        }
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// The terminal's columns; 80 when it does not say (a terminal of unknown size), nil when it cannot be asked.
    private static func terminalWidth() -> Int? {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 else { return nil }
        return size.ws_col == 0 ? 80 : Int(size.ws_col)
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
