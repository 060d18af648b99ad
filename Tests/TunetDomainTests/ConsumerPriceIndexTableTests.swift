import Testing
@testable import TunetDomain
import TunetText
import TunetTestSupport

/// The lines of a download as the CSV reader hands them over: split on `;`, quotes taken off, row 1 first.
private func rows(_ text: String) -> [ConsumerPriceIndexTable.Row] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
        ConsumerPriceIndexTable.Row(number: index + 1, cells: line.split(separator: ";", omittingEmptySubsequences: false).map {
            String($0).replacingOccurrences(of: "\"", with: "")
        })
    }
}

private func read(_ text: String) throws(TunetError) -> ConsumerPriceIndexTable {
    try ConsumerPriceIndexTable.read(rows(text), source: "03013.csv")
}

private func months(_ table: ConsumerPriceIndexTable) -> [String] { table.entries.map { "\($0.month.ssb)=\($0.index)" } }

private func leftOut(_ table: ConsumerPriceIndexTable) -> [String] {
    table.leftOut.map { "\($0.reason.rawValue): \($0.rowList)" }
}

private func problems(_ text: String) -> [String] {
    do throws(TunetError) {
        _ = try read(text)
        return ["read without an error"]
    } catch {
        return error.problems.map(\.message.english)
    }
}

@Suite("Statistics Norway's table 03013 as downloaded")
struct ConsumerPriceIndexTableTests {
    @Test("Long layout with consumer groups: the all-item index is read; other groups and '..', '.' rows are left out by row")
    func longWithGroups() throws {
        let table = try read("""
            "03013: Konsumprisindeks, etter konsumgruppe, måned og statistikkvariabel"

            "konsumgruppe";"måned";"Konsumprisindeks (2015=100)"
            "Totalindeks";"2026M09";142.8
            "Matvarer og alkoholfrie drikkevarer";"2026M09";150.9
            "Totalindeks";"2026M10";143,2
            "Totalindeks";"2026M11";..
            "Matvarer og alkoholfrie drikkevarer";"2026M10";151.0
            "Totalindeks";"2026M12";.
            """)
        #expect(table.layout == .long)
        #expect(months(table) == ["2026M09=142.8", "2026M10=143.2"])
        #expect(leftOut(table) == ["other_consumer_group: 5, 8", "not_available: 7", "not_applicable: 9"])
        #expect(table.leftOut[0].names == ["Matvarer og alkoholfrie drikkevarer"])
        #expect(table.leftOut[1].names == ["2026M11"])
        #expect(table.rowsLeftOut == 4)
        #expect(table.monthsWithoutValue.map(\.ssb) == ["2026M11", "2026M12"])
        #expect(table.otherVariables.isEmpty)
    }

    @Test("Long layout without a consumer group column: every row is the all-item index")
    func longWithoutGroups() throws {
        let table = try read("""
            "måned";"Konsumprisindeks (2015=100)"
            "2026M09";142.8
            "2026-10";143.2
            "2026M11";
            """)
        #expect(months(table) == ["2026M09=142.8", "2026M10=143.2"])
        // A row holding only its month is a month without a figure, not a note ending the table.
        #expect(leftOut(table) == ["no_value: 4"])
    }

    @Test("Long layout with a statistikkvariabel column: only the index rows are read, and no month counts as given twice")
    func longWithVariableRows() throws {
        let table = try read("""
            "konsumgruppe";"måned";"statistikkvariabel";"03013: Konsumprisindeks, etter konsumgruppe, måned og statistikkvariabel"
            "Totalindeks";"2026M09";"Konsumprisindeks (2015=100)";142.8
            "Totalindeks";"2026M09";"Månedsendring (prosent)";0.3
            "Totalindeks";"2026M09";"12-måneders endring (prosent)";2.5
            "Totalindeks";"2026M10";"Konsumprisindeks (2015=100)";143.2
            "Totalindeks";"2026M10";"Månedsendring (prosent)";-0.1
            "Totalindeks";"2026M10";"12-måneders endring (prosent)";2.4
            "Totalindeks";"2026M11";"Konsumprisindeks (2015=100)";..
            """)
        #expect(months(table) == ["2026M09=142.8", "2026M10=143.2"])
        #expect(leftOut(table) == ["other_statistic_variable: 3–4, 6–7", "not_available: 8"])
        #expect(table.otherVariables == ["Månedsendring (prosent)", "12-måneders endring (prosent)"])
        #expect(table.rowsLeftOut == 5)
    }

