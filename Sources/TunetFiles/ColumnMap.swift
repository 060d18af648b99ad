import TunetDomain

/// Matches a file's header row to the fields a format knows, accepting Norwegian and English names
/// in any case, with spaces, hyphens or underscores, and æøå written or not.
public struct ColumnMap<Field: Hashable & Sendable>: Sendable {
    public let indexes: [Field: Int]

    /// - Parameters:
    ///   - header: the first record of the file.
    ///   - names: every accepted spelling for each field.
    ///   - required: fields the file must have.
    public init(header: TableRow, names: [Field: [String]], required: [Field], fieldName: (Field) -> String) throws(TunetError) {
        var lookup: [String: Field] = [:]
        for (field, spellings) in names {
            for spelling in spellings { lookup[ColumnMap.normalise(spelling)] = field }
        }
        var indexes: [Field: Int] = [:]
        var problems = ProblemCollector(row: header.row)
        for (index, raw) in header.fields.enumerated() {
            let title = raw.trimmingWhitespace()
            if title.isEmpty { continue }
            guard let field = lookup[ColumnMap.normalise(title)] else {
                problems.add(FieldProblem.column(index + 1), title,
                             Message("files.columns.unknown", ["title": .text(title), "required": .text(required.map(fieldName).joined(separator: ", "))]))
                continue
            }
            if let earlier = indexes[field] {
                problems.add(FieldProblem.column(index + 1), title,
                             Message("files.columns.repeated", ["title": .text(title), "column": .integer(earlier + 1), "field": .text(fieldName(field))]))
                continue
            }
            indexes[field] = index
        }
        for field in required where indexes[field] == nil {
            problems.add(fieldName(field), nil, Message("files.columns.missing", ["field": .text(fieldName(field))]))
        }
        try problems.check()
        self.indexes = indexes
    }

    public func contains(_ field: Field) -> Bool { indexes[field] != nil }

    /// The field's text in a record, nil when the file has no such column.
    public func value(_ field: Field, in record: TableRow) -> String? {
        indexes[field].map { record[$0] }
    }

    public static func normalise(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            switch character {
            case "æ": result += "ae"
            case "ø", "ö": result += "o"
            case "å", "ä": result += "a"
            case " ", "_", "-", ".", "/", "(", ")": continue
            default: result.append(character)
            }
        }
        return result
    }
}
