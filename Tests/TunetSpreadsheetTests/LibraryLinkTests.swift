import CXLSXWriter
import Foundation
import Testing

@Suite("The system libxlsxwriter")
struct LibraryLinkTests {
    @Test("is installed, links, and writes a workbook that is a zip archive")
    func writesWorkbook() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-link-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(String(cString: lxw_version()).hasPrefix("1."))
        let workbook = try #require(workbook_new(path))
        let sheet = try #require(workbook_add_worksheet(workbook, "Ark1"))
        #expect(worksheet_write_string(sheet, 0, 0, "Tunet", nil) == LXW_NO_ERROR)
        #expect(workbook_close(workbook) == LXW_NO_ERROR)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }
}
