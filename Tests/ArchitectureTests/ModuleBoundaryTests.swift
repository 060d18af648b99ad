import Foundation
import Testing

/// The module map of ARCHITECTURE.md, checked on the sources: who may import what.
@Suite("Module boundaries")
struct ModuleBoundaryTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Each Swift file of a module with the modules it imports (`import X`, `internal import X`, `@testable import X`).
    static func imports(of module: String) throws -> [(file: String, imports: [(module: String, line: String)])] {
        let folder = sources.appendingPathComponent(module)
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var result: [(String, [(String, String)])] = []
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let found = text.split(separator: "\n").compactMap { line -> (String, String)? in
                // Swift's regular expressions are slow; most lines are not imports at all.
                guard line.hasPrefix("import ") || line.hasPrefix("@testable import ") || line.contains("ate import ")
                        || line.hasPrefix("internal import ") || line.hasPrefix("public import ") else { return nil }
                guard let match = line.wholeMatch(of: /(?:@testable |internal |public |private |fileprivate )?import (?:struct |enum |class |func )?([A-Za-z0-9_]+).*/) else {
                    return nil
                }
                return (String(match.1), String(line))
            }
            result.append((url.path.replacingOccurrences(of: sources.path + "/", with: ""), found))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    static let sqliteModules: Set = ["GRDB", "GRDBSQLite", "CSQLiteSettings", "SQLite3"]
    static let postgresModules: Set = ["PostgresNIO", "NIOPosix", "NIOSSL"]

    @Test("Only the SQLite store sees GRDB or sqlite3")
    func sqliteStaysInItsStore() throws {
        for module in ["TunetDomain", "TunetText", "TunetJSON", "TunetStorage", "TunetFiles", "TunetSpreadsheet", "TunetApp", "TunetHTTP", "tunet"] {
            for (file, imports) in try Self.imports(of: module) {
                #expect(imports.filter { Self.sqliteModules.contains($0.module) }.isEmpty, "\(file) imports SQLite")
            }
        }
        #expect(try Self.imports(of: "TunetStoreSQLite").contains { $0.imports.contains { $0.module == "GRDB" } })
    }

    @Test("Only the PostgreSQL store sees PostgresNIO")
    func postgresStaysInItsStore() throws {
        for module in ["TunetDomain", "TunetText", "TunetJSON", "TunetStorage", "TunetStoreSQLite", "TunetFiles", "TunetSpreadsheet", "TunetApp", "tunet"] {
            for (file, imports) in try Self.imports(of: module) {
                #expect(imports.filter { Self.postgresModules.contains($0.module) }.isEmpty, "\(file) imports PostgreSQL's client")
            }
        }
        #expect(try Self.imports(of: "TunetStorePostgres").contains { $0.imports.contains { $0.module == "PostgresNIO" } })
    }

    @Test("The use cases see the storage interface; one file opens a store and one copies between them, with internal imports")
    func useCasesSeeTheInterface() throws {
        let app = try Self.imports(of: "TunetApp")
        for store in ["TunetStoreSQLite", "TunetStorePostgres"] {
            let opening = app.filter { $0.imports.contains { $0.module == store } }
            #expect(opening.map(\.file) == ["TunetApp/Maintenance/CopyDesk.swift", "TunetApp/Support/StoreOpening.swift"])
            for file in opening {
                #expect(file.imports.first { $0.module == store }?.line.hasPrefix("internal import") == true, "\(file.file)")
            }
        }
        #expect(app.contains { $0.imports.contains { $0.module == "TunetStorage" } })
    }

    @Test("Front ends import the use cases and the domain, never a storage module")
    func frontEndsStayOnTop() throws {
        for module in ["tunet", "TunetHTTP"] {
            for (file, imports) in try Self.imports(of: module) {
                let storage = imports.filter { ["TunetStorage", "TunetStoreSQLite", "TunetStorePostgres"].contains($0.module) || Self.sqliteModules.contains($0.module) }
                #expect(storage.isEmpty, "\(file): \(storage.map(\.line))")
            }
        }
    }

    @Test("The domain imports nothing, not even Foundation")
    func domainStandsAlone() throws {
        for (file, imports) in try Self.imports(of: "TunetDomain") {
            #expect(imports.isEmpty, "\(file): \(imports.map(\.line))")
        }
    }

    @Test("Package.swift declares exactly the Tunet modules each target imports")
    func packageDeclaresImports() throws {
        let manifest = try String(contentsOf: Self.sources.deletingLastPathComponent().appendingPathComponent("Package.swift"), encoding: .utf8)
        let ownModules = ["TunetDomain", "TunetText", "TunetJSON", "TunetStorage", "TunetStoreSQLite", "TunetStorePostgres", "TunetFiles", "TunetSpreadsheet",
                          "TunetReportCatalogue", "TunetApp", "TunetHTTP", "CXLSXWriter", "CZlib", "CSQLiteSettings", "CHeap", "CSpawn", "TunetChildProcess", "TunetSideBySide"]
        for module in ["TunetText", "TunetStorage", "TunetStoreSQLite", "TunetStorePostgres", "TunetFiles", "TunetSpreadsheet", "TunetApp", "TunetHTTP", "tunet"] {
            let start = try #require(manifest.firstMatch(of: try Regex("\\.(?:target|executableTarget)\\(\\s*name: \"\(module)\"")))
            let declaration = manifest[start.range.upperBound...]
            let dependencies = declaration.firstMatch(of: /dependencies: \[([^\]]*)\]/).map { String($0.1) } ?? ""
            let imported = Set(try Self.imports(of: module).flatMap { $0.imports.map(\.module) }).filter(ownModules.contains)
            for used in imported.sorted() {
                #expect(dependencies.contains("\"\(used)\""), "\(module) imports \(used) without declaring it in Package.swift")
            }
            for declared in ownModules where dependencies.contains("\"\(declared)\"") {
                #expect(imported.contains(declared), "\(module) declares \(declared) in Package.swift but imports it nowhere")
            }
        }
    }

    @Test("No source or test file is over 400 lines: one purpose per file")
    func smallFiles() throws {
        let root = Self.sources.deletingLastPathComponent()
        for folder in ["Sources", "Tests"] {
            guard let files = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in files where url.pathExtension == "swift" {
                let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
                #expect(lines <= 401, "\(url.path.replacingOccurrences(of: root.path + "/", with: "")) has \(lines) lines")
            }
        }
    }
}
