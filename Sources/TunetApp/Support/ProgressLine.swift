import TunetDomain
import TunetText

/// One drawing of the bar: `Leser og kontrollerer rader ▕████░░░░▏ 41 %  412 300 av 1 006 800 rader  85 000 rader/s  ca. 7 s igjen`.
public struct ProgressLine: Sendable {
    let texts: Texts
    let stage: ProgressStage
    let done: Int64
    let total: Int64?
    let elapsed: Duration

    public init(texts: Texts, stage: ProgressStage, done: Int64, total: Int64?, elapsed: Duration) {
        self.texts = texts
        self.stage = stage
        self.done = done
        self.total = total
        self.elapsed = elapsed
    }

    /// The line, cut with "…" to fit `width` columns less one (a terminal wraps a line that fills its last column).
    public func text(width: Int) -> String {
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

