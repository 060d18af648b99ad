extension Catalogue {
    /// English: attendance files, the template, the error workbook, reconciliation and the invoice basis.
    static let enAttendance: [String: String] = [:]
}
