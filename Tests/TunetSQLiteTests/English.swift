import TunetDomain
import TunetText

/// Messages as an English reader sees them: what these tests compare with.
extension Message {
    var english: String { Texts(.en).render(self) }
}

extension FieldReason {
    var english: String { message.english }
}

extension TunetError {
    var english: String { message.english }
}
