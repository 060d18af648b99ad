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
