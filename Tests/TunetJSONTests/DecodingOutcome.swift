import Foundation
import Testing
@testable import TunetJSON

// Both decoders side by side, for the differential tests.

/// What decoding gave: the value, or the kind of `DecodingError` and where it was found.
enum Outcome<Value: Equatable>: Equatable {
    case value(Value)
    case failure(kind: String, path: [String])
    case notADecodingError(String)

    init(_ body: () throws -> Value) {
        do {
            self = .value(try body())
        } catch let error as DecodingError {
            switch error {
            case .typeMismatch(_, let context): self = .failure(kind: "typeMismatch", path: context.codingPath.map(\.stringValue))
            case .valueNotFound(_, let context): self = .failure(kind: "valueNotFound", path: context.codingPath.map(\.stringValue))
            case .keyNotFound(let key, let context): self = .failure(kind: "keyNotFound", path: (context.codingPath + [key]).map(\.stringValue))
            case .dataCorrupted(let context): self = .failure(kind: "dataCorrupted", path: context.codingPath.map(\.stringValue))
            @unknown default: self = .failure(kind: "unknown", path: [])
            }
        } catch {
            self = .notADecodingError(String(describing: error))
        }
    }

    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}

func foundation<Value: Decodable & Equatable>(_ type: Value.Type, _ bytes: [UInt8]) -> Outcome<Value> {
    Outcome { try JSONDecoder().decode(type, from: Data(bytes)) }
}

func ours<Value: Decodable & Equatable>(_ type: Value.Type, _ bytes: [UInt8]) -> Outcome<Value> {
    Outcome { try JSONDocumentDecoder().decode(type, from: bytes) }
}

/// Both decoders give the same value, or the same kind of error at the same place.
@discardableResult
func expectSame<Value: Decodable & Equatable>(_ type: Value.Type, _ json: String, sourceLocation: SourceLocation = #_sourceLocation) -> Outcome<Value> {
    let theirs = foundation(type, Array(json.utf8))
    #expect(ours(type, Array(json.utf8)) == theirs, "\(json)", sourceLocation: sourceLocation)
    #expect(Outcome { try JSONDocumentDecoder().decode(type, from: json) } == theirs, "\(json) as a String", sourceLocation: sourceLocation)
    return theirs
}

/// Both decoders refuse the document, each with a `DecodingError`.
func expectRefused<Value: Decodable & Equatable>(_ type: Value.Type, _ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(foundation(type, bytes).isFailure, "Foundation accepted \(text)", sourceLocation: sourceLocation)
    #expect(ours(type, bytes).isFailure, "accepted \(text)", sourceLocation: sourceLocation)
}


/// Any JSON value, so that a document is refused for its syntax only, never for its shape.
indirect enum AnyJSON: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([AnyJSON])
    case object([String: AnyJSON])

    init(from decoder: Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let bool = try? single.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? single.decode(Double.self) {
            self = .number(number)
        } else if let string = try? single.decode(String.self) {
            self = .string(string)
        } else if let array = try? single.decode([AnyJSON].self) {
            self = .array(array)
        } else {
            self = .object(try single.decode([String: AnyJSON].self))
        }
    }
}
