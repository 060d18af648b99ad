/// Why one value is not acceptable, in plain words, without naming the field
/// (the caller knows which field it asked about).
public struct FieldReason: Error, Equatable, Sendable {
    public let text: String
    public init(_ text: String) { self.text = text }
}

/// One thing wrong with the input: where (row of a file, field or column), what was given and why it is refused.
public struct FieldProblem: Equatable, Sendable, Codable {
    /// The row number as a spreadsheet shows it (the header is row 1), or nil outside files.
    public var row: Int?
    public var field: String
    public var value: String?
    public var reason: String

    public init(row: Int? = nil, field: String, value: String? = nil, reason: String) {
        self.row = row
        self.field = field
        self.value = value
        self.reason = reason
    }

    public var message: String {
        let place = row.map { "row \($0), \(field)" } ?? field
        return "\(place): \(reason)"
    }
}

/// Every failure a user can meet, with a message written for that user.
/// Front ends map `category` to exit codes (CLI) or HTTP statuses (service).
public enum TunetError: Error, Equatable, Sendable {
    /// The input broke a rule; nothing was changed.
    case invalidInput([FieldProblem])
    /// Something named does not exist ("provider", "987654325").
    case notFound(kind: String, key: String)
    /// A read was asked of a database file that does not exist.
    case missingDatabase(path: String)
    /// The request contradicts what is stored (a duplicate, a transition the state does not allow).
    case conflict(String)
    /// A file could not be opened or read.
    case unreadableFile(path: String, reason: String)
    /// An output could not be written.
    case unwritableOutput(path: String, reason: String)
    /// The database was written by a newer Tunet, or is damaged.
    case incompatibleDatabase(String)
    /// Another writer holds the database longer than we wait.
    case busy(String)
    /// No valid credentials (a missing, unknown, revoked or expired token).
    case unauthorized(String)
    /// Valid credentials that do not allow this.
    case forbidden(String)
    /// A fault in Tunet itself; the message helps a developer.
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
        if case .invalidInput(let problems) = self { return problems }
        return []
    }

    public var message: String {
        switch self {
        case .invalidInput(let problems):
            if problems.count == 1 { return problems[0].message }
            return "\(problems.count) problems in the input; nothing was changed:\n"
                + problems.map { "  - " + $0.message }.joined(separator: "\n")
        case .notFound(let kind, let key): return "No \(kind) '\(key)' is registered."
        case .missingDatabase(let path):
            return "There is no Tunet database at '\(path)'. Create one with `tunet demo` or by adding data "
                + "(`tunet provider add`), or point --database or TUNET_DATABASE at an existing file."
        case .conflict(let text): return text
        case .unreadableFile(let path, let reason): return "Cannot read '\(path)': \(reason)"
        case .unwritableOutput(let path, let reason): return "Cannot write '\(path)': \(reason)"
        case .incompatibleDatabase(let text): return text
        case .busy(let text): return text
        case .unauthorized(let text): return text
        case .forbidden(let text): return text
        case .internalFault(let text): return "Internal error in Tunet (please report it): \(text)"
        }
    }

    /// One field is wrong.
    public static func invalid(_ field: String, _ value: String?, _ reason: String) -> TunetError {
        .invalidInput([FieldProblem(field: field, value: value, reason: reason)])
    }
}

extension TunetError: CustomStringConvertible {
    public var description: String { message }
}

/// Collects the problems of a form so that the user sees all of them at once, not one per attempt.
public struct ProblemCollector: Sendable {
    public private(set) var problems: [FieldProblem] = []
    public let row: Int?

    public init(row: Int? = nil) { self.row = row }

    public var isEmpty: Bool { problems.isEmpty }

    public mutating func add(_ field: String, _ value: String?, _ reason: String) {
        problems.append(FieldProblem(row: row, field: field, value: value, reason: reason))
    }

    public mutating func add(_ problem: FieldProblem) { problems.append(problem) }

    /// Adds the problems of a check that failed, so that they are reported with the others.
    public mutating func absorb(_ error: TunetError) {
        problems.append(contentsOf: error.problems.isEmpty ? [FieldProblem(row: row, field: "input", reason: error.message)] : error.problems)
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
            add(field, value, reason.text)
            return nil
        }
    }

    public func check() throws(TunetError) {
        if !problems.isEmpty { throw .invalidInput(problems) }
    }
}
