import Foundation
import TunetDomain
import TunetFiles
import TunetStorage

/// Imports a farm's attendance file, all or nothing (format: Contracts/attendance-file.md).
///
/// Every import takes the same steps (`AttendanceImportJob`): the file imported before is answered as
/// such; otherwise its rows are read and checked, each farm's rows are compared with its stored days
/// and priced, and each farm's plan is stored as its submission. How those steps meet the store's one
/// writer is an `AttendanceImportRoute`, chosen in `route(for:)` alone.
public struct AttendanceImportDesk: Sendable {
    let context: TunetContext
    /// False for the providers' own service: another farm's participant is "unknown", never revealed.
    let revealOtherProviders: Bool
    /// Runs after the file is checked in its snapshot and before the writer is taken: lets tests put
    /// a change by someone else exactly there.
    var afterCheck: (@Sendable () throws -> Void)?
    /// Runs each time the file's rows are read: lets tests count the readings.
    var onReadingRows: (@Sendable () -> Void)?

    /// Files from this size on (some 50,000 rows) are checked, planned and stored side by side in one
    /// write transaction (`PipelinedImport`); tests lower it to take that way with small files.
    var pipelinedFromBytes = 2_000_000

    public init(_ context: TunetContext, revealOtherProviders: Bool = true) {
        self.context = context
        self.revealOtherProviders = revealOtherProviders
    }

    /// With `again`, a file imported before is imported as a new submission all the same (its audit
    /// event says so): after a later submission changed some of its days, it applies them once more.
    public func run(file url: URL, provider: String? = nil, dryRun: Bool = false, again: Bool = false) throws -> AttendanceImportView {
        let data: Data
        do { data = try MappedFile.contents(of: url) } catch {
            throw TunetError.unreadableFile(path: url.path, reason: FileManager.default.fileExists(atPath: url.path)
                                            ? Message("attendance.file.unreadable") : Message("attendance.file.missing"))
        }
        return try run(data: data, fileName: url.lastPathComponent, provider: provider, dryRun: dryRun, again: again)
    }

    /// With `provider`, the file is that farm's and rows naming another farm are refused. Without it,
    /// each row's organisation number says whose attendance it is: a file may carry several farms'
    /// rows (a year's records moved from another system), and each farm's rows become its submission.
    public func run(data: Data, fileName: String, provider: String? = nil, dryRun: Bool = false, again: Bool = false) throws -> AttendanceImportView {
        // The name is the client's (a path, a query parameter, a form field): kept cleaned and bounded.
        let job = AttendanceImportJob(context: context, revealOtherProviders: revealOtherProviders, data: data, fileName: StoredText.fileName(fileName),
                                      submitter: try provider.map(ProviderDesk.parseNumber), dryRun: dryRun, again: again,
                                      onReadingRows: onReadingRows)
        return try route(for: job).run(job)
    }

    /// The one place that decides how a file meets the store: a dry run only reads; a large file is
    /// worked on side by side inside the writer where the store lets helpers read beside it; any other
    /// file is checked in a snapshot and stored inside the writer.
    func route(for job: AttendanceImportJob) -> any AttendanceImportRoute {
        if job.dryRun { return DryRunImport() }
        if context.store.capabilities.readsBesideTheWriter, job.data.count >= pipelinedFromBytes { return PipelinedImport() }
        return SnapshotImport(afterCheck: afterCheck)
    }
}
