import NIOCore
import PostgresNIO
import TunetDomain

/// A calendar day is PostgreSQL's `date`: bound and read as days, never as a moment in some time zone.
extension LocalDate: PostgresNonThrowingEncodable, PostgresDecodable {
    /// PostgreSQL counts days from 2000-01-01, Tunet from 1970-01-01.
    private static let postgresEpoch = 10_957

    public static var psqlType: PostgresDataType { .date }
    public static var psqlFormat: PostgresFormat { .binary }

    public func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeInteger(Int32(dayNumber - Self.postgresEpoch))
    }

    public init<JSONDecoder: PostgresJSONDecoder>(from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
                                                  context: PostgresDecodingContext<JSONDecoder>) throws {
        guard type == .date, format == .binary, buffer.readableBytes == 4, let days = buffer.readInteger(as: Int32.self),
              days != Int32.max, days != Int32.min else {
            // PostgreSQL's infinity has no calendar day: damage, not a date.
            throw PostgresDecodingError.Code.typeMismatch
        }
        self.init(dayNumber: Int(days) + Self.postgresEpoch)
    }
}

/// The cells of one row, read by position, each failure named as damage in the database.
struct Cells {
    private let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    /// The value in column `index`; a NULL where a value belongs, or a value of another type, is damage.
    func callAsFunction<Value: PostgresDecodable>(_ index: Int, as type: Value.Type = Value.self) throws(TunetError) -> Value {
        let cell = row[index]
        do {
            return try cell.decode(Value.self, context: .default)
        } catch {
            throw TunetError.incompatibleDatabase(Message("files.store.unknown_value", [
                "column": .text(cell.columnName), "value": .text(cell.bytes == nil ? "NULL" : "(\(cell.dataType))")]))
        }
    }

    var count: Int { row.count }
}

extension PostgresRow {
    var cells: Cells { Cells(self) }
}
