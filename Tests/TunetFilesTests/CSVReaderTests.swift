import Foundation
import Testing
@testable import TunetDomain
@testable import TunetFiles
import TunetTestSupport

private func records(_ bytes: [UInt8]) throws -> (CSVReader, [TableRow]) {
    let reader = try CSVReader(data: Data(bytes))
    return (reader, try reader.allRecords())
}

private func records(_ text: String) throws -> (CSVReader, [TableRow]) { try records(Array(text.utf8)) }

let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Contracts/examples")

@Suite("Reading CSV as Norwegian offices write it")
struct CSVReaderTests {
    @Test("Norwegian Excel's semicolon file in Windows-1252 keeps æøå")
    func windows1252() throws {
        let reader = try CSVReader(contentsOf: examples.appendingPathComponent("providers-excel-semicolon.csv"))
        #expect(reader.encoding == .windows1252)
        #expect(reader.delimiterName == "semicolon")
        let all = try reader.allRecords()
        #expect(all.count == 4)
        #expect(all[0][1] == "Gårdsnavn")
        #expect(all[1][1] == "Øvre Bjørnstad gård")
        #expect(all[1][2] == "Åse Bjørnstad")
        #expect(all[3][1] == "Sæteren gård")
    }

    @Test("A UTF-8 file with a byte-order mark: the mark is not part of the first header")
    func utf8WithBOM() throws {
        let reader = try CSVReader(contentsOf: examples.appendingPathComponent("providers-utf8-bom.csv"))
        #expect(reader.encoding == .utf8WithBOM)
        #expect(reader.delimiterName == "comma")
        let all = try reader.allRecords()
        #expect(all[0][0] == "organisation_number")
        #expect(all[1][5] == "Nordlysveien 2, 8150 Ørnes")
        #expect(all[2][9] == "pupils,other")
    }

    @Test("UTF-16 text as Excel's 'Unicode text' writes it is read too")
    func utf16() throws {
        let text = "a\tb\r\nø\tå\r\n"
        let (reader, all) = try records([0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian)!))
        #expect(reader.encoding == .utf16)
        #expect(reader.delimiterName == "tab")
        #expect(all.map(\.fields) == [["a", "b"], ["ø", "å"]])
    }

    @Test("Quotes protect delimiters, line breaks and doubled quotes")
    func quoting() throws {
        let (_, all) = try records("name,note\n\"Lia, gård\",\"said \"\"hei\"\"\nover two lines\"\nplain,\n")
        #expect(all.count == 3)
        #expect(all[1].fields == ["Lia, gård", "said \"hei\"\nover two lines"])
        #expect(all[1].row == 2)
        #expect(all[2].fields == ["plain", ""])
        #expect(all[2].row == 3)
    }

    @Test("LF, CRLF and CR line endings may be mixed; a missing final line break loses nothing")
    func lineEndings() throws {
        let (_, all) = try records("a;b\r\n1;2\n3;4\r5;6")
        #expect(all.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
    }

    @Test("The delimiter is sniffed from the header, ignoring delimiters inside quotes")
    func sniffing() throws {
        #expect(try records("\"a,b\";c;d\n").0.delimiterName == "semicolon")
        #expect(try records("a,b,c\n").0.delimiterName == "comma")
        #expect(try records("single\n").0.delimiterName == "comma")
        #expect(try records("\"A title, with commas\"\n\na;b;c\n1;2;3\n").0.delimiterName == "semicolon")
    }

    @Test("An unterminated quote is an error naming the row where it starts")
    func unterminatedQuote() {
        do {
            _ = try records("a,b\n1,2\n3,\"never closed\n4,5\n")
            Issue.record("read a broken quote")
        } catch let error as TunetError {
            #expect(error.problems.first?.row == 3)
            #expect(error.english.contains("never closed"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("Files that are not text say what they are", arguments: [
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00] as [UInt8], "zip archive"),
        (Array("%PDF-1.7\n".utf8), "PDF"),
        (Array("a,b\n1,\u{0}2\n".utf8), "NUL byte"),
    ])
    func notText(_ bytes: [UInt8], _ expected: String) {
        do {
            _ = try records(bytes)
            Issue.record("read a non-text file")
        } catch let error as TunetError {
            #expect(error.english.contains(expected), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("An enormous field is refused with its row instead of filling memory")
    func hugeField() {
        let text = "a,b\n1,\"" + String(repeating: "x", count: CSVReader.maximumFieldBytes + 10) + "\"\n"
        do {
            _ = try records(text)
            Issue.record("read a huge field")
        } catch let error as TunetError {
            #expect(error.problems.first?.row == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite("Matching header rows to fields")
struct ColumnMapTests {
    enum Field: String, Sendable { case organisationNumber = "organisation_number", name, places }
    let names: [Field: [String]] = [
        .organisationNumber: ["organisation_number", "organisasjonsnummer"], .name: ["name", "gårdsnavn"], .places: ["places_per_day"],
    ]

    @Test("Norwegian and English headers match in any case and spelling of æøå")
    func matches() throws {
        let header = TableRow(row: 1, fields: ["Organisasjonsnummer", "GARDSNAVN", "Places per day"])
        let map = try ColumnMap(header: header, names: names, required: [.organisationNumber, .name], fieldName: \.rawValue)
        #expect(map.indexes == [.organisationNumber: 0, .name: 1, .places: 2])
    }

    @Test("Unknown, repeated and missing columns are each reported")
    func reportsProblems() {
        let header = TableRow(row: 1, fields: ["name", "colour", "navn", "gårdsnavn"])
        do {
            _ = try ColumnMap(header: header, names: names, required: [.organisationNumber, .name], fieldName: \.rawValue)
            Issue.record("accepted a bad header")
        } catch {
            let messages = error.problems.map(\.message.english)
            #expect(messages.contains { $0.contains("'colour' is not a known column") })
            #expect(messages.contains { $0.contains("'gårdsnavn' repeats column 1") })
            #expect(messages.contains { $0.contains("'organisation_number' is missing") })
        }
    }
}
