import Dispatch
import Synchronization

extension SideBySide {
    /// Does `beside` on another thread while `here` runs on the calling thread (work that must stay on it,
    /// such as a database connection's), and gives both results once both have ended: what doing the one
    /// and then the other gives, an error of `here` before one of `beside`.
    public static func pair<Beside: Sendable, Here>(beside: @escaping @Sendable () throws -> Beside,
                                                    here: () throws -> Here) throws -> (beside: Beside, here: Here) {
        let outcome = Mutex<Result<Beside, any Error>?>(nil)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            let result = Result { try beside() }
            outcome.withLock { $0 = result }
        }
        let hereResult = Result { try here() }
        group.wait()
        let besideResult = outcome.withLock { $0 }!
        let fromHere = try hereResult.get()
        return (try besideResult.get(), fromHere)
    }
}
