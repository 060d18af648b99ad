import Foundation
import TunetDomain
import TunetStorage
import TunetText

/// The letters written after an award: one file per bidder.
public struct AwardLettersView: Sendable, Encodable {
    public struct Letter: Sendable, Encodable {
        public let organisationNumber: OrganisationNumber
        public let name: String
        public let awarded: Bool
        public let rank: Int
        public let file: String

        enum CodingKeys: String, CodingKey {
            case organisationNumber = "organisation_number"
            case name, awarded, rank, file
        }
    }

    public let procurementId: Int64
    public let folder: String
    public let letters: [Letter]

    enum CodingKeys: String, CodingKey {
        case procurementId = "procurement_id"
        case folder, letters
    }
}

/// Writes the award letters (*meddelelse om tildeling*) of an awarded competition, one HTML file per
/// bidder, all or none: every file is checked first, written under a temporary name, and given its own
/// name only once the audit log holds the letters (the day and the bidders they went to).
public struct AwardLetterDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public func write(_ id: Int64, to folderPath: String, language: Language, force: Bool = false) throws -> AwardLettersView {
        let (folder, made) = try Self.folder(folderPath)
        var finished = false
        // A folder made for letters that were never written is taken away again: a refusal leaves nothing.
        defer { if made && !finished { try? FileManager.default.removeItem(at: folder) } }
        let texts = Texts(language)
        let (procurement, providers) = try context.read { reader -> (Procurement, [OrganisationNumber: Provider]) in
            let procurement = try ProcurementDesk.existing(id, in: reader)
            try procurement.require(.awarded, .concluded, toDo: .writeLetters)
            var providers: [OrganisationNumber: Provider] = [:]
            for tender in procurement.tenders { providers[tender.provider] = try reader.provider(tender.provider) }
            return (procurement, providers)
        }
        let letters = try AwardLetter.letters(for: procurement, providers: providers)
        let named = try letters.map { letter -> (AwardLetter, URL) in
            let name = texts("letter.file_name", ["id": .integer(id), "number": .text(letter.bidder.organisationNumber.digits)])
            return (letter, try OutputPath.check(folder.appendingPathComponent(name).path, extension: "html",
                                                  database: context.store.location, force: force))
        }
        var written: [URL] = []
        defer { for temporary in written { try? FileManager.default.removeItem(at: temporary) } }
        for (letter, url) in named {
            let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
            do {
                try Data(AwardLetterPage.html(letter, texts: texts).utf8).write(to: temporary, options: .withoutOverwriting)
            } catch {
                throw TunetError.unwritableOutput(path: url.path, reason: Message("output.error.write_failed", ["reason": .text(error.localizedDescription)]))
            }
            written.append(temporary)
        }
        let today = context.today
        try context.write { tx in
            var stored = try ProcurementDesk.existing(id, in: tx)
            guard stored == procurement, var award = stored.award else {
                throw TunetError.conflict(Message("letter.changed_meanwhile", ["id": .integer(id)]))
            }
            award.letters.append(Award.LettersWritten(on: today, recipients: letters.map(\.bidder.organisationNumber)))
            stored.award = award
            try tx.update(stored, action: "letters", note: .written(Message("audit.note.letters_written", ["count": .integer(Int64(letters.count))])))
        }
        for (temporary, (_, url)) in zip(written, named) {
            if force && FileManager.default.fileExists(atPath: url.path) { try? FileManager.default.removeItem(at: url) }
            try FileManager.default.moveItem(at: temporary, to: url)
        }
        written = []
        finished = true
        return AwardLettersView(procurementId: id, folder: folder.path, letters: named.map { letter, url in
            .init(organisationNumber: letter.bidder.organisationNumber, name: letter.bidder.name, awarded: letter.isWinner,
                  rank: letter.bidder.evaluation.rank, file: url.path)
        })
    }

    /// The folder the letters go in: made when missing, if its parent exists.
    static func folder(_ path: String) throws -> (URL, made: Bool) {
        guard !path.trimmingWhitespace().isEmpty else { throw TunetError.unwritableOutput(path: path, reason: Message("output.error.empty")) }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw TunetError.unwritableOutput(path: path, reason: Message("letter.folder.not_a_folder")) }
            return (url.resolvingSymlinksInPath(), false)
        }
        let parent = url.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TunetError.unwritableOutput(path: path, reason: Message("output.error.no_folder", ["folder": .text(parent.path)]))
        }
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false) } catch {
            throw TunetError.unwritableOutput(path: path, reason: Message("output.error.folder_not_writable", ["folder": .text(parent.path)]))
        }
        return (url.resolvingSymlinksInPath(), true)
    }
}
