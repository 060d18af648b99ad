import TunetDomain
import TunetStorage

/// One way of carrying an import's steps through the store. Each reads the file's rows once, or twice when
/// what it read from changed meanwhile; the pipelined route at most three times (`PipelinedImport`).
protocol AttendanceImportRoute: Sendable {
    func run(_ job: AttendanceImportJob) throws -> AttendanceImportView
}

/// A dry run: the file checked and compared with the stored days in a snapshot, nothing stored.
struct DryRunImport: AttendanceImportRoute {
    func run(_ job: AttendanceImportJob) throws -> AttendanceImportView {
        try job.context.read { reader in
            if let earlier = try job.earlierImport(reader) { return earlier }
            var batch = try job.validated(reader)
            return try job.streamed(&batch, reader, nil)
        }
    }
}

/// Every step inside the writer: the file is read once, and nothing can change under it.
struct WriterImport: AttendanceImportRoute {
    func run(_ job: AttendanceImportJob) throws -> AttendanceImportView {
        try job.context.write { tx in
            if let earlier = try job.earlierImport(tx) { return earlier }
            return try job.checkedAndStored(tx)
        }
    }
}
