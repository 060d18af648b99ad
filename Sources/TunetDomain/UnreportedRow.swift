extension AttendanceRow {
    /// A row the farm left as the template wrote it: no status and nothing else a farm fills in (hours,
    /// trips, extra day), whatever its identity columns (farm, participant, date) say. Such a row does
    /// not report the day: the day stays missing, as if the row were not in the file, and the rest of
    /// the file is imported as a partial report.
    public var isLeftUnreported: Bool {
        Self.isEmpty(status) && filledFieldsBesidesStatus.isEmpty
    }

    /// The fields a farm fills in, besides the status, that this row has (by their column names):
    /// with any of them and no status the row is an error, not a day left unreported.
    public var filledFieldsBesidesStatus: [String] {
        var filled: [String] = []
        if !Self.isEmpty(hours) { filled.append("hours") }
        if !Self.isEmpty(transportTrips) { filled.append("transport_trips") }
        if !Self.isEmpty(extraDay) { filled.append("extra_day") }
        return filled
    }

    /// Checked for every row of a national file: a filled status answers at its first character.
    private static func isEmpty(_ text: String?) -> Bool {
        guard let text else { return true }
        // A first byte that is ASCII and no space starts a character that is none either: no need to
        // break the text into characters.
        if let first = text.utf8.first, first < 0x80, !String.isASCIIWhitespace(first) { return false }
        return text.allSatisfy(\.isWhitespace)
    }
}
