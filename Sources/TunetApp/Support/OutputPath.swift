import Foundation
import TunetDomain

/// Where Tunet may write a file the user named: checked before anything is computed, so that a wrong
/// path costs nothing and never overwrites what it should not.
public enum OutputPath {
    /// The resolved file: a relative path is taken from the working folder and links in its folder are
    /// followed; the file itself must not be a folder or a symbolic link (Tunet does not write through
    /// links), its folder must exist and be writable, its name must end in `.extension`, and it must not
    /// be the database or one of its journal files, under any name (a hard link is the same file: device
    /// and inode are compared), and an existing file is overwritten only when the user says so (`force`).
    /// `required` nil takes any name (a backup).
    @discardableResult
    public static func check(_ path: String, extension required: String? = "xlsx", database: String? = nil, force: Bool = false) throws(TunetError) -> URL {
        guard !path.trimmingWhitespace().isEmpty else { throw .unwritableOutput(path: path, reason: Message("output.error.empty")) }
        let given = URL(fileURLWithPath: path).standardizedFileURL
        let folder = given.deletingLastPathComponent().resolvingSymlinksInPath()
        let url = folder.appendingPathComponent(given.lastPathComponent)
        var isDirectory: ObjCBool = false
        if let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
           attributes[.type] as? FileAttributeType == .typeSymbolicLink {
            throw .unwritableOutput(path: path, reason: Message("output.error.symbolic_link"))
        }
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .unwritableOutput(path: path, reason: required.map { Message("output.error.folder", ["extension": .text($0)]) } ?? Message("output.error.folder_any"))
        }
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .unwritableOutput(path: path, reason: Message("output.error.no_folder", ["folder": .text(folder.path)]))
        }
        guard FileManager.default.isWritableFile(atPath: folder.path) else {
            throw .unwritableOutput(path: path, reason: Message("output.error.folder_not_writable", ["folder": .text(folder.path)]))
        }
        if let required, url.pathExtension.lowercased() != required {
            throw .unwritableOutput(path: path, reason: Message("output.error.extension", ["extension": .text(required)]))
        }
        if let database {
            let databaseURL = URL(fileURLWithPath: database).standardizedFileURL.resolvingSymlinksInPath()
            let journals = ["", "-wal", "-shm", "-journal"].map { databaseURL.path + $0 }
            let output = identity(url.path)
            if journals.contains(url.path) || (output != nil && journals.contains { identity($0) == output }) {
                throw .unwritableOutput(path: path, reason: Message("output.error.database"))
            }
        }
        if !force && (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil {
            throw .unwritableOutput(path: path, reason: Message("output.error.exists", fields: ["force"]))
        }
        return url
    }

    /// The device and inode of the file at `path`, following links; nil when there is none.
    private static func identity(_ path: String) -> [UInt64]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return [UInt64(status.st_dev), UInt64(status.st_ino)]
    }
}
