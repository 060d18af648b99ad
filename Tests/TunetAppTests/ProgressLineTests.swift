import Testing
@testable import TunetApp
import TunetText

/// The line the terminal's progress bar draws, in each language.
@Suite("The progress bar's line")
struct ProgressLineTests {
    @Test("Done of how much, the share, the rate and the time left, thousands grouped as each language groups them")
    func withTotal() {
        let bokmål = ProgressLine(texts: Texts(.nb), stage: .readingRows, done: 412_300, total: 1_006_800, elapsed: .seconds(5))
        #expect(bokmål.text(width: 160)
                == "Leser og kontrollerer rader  ▕████████░░░░░░░░░░░░▏ 41,0 %  412 300 av 1 006 800 rader  82 460 rader/s  ca. 8 s igjen")
        let english = ProgressLine(texts: Texts(.en), stage: .readingRows, done: 412_300, total: 1_006_800, elapsed: .seconds(5))
        #expect(english.text(width: 160)
                == "Reading and checking rows  ▕████████░░░░░░░░░░░░▏ 41.0%  412,300 of 1,006,800 rows  82,460 rows/s  about 8 s left")
    }

    @Test("Minutes when the rest takes more than one; no rate in the first quarter second; no share without a total")
    func minutesAndUnknownTotals() {
        let slow = ProgressLine(texts: Texts(.nb), stage: .copyingPages, done: 1_000, total: 100_000, elapsed: .seconds(10))
        #expect(slow.text(width: 160).hasSuffix("1 000 av 100 000 sider  100 sider/s  ca. 16 min 30 s igjen"))
        let early = ProgressLine(texts: Texts(.nb), stage: .writingRows, done: 500, total: nil, elapsed: .milliseconds(100))
        #expect(early.text(width: 160) == "Skriver rader  500 rader")
        let export = ProgressLine(texts: Texts(.en), stage: .writingRows, done: 1_024, total: nil, elapsed: .seconds(2))
        #expect(export.text(width: 160) == "Writing rows  1,024 rows  512 rows/s")
    }

    @Test("A line never fills the terminal's last column: it is cut with …")
    func cutToWidth() {
        let line = ProgressLine(texts: Texts(.nb), stage: .readingRows, done: 412_300, total: 1_006_800, elapsed: .seconds(5)).text(width: 60)
        #expect(line.count == 59 && line.hasSuffix("…"), "\(line)")
    }
}