    @Test("Long layout with a column per variable: the index column is read, the others are named, no row is left out")
    func longWithVariableColumns() throws {
        let table = try read("""
            "måned";"Konsumprisindeks (2015=100)";"Månedsendring (prosent)";"12-måneders endring (prosent)"
            "2026M09";142.8;0.3;2.5
            "2026M10";143.2;.;..
            """)
        #expect(months(table) == ["2026M09=142.8", "2026M10=143.2"])
        #expect(table.leftOut.isEmpty)
        #expect(table.otherVariables == ["Månedsendring (prosent)", "12-måneders endring (prosent)"])
    }

    @Test("Wide layout with several variables: the index columns are read; a '..' month is reported without leaving its row out")
    func wideWithVariables() throws {
        let table = try read("""
            "03013: Konsumprisindeks, etter konsumgruppe, måned og statistikkvariabel"
            "konsumgruppe";"Konsumprisindeks (2015=100) 2026M09";"Konsumprisindeks (2015=100) 2026M10";"Konsumprisindeks (2015=100) 2026M11";"Månedsendring (prosent) 2026M09";"Månedsendring (prosent) 2026M10";"Månedsendring (prosent) 2026M11"
            "Totalindeks";142.8;143.2;..;0.3;0.3;..
            "Matvarer og alkoholfrie drikkevarer";150.9;151.0;..;-0.5;0.1;..
            "Utdanning";.;.;..;.;.;..
            """)
        #expect(table.layout == .wide)
        #expect(months(table) == ["2026M09=142.8", "2026M10=143.2"])
        #expect(leftOut(table) == ["other_consumer_group: 4–5"])
        #expect(table.leftOut[0].names == ["Matvarer og alkoholfrie drikkevarer", "Utdanning"])
        #expect(table.otherVariables == ["Månedsendring (prosent)"])
        #expect(table.monthsWithoutValue.map(\.ssb) == ["2026M11"])
    }

    @Test("Wide layout with the variable as a row: month headings alone, the index row read")
    func wideWithVariableRows() throws {
        let table = try read("""
            "konsumgruppe";"statistikkvariabel";"2026M09";"2026M10"
            "Totalindeks";"Konsumprisindeks (2015=100)";142.8;143.2
            "Totalindeks";"12-måneders endring (prosent)";2.5;2.4
            """)
        #expect(months(table) == ["2026M09=142.8", "2026M10=143.2"])
        #expect(leftOut(table) == ["other_statistic_variable: 3"])
        #expect(table.otherVariables == ["12-måneders endring (prosent)"])
    }

    @Test("The source and footnotes end the table, with or without a blank line before them")
    func notesBelowTheTable() throws {
        let afterBlank = try read("""
            "måned";"Konsumprisindeks (2015=100)"
            "2026M10";143.2

            "Kilde: Statistisk sentralbyrå"

            "Fotnoter:"
            "Konsumprisindeks (2015=100): Tallene for siste måned er foreløpige. 2026M10"
            """)
        #expect(months(afterBlank) == ["2026M10=143.2"])
        #expect(afterBlank.leftOut.isEmpty)
        let rightBelow = try read("""
            "konsumgruppe";"måned";"Konsumprisindeks (2015=100)"
            "Totalindeks";"2026M10";143.2
            "Kilde:";"Statistisk sentralbyrå"
            "Tunet-eksempel: tallene er illustrative"
            """)
        #expect(months(rightBelow) == ["2026M10=143.2"])
    }

