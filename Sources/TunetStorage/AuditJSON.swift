import TunetJSON

/// Audit snapshots use sorted keys so that two snapshots of the same state are the same text.
public enum AuditJSON {
    public static func encode<Value: Encodable>(_ value: Value) throws -> String {
        try SortedJSONEncoder().encodeToString(value)
    }
}
