import Foundation
import Testing
@testable import TunetDomain
@testable import TunetFiles

/// A file from another system arrives in its own order; Tunet reads it farm by farm without changing
/// what any row says or which row number a message names.
@Suite("An attendance file read farm by farm, whatever order its rows come in")
struct AttendanceRowOrderTests {
    private func rows(_ data: Data, order: AttendanceRowOrder?) throws -> [String] {
        var read: [String] = []
        try AttendanceFile.rows(in: data, fileName: "f.csv", order: order) { row in
            read.append("\(row.row) \(row.organisationNumber ?? "-") \(row.participant) \(row.date) \(row.status)")
        }
        return read
    }

    private func inFarmOrder(_ data: Data) throws -> [String] {
        let order: AttendanceRowOrder = try #require(try AttendanceRowOrder.farmByFarm(in: data, fileName: "f.csv"))
        return try rows(data, order: order)
    }

    private func inFarmOrder(_ text: String) throws -> [String] { try inFarmOrder(Data(text.utf8)) }

    @Test("rows sorted by date come farm by farm (the first named first), each participant's days together and in date order")
    func byDate() throws {
        let file = """
            organisation_number;participant;date;status
            222222222;B1;2025-01-06;FM
            111111111;A1;2025-01-06;FM
            111111111;A2;06.01.2025;FU
            222222222;B1;2025-01-07;FM
            111111111;A1;2025-01-07;FM

            111111111;A2;2025-01-07;FM

            """
        #expect(try inFarmOrder(file) == [
            "2 222222222 B1 2025-01-06 FM", "5 222222222 B1 2025-01-07 FM",
            "3 111111111 A1 2025-01-06 FM", "6 111111111 A1 2025-01-07 FM",
            "4 111111111 A2 06.01.2025 FU", "8 111111111 A2 2025-01-07 FM",
        ])
    }

    @Test("a farm is one farm however its number is written; farms come as the file first reports a day of them, rows left unreported last")
    func farmsByNumber() throws {
        let file = """
            organisation_number;participant;date;status
            923456104;A1;2025-01-06;FM
            934567501;B1;2025-01-06;
            NO 923 456 104 MVA;A1;2025-01-07;M
            934567501;B1;2025-01-07;FM
            """
        #expect(try inFarmOrder(file) == [
            "2 923456104 A1 2025-01-06 FM", "4 NO 923 456 104 MVA A1 2025-01-07 M", "5 934567501 B1 2025-01-07 FM",
            "3 934567501 B1 2025-01-06 ",
        ])
    }

    @Test("a participant's days in any order come by date, a day given twice in the file's order, a date that does not read first")
    func daysSorted() throws {
        let file = """
            organisation_number,participant,date,status
            111111111,A1,2025-01-08,FM
            111111111,A1,2025-01-06,FM
            111111111,A1,2025-01-08,FU
            111111111,A1,8. januar,FM
            111111111,A1,07.01.2025,FM
            """
        #expect(try inFarmOrder(file) == [
            "5 111111111 A1 8. januar FM", "3 111111111 A1 2025-01-06 FM", "6 111111111 A1 07.01.2025 FM",
            "2 111111111 A1 2025-01-08 FM", "4 111111111 A1 2025-01-08 FU",
        ])
    }

    @Test("every row is read once, as written, with its own row number: quoted fields across lines, CRLF, no line end at the end")
    func sameRows() throws {
        var lines = ["organisation_number;participant;date;status;hours"]
        for day in 1...28 {
            for (farm, participant) in [("333333333", "C\"1"), ("111111111", "A;1"), ("222222222", "B\n1")] {
                let status = day % 3 == 0 ? "\"F\"\"U\"" : "FM"
                lines.append("\(farm);\"\(participant.replacingOccurrences(of: "\"", with: "\"\""))\";2025-02-\(day < 10 ? "0" : "")\(day);\(status);")
            }
        }
        let data = Data(lines.joined(separator: "\r\n").utf8)
        let fileOrder = try rows(data, order: nil)
        let farmOrder = try inFarmOrder(data)
        #expect(farmOrder.count == 84)
        #expect(farmOrder.sorted() == fileOrder.sorted())
        #expect(farmOrder.first == "2 333333333 C\"1 2025-02-01 FM")
        #expect(farmOrder.last == "85 222222222 B\n1 2025-02-28 FM")
        #expect(farmOrder.contains("8 333333333 C\"1 2025-02-03 F\"U"))
    }

    @Test("Windows-1252 and a byte-order mark are read the same in either order")
    func encodings() throws {
        let text = "organisation_number;participant;date;status\n222222222;Ærlig;2025-01-06;FM\n111111111;Øyvind;2025-01-06;FM\n222222222;Ærlig;2025-01-07;FM\n"
        let windows = Data(text.unicodeScalars.map { UInt8($0.value) })
        let bom = Data([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        for data in [windows, bom] {
            #expect(try inFarmOrder(data) == ["2 222222222 Ærlig 2025-01-06 FM", "4 222222222 Ærlig 2025-01-07 FM", "3 111111111 Øyvind 2025-01-06 FM"])
        }
    }

    @Test("a farm's rows over many pieces of the temporary file, and a row longer than a piece, are each read once, as written")
    func manyPieces() throws {
        var lines = ["organisation_number;participant;date;status;hours"]
        for index in 0..<3_000 {
            let farm = ["333333333", "111111111", "222222222"][index % 3]
            let note = index == 1_500 ? "\"" + String(repeating: "lang;\n", count: 1_000) + "\"" : String(index)
            lines.append("\(farm);P\(index % 7);2025-\(index % 12 < 9 ? "0" : "")\(index % 12 + 1)-\(10 + index % 17);FM;\(note)")
        }
        let data = Data(lines.joined(separator: "\n").utf8)
        let fileOrder = try rows(data, order: nil)
        let farmOrder = try inFarmOrder(data)
        #expect(farmOrder.count == 3_000)
        #expect(farmOrder.sorted() == fileOrder.sorted())
        let farms = farmOrder.map { $0.split(separator: " ")[1] }
        #expect(farms.first == "333333333" && zip(farms, farms.dropFirst()).filter { $0 != $1 }.count == 2, "each farm's rows together")
    }

    @Test("a file naming more farms than can be put in order is read in its own order")
    func tooManyFarms() throws {
        let lines = ["organisation_number;participant;date;status"] + (0...AttendanceRowOrder.maximumFarms).map { "farm \($0);A1;2025-01-06;FM" }
        #expect(try AttendanceRowOrder.farmByFarm(in: Data(lines.joined(separator: "\n").utf8), fileName: "f.csv") == nil)
    }

    @Test("one farm's file (no organisation number column) and a workbook are read in their own order")
    func notRegrouped() throws {
        let oneFarm = Data("participant;date;status\nA1;2025-01-07;FM\nA1;2025-01-06;FM\n".utf8)
        #expect(try AttendanceRowOrder.farmByFarm(in: oneFarm, fileName: "f.csv") == nil)
        let workbook = Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 40))
        #expect(try AttendanceRowOrder.farmByFarm(in: workbook, fileName: "f.xlsx") == nil)
    }
}
