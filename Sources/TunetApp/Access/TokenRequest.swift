import Foundation
import TunetDomain

/// A token as the person issuing it typed it (`tunet token issue`): whose it is and what it may see.
public struct TokenRequest: Sendable {
    /// `provider` (the default with `provider`), `leader` (the default with `pilot`), `work-team` or `national`.
    public var role: String?
    /// The farm a provider's token belongs to.
    public var provider: String?
    /// The municipalities a leader's or a work team's token sees, by number.
    public var municipalities: [String] = []
    /// The pilot, by number or name, whose municipalities a county project leader's token sees.
    public var pilot: String?
    /// A leader's or a work team's token for the whole service (one municipality's own server, say).
    public var everyMunicipality = false
    /// The last day it is valid; a year from today without one.
    public var expires: String?
    public var label: String?

    public init(role: String? = nil, provider: String? = nil, municipalities: [String] = [], pilot: String? = nil,
                everyMunicipality: Bool = false, expires: String? = nil, label: String? = nil) {
        self.role = role
        self.provider = provider
        self.municipalities = municipalities
        self.pilot = pilot
        self.everyMunicipality = everyMunicipality
        self.expires = expires
        self.label = label
    }

    /// The role typed, `work-team` and `work_team` alike; without one, a farm's token, or a leader's for a pilot.
    func chosenRole(_ problems: inout ProblemCollector) -> TokenRole? {
        guard let role else { return pilot != nil ? .leader : .provider }
        guard let parsed = TokenRole(rawValue: role.lowercased().replacingOccurrences(of: "-", with: "_")) else {
            problems.add("role", role, Message("token.error.role"))
            return nil
        }
        return parsed
    }

    /// What the token sees, checked against its role: a farm and a national reader name no municipality;
    /// a leader or a work team names municipalities, a pilot (leaders only) or the whole service — one of them.
    func scope(for role: TokenRole, _ problems: inout ProblemCollector) -> MunicipalityScope? {
        let numbers = municipalities.flatMap { $0.split(separator: ",") }.map(String.init)
        var chosen: Set<String> = []
        for number in numbers {
            if let municipality = problems.take("municipality", number, Municipality.parse(number)) { chosen.insert(municipality.number) }
        }
        let named = [!numbers.isEmpty, pilot != nil, everyMunicipality].filter { $0 }.count
        guard role.isMunicipal else {
            if named > 0 {
                problems.add(numbers.isEmpty ? (pilot != nil ? "pilot" : "every-municipality") : "municipality", numbers.first ?? pilot,
                             Message("token.error.scope_not_for_role", ["role": role.labelValue]))
            }
            return nil
        }
        if named != 1 {
            problems.add("municipality", numbers.first, Message(named == 0 ? "token.error.scope_missing" : "token.error.scope_twice",
                                                              fields: ["municipality", "pilot", "every-municipality"]))
            return nil
        }
        if pilot != nil && role != .leader {
            problems.add("pilot", pilot, Message("token.error.pilot_for_leaders", fields: ["role"]))
        }
        if everyMunicipality { return .every }
        return numbers.isEmpty ? nil : .only(chosen)
    }
}
