/// Why one value is not acceptable, in plain words, without naming the field
/// (the caller knows which field it asked about).
public struct FieldReason: Error, Equatable, Sendable {
    public let message: Message
    public init(_ message: Message) { self.message = message }
    public init(_ key: String, _ arguments: [String: MessageValue]) { message = Message(key, arguments) }
}

/// One thing wrong with the input: where (row of a file, field or column), what was given and why it is refused.
public struct FieldProblem: Equatable, Sendable {
    /// The row number as a spreadsheet shows it (the header is row 1), or nil outside files.
    public var row: Int?
    /// The field, option or column as the user wrote it (a code, not translated).
    public var field: String
    public var value: String?
    public var reason: Message

    public init(row: Int? = nil, field: String, value: String? = nil, reason: Message) {
        self.row = row
        self.field = field
        self.value = value
        self.reason = reason
    }

    /// "row 3, date: …" or "date: …".
    public var message: Message {
        if let row { return Message("problem.row_field", ["row": .integer(row), "field": fieldValue, "reason": .message(reason)]) }
        return Message("problem.field", ["field": fieldValue, "reason": .message(reason)])
    }

    /// A column a file has no name for: `column 4` in `field` (what programs read), "kolonne 4" for people.
    public static func column(_ number: Int) -> String { "column \(number)" }

    /// The columns of the files people fill in (the attendance file, the farm register, the school calendar),
    /// which a person reads by their names in the reader's language: row 3's `date` is "dato" in bokmål.
    /// A field of a command keeps its code, as the person typed it.
    public static let fileColumns: Set<String> = [
        "organisation_number", "participant", "date", "status", "hours", "transport_trips", "extra_day",
        "name", "contact_person", "email", "phone", "address", "municipality_number", "producer_number", "farm_number", "target_groups",
        "places_per_day", "open_weekdays", "ipt_approval_date", "next_external_audit_date", "police_certificate_date", "insurance_expiry",
        "non_profit_basis", "from", "to",
    ]

    /// The field as a person reads it: in a file, a column by its name in the reader's language, or by its
    /// number when it has no heading; a command's field by its code as typed.
    public var fieldValue: MessageValue { Self.fieldValue(field, inFile: row != nil) }

    /// A field as a person reads it, in a file's row or in a command.
    public static func fieldValue(_ field: String, inFile: Bool) -> MessageValue {
        if field.hasPrefix("column "), let number = Int(field.dropFirst("column ".count)) {
            return .message(Message("files.column", ["number": .integer(number)]))
        }
        if inFile && fileColumns.contains(field) { return .message(Message("files.field.\(field)")) }
        return .text(field)
    }
}

/// Every failure a user can meet, with a message written for that user.
/// Front ends map `category` to exit codes (CLI) or HTTP statuses (service), and render the message
/// in the reader's language.
public enum TunetError: Error, Equatable, Sendable {
    /// The input broke a rule; nothing was changed. Past `ProblemLimit` the problems are only counted.
    case invalidInput([FieldProblem], notShown: ProblemsNotShown = ProblemsNotShown())
    /// Something named does not exist: its kind as a code ("provider") and the key given ("987654325").
    case notFound(kind: String, key: String)
    /// A read was asked of a database file that does not exist.
    case missingDatabase(path: String)
    /// The request contradicts what is stored (a duplicate, a transition the state does not allow).
    case conflict(Message)
    /// A file could not be opened or read.
    case unreadableFile(path: String, reason: Message)
    /// An output could not be written.
    case unwritableOutput(path: String, reason: Message)
    /// The database was written by a newer Tunet, or is damaged.
    case incompatibleDatabase(Message)
    /// Another writer holds the database longer than we wait.
    case busy(Message)
    /// No valid credentials (a missing, unknown, revoked or expired token).
    case unauthorized(Message)
    /// Valid credentials that do not allow this.
    case forbidden(Message)
    /// A fault in Tunet itself; the text helps a developer and is shown as it is.
    case internalFault(String)

    public enum Category: String, Sendable {
        case invalidInput, notFound, conflict, unreadableInput, unwritableOutput, incompatibleDatabase, busy, unauthorized, forbidden, internalFault
    }

    public var category: Category {
        switch self {
        case .invalidInput: .invalidInput
        case .notFound, .missingDatabase: .notFound
        case .conflict: .conflict
        case .unreadableFile: .unreadableInput
        case .unwritableOutput: .unwritableOutput
        case .incompatibleDatabase: .incompatibleDatabase
        case .busy: .busy
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .internalFault: .internalFault
        }
    }

