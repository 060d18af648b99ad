import Foundation
import TunetChildProcess

/// Runs a Python 3 script (scripts/test installs openpyxl) in `folder`; its status and what it printed,
/// standard error included.
public func runPython(_ script: String, in folder: URL) throws -> (status: Int32, output: String) {
    let printed = FileManager.default.temporaryDirectory.appendingPathComponent("tunet-python-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: printed) }
    let status = try ChildProcess("/usr/bin/env", ["python3", "-c", script], directory: folder.path,
                                  output: .file(printed.path), errors: .standardOutput).wait()
    return (status, String(decoding: try Data(contentsOf: printed), as: UTF8.self))
}

/// A script that prints "ok" when two workbooks in the folder hold the same files byte for byte, their
/// creation time (`docProps/core.xml`) aside; otherwise the first file that differs.
public func sameWorkbooksScript(_ first: String, _ second: String) -> String {
    """
    import zipfile
    a, b = zipfile.ZipFile('\(first)'), zipfile.ZipFile('\(second)')
    assert a.namelist() == b.namelist(), (a.namelist(), b.namelist())
    for name in a.namelist():
        if name != 'docProps/core.xml':
            assert a.read(name) == b.read(name), name
    print('ok')
    """
}
