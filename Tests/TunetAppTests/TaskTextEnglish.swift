import TunetApp
import TunetDomain
import TunetText

/// A task's title or history note as an English reader sees it; bokmål as a Norwegian reader does.
extension RecordedText {
    var english: String { Texts(.en).render(self) }
    var bokmal: String { Texts(.nb).render(self) }
}