    public var problems: [FieldProblem] {
        if case .invalidInput(let problems, _) = self { return problems }
        return []
    }

    /// How many problems beyond those listed there were, by field.
    public var problemsNotShown: ProblemsNotShown {
        if case .invalidInput(_, let notShown) = self { return notShown }
        return ProblemsNotShown()
    }

    public var message: Message {
        switch self {
        case .invalidInput(let problems, let notShown):
            if problems.count == 1 && notShown.isEmpty { return problems[0].message }
            let lines = problems.map { MessageValue.message($0.message) } + (notShown.isEmpty ? [] : [.message(notShown.message)])
            return Message("error.problems", ["count": .integer(problems.count + notShown.total), "problems": .lines(lines)])
        case .notFound(let kind, let key): return Message("error.not_found", ["kind": .label("entity.\(kind)"), "key": .text(key)])
        case .missingDatabase(let path): return Message("error.missing_database", ["path": .text(path)], fields: ["database"])
        case .conflict(let message): return message
        case .unreadableFile(let path, let reason): return Message("error.unreadable_file", ["path": .text(path), "reason": .message(reason)])
        case .unwritableOutput(let path, let reason): return Message("error.unwritable_output", ["path": .text(path), "reason": .message(reason)])
        case .incompatibleDatabase(let message): return message
        case .busy(let message): return message
        case .unauthorized(let message): return message
        case .forbidden(let message): return message
        case .internalFault(let text): return Message("error.internal", ["text": .text(text)])
        }
    }

    /// One field is wrong.
    public static func invalid(_ field: String, _ value: String?, _ reason: Message) -> TunetError {
        .invalidInput([FieldProblem(field: field, value: value, reason: reason)])
    }
}

extension TunetError: CustomStringConvertible {
    /// For logs and test failures: the message's key and values, in no language.
    public var description: String { "\(category.rawValue): \(message)" }
}

/// Collects the problems of a form or a file so that the user sees all of them at once, not one per
/// attempt: the first `limit` in full, the rest counted by field (`ProblemLimit`).
public struct ProblemCollector: Sendable {
    public private(set) var problems: [FieldProblem] = []
    public private(set) var notShown = ProblemsNotShown()
    public let row: Int?
    public let limit: Int

    public init(row: Int? = nil, limit: Int = ProblemLimit.standard) {
        self.row = row
        self.limit = max(limit, 1)
    }

    public var isEmpty: Bool { problems.isEmpty && notShown.isEmpty }

    /// True once further problems are only counted: a caller may then skip building their texts.
    public var isFull: Bool { problems.count >= limit }

    public mutating func add(_ field: String, _ value: String?, _ reason: Message) {
        add(FieldProblem(row: row, field: field, value: value, reason: reason))
    }

    public mutating func add(_ problem: FieldProblem) {
        if problems.count < limit { problems.append(problem) } else { notShown.count(problem) }
    }

    public mutating func add(contentsOf problems: [FieldProblem]) {
        for problem in problems { add(problem) }
    }

    /// Adds the problems of a check that failed, so that they are reported with the others.
    public mutating func absorb(_ error: TunetError) {
        add(contentsOf: error.problems.isEmpty ? [FieldProblem(row: row, field: "input", reason: error.message)] : error.problems)
        // Problems the check itself only counted stay counted: their texts were never made.
        notShown.add(error.problemsNotShown)
    }

    /// Parses a date, recording why it is not one.
    public mutating func date(_ field: String, _ text: String) -> LocalDate? {
        switch LocalDate.parse(text) {
        case .success(let date): return date
        case .failure(let problem):
            add(field, text, problem.reason)
            return nil
        }
    }

    /// Records the failure, if any, and returns the parsed value otherwise.
    public mutating func take<T>(_ field: String, _ value: String, _ result: Result<T, FieldReason>) -> T? {
        switch result {
        case .success(let parsed): return parsed
        case .failure(let reason):
            add(field, value, reason.message)
            return nil
        }
    }

    public func check() throws(TunetError) {
        if !isEmpty { throw .invalidInput(problems, notShown: notShown) }
    }

    /// The problems as an error, nil when there are none.
    public var error: TunetError? { isEmpty ? nil : .invalidInput(problems, notShown: notShown) }
}
