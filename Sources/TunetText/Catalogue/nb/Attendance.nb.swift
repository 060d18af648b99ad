extension Catalogue {
    /// Bokmål: attendance files, the template, the error workbook, reconciliation and the invoice basis.
    static let nbAttendance: [String: String] = [:]
}
