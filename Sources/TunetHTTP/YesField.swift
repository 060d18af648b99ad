import Foundation

/// A yes-or-no field of a request: `?again=true` on an upload (a ticked box on the page), `?names=ja`,
/// `?closed=1`. Anything but a yes, or no value at all, is no.
enum YesField {
    static func chosen(_ value: String?) -> Bool {
        guard let value else { return false }
        return ["true", "yes", "ja", "on", "1"].contains(value.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
