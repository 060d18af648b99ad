extension KeyedDecodingContainer {
    /// A value stored today as `Current` or, by an older Tunet, as `Old`. Today's form is tried first:
    /// reading today's data then never makes and throws away an error, which cost a third of decoding
    /// a placement (BENCHMARKS.md). When neither form is there, today's form's error is the one told.
    func decode<Current: Decodable, Old: Decodable>(_ current: Current.Type, orOlder old: Old.Type, forKey key: Key,
                                                    _ upgrade: (Old) -> Current) throws -> Current {
        do {
            return try decode(current, forKey: key)
        } catch {
            guard let older = try? decode(old, forKey: key) else { throw error }
            return upgrade(older)
        }
    }
}
