/// Which reported trips the farm may bill, as the agreement says (ReportedDayPricing applies it).
public enum TransportBilling: String, CaseIterable, Sendable, Codable {
    /// Trips only on a day the absence rule lets the farm bill: never on a day the farm cancelled, and
    /// on an absence only when the agreement bills that absence. The default.
    case billableDays = "billable_days"
    /// Every trip as reported, whatever the day's status: for agreements where the transport is bought
    /// on its own and drove anyway.
    case asReported = "as_reported"

    public init?(name: String) {
        switch name.trimmingWhitespace().lowercased().replacingDashes() {
        case "billable_days", "billable", "fakturerbare_dager", "fakturerbare": self = .billableDays
        case "as_reported", "reported", "som_rapportert", "rapportert": self = .asReported
        default: return nil
        }
    }
}
