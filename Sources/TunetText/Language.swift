import TunetDomain

/// The language a person reads Tunet in: bokmål unless English is asked for.
public enum Language: String, CaseIterable, Sendable {
    case nb
    case en

    public static let standard = Language.nb

    /// `nb`, `no`, `nob` and `bokmål` are bokmål; `en` and `english` English.
    public init?(code: String) {
        switch code.trimmingWhitespace().lowercased() {
        case "nb", "no", "nob", "bokmål", "bokmal", "norsk": self = .nb
        case "en", "eng", "english", "engelsk": self = .en
        default: return nil
        }
    }

    /// The language an option names, else the environment's `TUNET_LANG`, else bokmål. A value that
    /// names no language is refused rather than ignored.
    public static func choose(option: String?, environment: [String: String]) -> Result<Language, UnknownLanguage> {
        if let option {
            guard let language = Language(code: option) else { return .failure(UnknownLanguage(source: "--lang", value: option)) }
            return .success(language)
        }
        if let value = environment["TUNET_LANG"], !value.trimmingWhitespace().isEmpty {
            // A locale such as nb_NO.UTF-8 names its language first.
            guard let language = Language(code: String(value.prefix { $0.isLetter })) else {
                return .failure(UnknownLanguage(source: "TUNET_LANG", value: value))
            }
            return .success(language)
        }
        return .success(.standard)
    }

    /// The first language of an HTTP `Accept-Language` header Tunet has, by the weights given;
    /// bokmål when the header is absent or names none of them (`nn` and `no` read as bokmål).
    public static func accepted(by header: String?) -> Language {
        guard let header else { return .standard }
        var best: (language: Language, weight: Double)?
        for (index, item) in header.split(separator: ",").prefix(32).enumerated() {
            let parts = item.split(separator: ";").map { $0.trimmingWhitespace() }
            guard let tag = parts.first?.lowercased(), !tag.isEmpty else { continue }
            let primary = String(tag.prefix { $0 != "-" && $0 != "_" })
            let language: Language? = ["nb", "no", "nn"].contains(primary) ? .nb : primary == "en" ? .en : nil
            var weight = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                weight = Double(parameter.dropFirst(2)) ?? 0
            }
            guard let language, weight > 0 else { continue }
            // Equal weights keep the order the header gives.
            let ordered = weight - Double(index) * 1e-6
            if best.map({ ordered > $0.weight }) ?? true { best = (language, ordered) }
        }
        return best?.language ?? .standard
    }
}

/// A language option or setting that names no language Tunet has.
public struct UnknownLanguage: Error, Equatable, Sendable {
    public let source: String
    public let value: String

    public init(source: String, value: String) {
        self.source = source
        self.value = value
    }

    public var message: Message { Message("language.unknown", ["source": .text(source), "value": .text(value)]) }
}
