import Foundation
import TunetDomain
import TunetJSON

/// Exit codes follow BSD sysexits, so scripts can tell a wrong input from a busy database.
enum ExitStatus {
    static func code(for error: TunetError) -> Int32 {
        switch error.category {
        case .invalidInput, .conflict: 65
        case .notFound, .unreadableInput: 66
        case .unwritableOutput: 73
        case .incompatibleDatabase: 74
        case .busy: 75
        case .unauthorized, .forbidden: 77
        case .internalFault: 70
        }
    }
}

enum ErrorReport {
    static func write(_ error: TunetError, asJSON: Bool) {
        if asJSON {
            struct Document: Encodable {
                let error: String
                let message: String
                let problems: [FieldProblem]
            }
            let document = Document(error: error.category.rawValue, message: error.message, problems: error.problems)
            if let text = try? SortedJSONEncoder(style: .pretty).encodeToString(document) {
                Console.error(text)
                return
            }
        }
        Console.error("error: " + error.message)
    }
}

enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func out(_ text: String) {
        print(text)
    }
}
