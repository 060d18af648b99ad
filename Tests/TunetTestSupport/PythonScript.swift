import Foundation
import TunetChildProcess

/// Runs a Python 3 script (scripts/test installs openpyxl) in `folder`; its status and what it printed,
/// standard error included.
public func runPython(_ script: String, in folder: URL) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    process.currentDirectoryURL = folder
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    return (process.waitForExit(), String(decoding: data, as: UTF8.self))
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
