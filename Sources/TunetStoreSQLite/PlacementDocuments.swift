import Dispatch
import Foundation
import Synchronization
import TunetDomain

/// Decodes a list of placements' stored documents. A month's invoice basis reads every placement of the
/// country, and decoding their documents was a third of it: a long list is decoded in as many parts as
/// there are cores, side by side, into the same placements in the same order, and a damaged document
/// fails the list with the same error as when decoded one after another.
enum PlacementDocuments {
    /// Shorter lists are decoded on the calling thread: another thread costs more to start than it saves.
    static let sideBySideFrom = 2_000

    static func decode(_ documents: [String], parts: Int = min(4, ProcessInfo.processInfo.activeProcessorCount)) throws -> [Placement] {
        guard parts > 1, documents.count >= sideBySideFrom else { return try documents.map(SQLiteReader.decodePlacement) }
        let size = (documents.count + parts - 1) / parts
        let decoded = Mutex([Result<[Placement], any Error>?](repeating: nil, count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = min(part * size, documents.count)..<min((part + 1) * size, documents.count)
            let result = Result { try documents[range].map(SQLiteReader.decodePlacement) }
            decoded.withLock { $0[part] = result }
        }
        var placements: [Placement] = []
        placements.reserveCapacity(documents.count)
        for part in decoded.withLock({ $0 }) {
            placements += try part?.get() ?? []
        }
        return placements
    }
}
