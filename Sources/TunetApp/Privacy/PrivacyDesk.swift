import TunetDomain
import TunetStorage

public struct RetentionView: Sendable, Encodable {
    public let cutoff: LocalDate
    public let participants: [String]
    public let erased: [ErasureResult]
    public let dryRun: Bool
    /// Whether the erased text is in none of the store's files any more (see `ErasureResult.filesCleared`).
    public var filesCleared: Bool

    enum CodingKeys: String, CodingKey {
        case cutoff, participants, erased
        case dryRun = "dry_run"
        case filesCleared = "files_cleared"
    }
}

/// Personal data: what is held, erasure for one participant, and retention by age.
public struct PrivacyDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public func report() throws -> [PersonalDataCategory] { try context.read { try $0.personalDataInventory() } }

    public func erase(_ participant: String) throws -> ErasureResult {
        let code: ParticipantCode
        switch ParticipantCode.parse(participant) {
        case .success(let parsed): code = parsed
        case .failure(let reason): throw TunetError.invalid("participant", participant, reason.message)
        }
        var result = try context.write { try $0.erase(code) }
        result.filesCleared = try context.store.clearFreedContent()
        return result
    }

    /// Erases participants whose placements all ended more than `olderThan` (like `5y` or `18m`) ago.
    public func retention(olderThan: String, dryRun: Bool) throws -> RetentionView {
        let age: RetentionAge
        switch RetentionAge.parse(olderThan) {
        case .success(let parsed): age = parsed
        case .failure(let reason): throw TunetError.invalid("older-than", olderThan, reason.message)
        }
        let cutoff = age.cutoff(on: context.today)
        if dryRun {
            let participants = try context.read { try $0.participantsEnded(before: cutoff) }
            return RetentionView(cutoff: cutoff, participants: participants.map(\.text), erased: [], dryRun: true, filesCleared: false)
        }
        var view = try context.write { tx in
            let participants = try tx.participantsEnded(before: cutoff)
            return RetentionView(cutoff: cutoff, participants: participants.map(\.text), erased: try participants.map { try tx.erase($0) },
                                 dryRun: false, filesCleared: false)
        }
        if !view.erased.isEmpty { view.filesCleared = try context.store.clearFreedContent() }
        return view
    }
}
