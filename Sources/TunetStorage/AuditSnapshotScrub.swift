import Foundation
import TunetDomain

/// Erasure reaches the audit log's earlier snapshots in every store the same way.
public enum AuditSnapshotScrub {
    /// Replaces the typed text of `fields` in a JSON snapshot, wherever they are nested, a list of texts
    /// text by text; a sentence Tunet wrote (an object, not a string) stays.
    public static func scrub(_ json: String, fields: Set<String> = PersonalDataPolicy.freeTextFields) -> String {
        guard let data = json.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) else { return json }
        func walk(_ value: Any) -> Any {
            if let dictionary = value as? [String: Any] {
                var copy: [String: Any] = [:]
                for (key, item) in dictionary {
                    if fields.contains(key), let texts = item as? [String] {
                        copy[key] = texts.map { _ in PersonalDataPolicy.erased }
                    } else {
                        copy[key] = fields.contains(key) && item is String ? PersonalDataPolicy.erased : walk(item)
                    }
                }
                return copy
            }
            if let array = value as? [Any] { return array.map(walk) }
            return value
        }
        guard let output = try? JSONSerialization.data(withJSONObject: walk(object), options: [.sortedKeys, .withoutEscapingSlashes]) else { return json }
        return String(decoding: output, as: UTF8.self)
    }
}
