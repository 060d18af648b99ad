import TunetDomain
import TunetText

/// Messages as an English reader sees them: what these tests compare with.
extension Message {
    public var english: String { Texts(.en).render(self) }
}

extension FieldReason {
    public var english: String { message.english }
}

extension TunetError {
    public var english: String { message.english }
}

extension FieldNames {
    /// Fields as the command line names its options (`override_ceiling` is `--override-ceiling`), to read a
    /// message as the command line shows it.
    public static let options = FieldNames { "--" + String($0.map { $0 == "_" ? "-" : $0 }) }
}
