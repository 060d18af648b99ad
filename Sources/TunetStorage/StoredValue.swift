import Foundation
import TunetDomain
import TunetJSON

/// A stored value read back: anything Tunet would not have written is damage, named with its column.
public enum StoredValue {
    public static func date(_ text: String, column: String) throws -> LocalDate {
        guard case .success(let date) = LocalDate.parse(text) else {
            throw TunetError.incompatibleDatabase(Message("files.store.not_a_date", ["column": .text(column), "value": .text(text)]))
        }
        return date
    }

    /// A stored status Tunet does not know is damage, never read as some other status.
    public static func status(_ text: String) throws -> AttendanceStatus {
        guard let status = AttendanceStatus(rawValue: text) else {
            throw TunetError.incompatibleDatabase(Message("files.store.unknown_value", ["column": "attendance.status", "value": .text(text)]))
        }
        return status
    }

    /// A transport setting Tunet does not know is damage: read as another, it would bill other trips.
    public static func transportBilling(_ text: String) throws -> TransportBilling {
        guard let setting = TransportBilling(rawValue: text) else {
            throw TunetError.incompatibleDatabase(Message("files.store.unknown_value", ["column": "agreement.transport_billing", "value": .text(text)]))
        }
        return setting
    }

    /// An agreement's bought places, kept as a JSON array beside its columns.
    public static func boughtPlaces(_ text: String) throws -> [BoughtPlaces] {
        do {
            return try JSONDocumentDecoder().decode([BoughtPlaces].self, from: text)
        } catch {
            throw TunetError.incompatibleDatabase(Message("files.store.unknown_value", ["column": "agreement.bought_places", "value": .text(String(text.prefix(200)))]))
        }
    }

    public static func boughtPlacesText(_ bought: [BoughtPlaces]) throws -> String { try AuditJSON.encode(bought) }

    public static func organisationNumber(_ text: String) throws -> OrganisationNumber {
        guard case .success(let number) = OrganisationNumber.parse(text) else {
            throw TunetError.incompatibleDatabase(Message("files.store.bad_organisation_number", ["value": .text(text)]))
        }
        return number
    }
}
