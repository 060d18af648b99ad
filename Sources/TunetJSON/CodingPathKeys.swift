/// The key of a super encoder's value, as Foundation names it.
enum SuperKey: String, CodingKey { case `super` }

/// The key of an array element in a coding path, as Foundation names it.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}
