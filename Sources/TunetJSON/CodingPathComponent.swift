/// A frame's part of a streaming encode's coding path, kept so that opening a frame copies no
/// existential: most frames never have their path asked for.
enum CodingPathComponent {
    case none
    case index(Int)
    /// A member's key, by its type and address: the key lives in the caller that writes the member
    /// for as long as the member's frame is open.
    case borrowedKey(any CodingKey.Type, UnsafeRawPointer)
    /// A nested container's key, which must outlive the call that opened the container.
    case ownedKey(OwnedKey)

    final class OwnedKey {
        let key: any CodingKey
        init(_ key: any CodingKey) { self.key = key }
    }

    var key: (any CodingKey)? {
        switch self {
        case .none: nil
        case .index(let index): IndexKey(index)
        case .borrowedKey(let type, let address): Self.load(type, from: address)
        case .ownedKey(let owned): owned.key
        }
    }

    private static func load<Key: CodingKey>(_ type: Key.Type, from address: UnsafeRawPointer) -> any CodingKey {
        address.assumingMemoryBound(to: Key.self).pointee
    }
}
