import Foundation
import TunetDomain
import TunetJSON
import TunetStorage

/// What `tunet export ocds` is asked for: a period, each buyer municipality's organisation number, and the
/// publisher's OCID prefix.
public struct OCDSRequest: Sendable {
    public var from: String?
    public var to: String?
    /// `3303=123456785`: a municipality number and its organisation number, for each municipality published
    /// (several in one, separated by commas).
    public var buyers: [String] = []
    public var ocidPrefix: String?

    public init() {}

    /// A placeholder prefix until the publisher registers its own with the Open Contracting Partnership.
    public static let defaultPrefix = "ocds-tunet0"
}

/// The file written and what it holds.
public struct OCDSExportView: Sendable, Encodable {
    public let file: String
    public let releases: Int
    public let procurements: Int
    public let agreements: Int
    public let callOffs: Int
    /// Call-off groups of fewer than five participants, not published, and what they billed.
    public let heldBack: Int
    public let heldBackValue: Money

    enum CodingKeys: String, CodingKey {
        case file, releases, procurements, agreements
        case callOffs = "call_offs"
        case heldBack = "held_back"
        case heldBackValue = "held_back_ore"
    }
}

/// Publishes the municipality's procurements, framework agreements and call-offs as an OCDS 1.1 release
/// package (Contracts/ocds.md). Call-offs are summed per agreement, municipality, farm and month, so that no
/// participant is named and no count under five is shown.
public struct OCDSDesk: Sendable {
    let context: TunetContext

    public init(_ context: TunetContext) { self.context = context }

    public func write(_ request: OCDSRequest, to path: String, force: Bool = false) throws -> OCDSExportView {
        var problems = ProblemCollector()
        let from = request.from.flatMap { problems.date("from", $0) }
        let to = request.to.flatMap { problems.date("to", $0) }
        if let from, let to, to < from {
            problems.add("to", request.to, Message("ocds.to_before_from", ["from": .date(from), "to": .date(to)]))
        }
        let prefix = request.ocidPrefix?.trimmingWhitespace() ?? OCDSRequest.defaultPrefix
        if !Self.isPrefix(prefix) { problems.add("ocid-prefix", prefix, Message("ocds.prefix_format")) }
        var buyers: [String: OrganisationNumber] = [:]
        for entry in request.buyers.flatMap({ $0.split(separator: ",").map(String.init) }) {
            let parts = entry.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard parts.count == 2 else { problems.add("buyer", entry, Message("ocds.buyer_format")); continue }
            let municipality = problems.take("buyer", entry, Municipality.parse(parts[0]))
            let number = problems.take("buyer", entry, OrganisationNumber.parse(parts[1]))
            if let municipality, let number { buyers[municipality.number] = number }
        }
        try problems.check()
        let url = try OutputPath.check(path, extension: "json", database: context.store.location, force: force)

        let publication = OCDSPublication(prefix: prefix, buyers: buyers, from: from, to: to, today: context.today,
                                          publishedDate: OCDSDate.start(context.today))
        let package = try context.read { reader in try publication.package(in: reader, scope: context.actor.scope) }
        let bytes = try SortedJSONEncoder(style: .pretty).encode(package.package)
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw TunetError.unwritableOutput(path: path, reason: Message("output.error.write_failed", ["reason": .text(error.localizedDescription)]))
        }
        return OCDSExportView(file: url.path, releases: package.package.releases.count, procurements: package.procurements,
                              agreements: package.agreements, callOffs: package.callOffs, heldBack: package.heldBack,
                              heldBackValue: package.heldBackValue)
    }

    /// `ocds-` and six lower-case letters or digits, as the Open Contracting Partnership assigns them.
    static func isPrefix(_ text: String) -> Bool {
        let body = text.utf8.dropFirst(5)
        return text.hasPrefix("ocds-") && body.count == 6 && body.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
    }
}