    @Test("Index figures below the end of the table are an error, not lost")
    func figuresBelowTheEnd() {
        #expect(problems("""
            "måned";"Konsumprisindeks (2015=100)"
            "2026M09";142.8

            "2026M10";143.2
            """) == ["row 4, måned: index figures below the end of the table (row 3 is blank); remove the row or the line that ends the table"])
        #expect(problems("""
            "konsumgruppe";"Konsumprisindeks (2015=100) 2026M09"
            "Totalindeks";142.8
            "Kilde: Statistisk sentralbyrå"
            "Matvarer og alkoholfrie drikkevarer";150.9
            """) == ["row 4, konsumgruppe: index figures below the end of the table (row 3 is a note); remove the row or the line that ends the table"])
    }

    @Test("A month twice with the same index is left out as a repeat; with a different index it is an error naming both rows")
    func monthTwice() throws {
        let repeated = try read("""
            "måned";"Konsumprisindeks (2015=100)"
            "2026M10";143.2
            "2026M10";143.2
            """)
        #expect(months(repeated) == ["2026M10=143.2"])
        #expect(leftOut(repeated) == ["repeated: 3"])
        #expect(problems("""
            "måned";"Konsumprisindeks (2015=100)"
            "2026M10";143.2
            "2026M10";143.4
            """) == ["row 3, Konsumprisindeks (2015=100): 2026M10 is also given on row 2 with 143.2"])
    }

    @Test("A month in an unknown form and a value that is not an index are errors naming the row")
    func badRows() {
        #expect(problems("""
            "konsumgruppe";"måned";"Konsumprisindeks (2015=100)"
            "Totalindeks";"oktober 2026";143.2
            "Totalindeks";"2026M11";143.25
            "Totalindeks";"2026M12";-0.3
            """) == [
                "row 2, måned: 'oktober 2026' is not a month; write 2026M10 or 2026-10",
                "row 3, Konsumprisindeks (2015=100): '143.25' is not an index value; write it with one decimal, like 137.4",
                "row 4, Konsumprisindeks (2015=100): '-0.3' is not an index value; write it with one decimal, like 137.4",
            ])
    }

    @Test("A download without the index says so and names what it has")
    func withoutTheIndex() {
        /// Why the file was refused as unreadable, in English; nil when it was read or refused otherwise.
        func unreadable(_ text: String) -> String? {
            do { _ = try read(text) } catch { if case .unreadableFile("03013.csv", let reason) = error { return reason.english } }
            return nil
        }
        #expect(unreadable("\"måned\";\"Månedsendring (prosent)\"\n\"2026M10\";0.3")
            == "the header has a month column but no index column (like 'Konsumprisindeks (2015=100)'); it has only Månedsendring (prosent)")
        #expect(unreadable("\"måned\";\"statistikkvariabel\";\"03013\"\n\"2026M10\";\"12-måneders endring (prosent)\";2.4")
            == "the file holds no published values of the all-item index (it has 12-måneders endring (prosent))")
        #expect(unreadable("\"konsumgruppe\";\"Månedsendring (prosent) 2026M10\"\n\"Totalindeks\";0.3")
            == "the month columns hold no index (like 'Konsumprisindeks (2015=100) 2026M10'), only Månedsendring (prosent)")
        #expect(throws: TunetError.self) { try read("a;b\n1;2") }
        #expect(unreadable("\"måned\";\"Konsumprisindeks (2015=100)\"\n\"2026M11\";..") == "the file holds no published values of the all-item index")
        #expect(Texts(.nb).render(Message("rules.kpi.no_index_column_others", ["others": "Månedsendring (prosent)"]))
            == "overskriftsraden har en månedskolonne, men ingen indekskolonne (som «Konsumprisindeks (2015=100)»); den har bare Månedsendring (prosent)")
    }

    @Test("The index is told from the changes in it, in Norwegian and English", arguments: [
        ("Konsumprisindeks (2015=100)", true), ("Consumer Price Index (2015=100)", true), ("KPI-indeks", true),
        ("Månedsendring (prosent)", false), ("12-måneders endring (prosent)", false), ("12-month rate (per cent)", false),
        ("Monthly change (per cent)", false), ("Konsumgruppe", false),
    ])
    func indexVariable(name: String, isIndex: Bool) {
        #expect(ConsumerPriceIndexTable.isIndexVariable(name) == isIndex)
    }

    @Test("The all-item index is told from the other consumer groups", arguments: [
        ("Totalindeks", true), ("All-item index", true), ("00 Totalindeks", true), ("00", true),
        ("01 Matvarer og alkoholfrie drikkevarer", false), ("Matvarer og alkoholfrie drikkevarer", false), ("", false),
    ])
    func allItemGroup(name: String, isTotal: Bool) {
        #expect(ConsumerPriceIndexTable.isAllItemGroup(name) == isTotal)
    }

    @Test("Rows left out are listed with runs as ranges")
    func rowLists() {
        func list(_ rows: [Int]) -> String { ConsumerPriceIndexTable.LeftOutRows(reason: .notAvailable, rows: rows, names: []).rowList }
        #expect(list([7]) == "7")
        #expect(list([7, 9]) == "7, 9")
        #expect(list([5, 6, 8, 9, 10]) == "5–6, 8–10")
        #expect(list([]) == "")
    }
}
