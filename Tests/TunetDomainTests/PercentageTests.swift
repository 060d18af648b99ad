import Testing
import TunetDomain

@Suite("Percentages")
struct PercentageTests {
    @Test("Shown rounded half up to one decimal, not cut", arguments: [
        (15, 16, "93,8 %", 938), (183_214, 140_000, "130,9 %", 1309), (2, 3, "66,7 %", 667), (1, 3, "33,3 %", 333),
        (1, 2000, "0,1 %", 1), (1, 2001, "0,0 %", 0), (999, 1000, "99,9 %", 999), (9_995, 10_000, "100,0 %", 1000),
        (0, 7, "0,0 %", 0), (7, 7, "100,0 %", 1000), (12_345_678, 100, "12 345 678,0 %", 123_456_780), (-15, 16, "-93,8 %", -938),
    ])
    func rounded(_ part: Int, _ whole: Int, _ text: String, _ tenths: Int64) throws {
        let share = try #require(Percentage(part, of: whole))
        #expect(share.text == text)
        #expect(share.tenths == tenths)
        #expect(share.value == Double(tenths) / 10)
    }

    @Test("A spreadsheet gets the exact ratio, not the rounded one")
    func ratio() throws {
        #expect(try #require(Percentage(15, of: 16)).ratio == 0.9375)
        #expect(try #require(Percentage(183_214, of: 140_000)).ratio == 183_214.0 / 140_000.0)
    }

    @Test("No whole, no percentage; the largest amounts cannot overflow")
    func edges() throws {
        #expect(Percentage(1, of: 0) == nil)
        #expect(Percentage(1, of: -5) == nil)
        #expect(try #require(Percentage(Int64.max, of: Int64.max)).text == "100,0 %")
        #expect(try #require(Percentage(Int64.max / 2, of: Int64.max)).tenths == 500)
        #expect(try #require(Percentage(Int64.max, of: 1)).tenths == Int64.max)
        #expect(try #require(Percentage(Int64.min, of: 1)).tenths == -Int64.max)
    }

    @Test("Thresholds are compared exactly: 79,9995 % has not reached 80 %")
    func reaches() throws {
        #expect(try #require(Percentage(6_399_960, of: 8_000_000)).reaches(percent: 80) == false)
        #expect(try #require(Percentage(6_400_000, of: 8_000_000)).reaches(percent: 80) == true)
        #expect(try #require(Percentage(Int64.max, of: Int64.max)).reaches(percent: 100) == true)
        #expect(try #require(Percentage(Int64.max - 1, of: Int64.max)).reaches(percent: 100) == false)
    }
}
