import Foundation

/// The upload's `again` field (`?again=true` on `/v1/attendance`, a ticked box on the page): import a
/// file sent before as a new submission, as `tunet attendance import FILE --again` does.
enum AgainField {
    static func chosen(_ value: String?) -> Bool {
        guard let value else { return false }
        return ["true", "yes", "ja", "on", "1"].contains(value.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
