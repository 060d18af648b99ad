import TunetDomain
import TunetSideBySide

/// Decodes a list of placements' stored documents. A month's invoice basis reads every placement of the
/// country, and decoding their documents was a third of it: a long list is decoded side by side
/// (`SideBySide`), into the same placements in the same order, and a damaged document fails the list
/// with the same error as when decoded one after another.
enum PlacementDocuments {
    static let sideBySideFrom = SideBySide.defaultThreshold

    static func decode(_ documents: [String], parts: Int = SideBySide.cores) throws -> [Placement] {
        try SideBySide.map(documents, parts: parts, threshold: sideBySideFrom, SQLiteReader.decodePlacement)
    }
}
