import Foundation
import Testing
@testable import TunetApp
import TunetDomain
import TunetTestSupport

@Suite("Where Tunet may write a file")
struct OutputPathTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func reason(_ path: String, extension required: String = "xlsx", database: String? = nil) -> String? {
        do {
            try OutputPath.check(path, extension: required, database: database)
            return nil
        } catch {
            guard case .unwritableOutput(_, let reason) = error else { return "unexpected \(error)" }
            return reason.english
        }
    }

    @Test("A new file in an existing, writable folder is accepted, resolved to an absolute path")
    func accepted() throws {
        let url = try OutputPath.check(folder.appendingPathComponent("sub/../rapport.xlsx").path)
        #expect(url.path == folder.resolvingSymlinksInPath().appendingPathComponent("rapport.xlsx").path)
        #expect(reason(folder.appendingPathComponent("data.csv").path, extension: "csv") == nil)
    }

    @Test("A folder, a missing folder, a wrong extension, a symbolic link and the database itself are refused with the reason")
    func refused() throws {
        #expect(reason(folder.path)?.contains("it is a folder") == true)
        #expect(reason(folder.appendingPathComponent("mangler/rapport.xlsx").path)?.contains("does not exist") == true)
        #expect(reason(folder.appendingPathComponent("rapport.pdf").path) == "the file name must end in .xlsx")
        #expect(reason("") == "the file name is empty")
        let target = folder.appendingPathComponent("passwd.xlsx")
        try Data("x".utf8).write(to: target)
        let link = folder.appendingPathComponent("lenke.xlsx")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        #expect(reason(link.path)?.contains("symbolic link") == true)
        let database = folder.appendingPathComponent("tunet.xlsx").path
        #expect(reason(database, database: database) == "it is the database itself; choose another file name")
    }
}
