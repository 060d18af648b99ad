/// Free text that people type: names, addresses, reasons.
public enum FreeText {
    /// Control characters are refused: they hide text in terminals and break files that are exported.
    public static func check(_ text: String, maximumLength: Int) -> FieldReason? {
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return FieldReason(.verbatim("contains a control character (a tab, line break or similar); write it on one line"))
        }
        if text.count > maximumLength {
            return FieldReason(.verbatim("is \(text.count) characters long; at most \(maximumLength) are allowed"))
        }
        return nil
    }
}

extension FreeText {
    /// A required reason (for a suspension, cancellation, termination): non-empty, one line, at most `maximumLength`.
    public static func requiredReason(_ text: String, for what: String, maximumLength: Int = 1000) throws(TunetError) -> String {
        let reason = text.trimmingWhitespace()
        if reason.isEmpty { throw .invalid("reason", nil, .verbatim("a reason for \(what) is required")) }
        if let problem = check(reason, maximumLength: maximumLength) { throw .invalid("reason", reason, problem.message) }
        return reason
    }
}

public enum ContactDetails {
    public static func checkEmail(_ text: String) -> FieldReason? {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), !text.contains(where: { $0.isWhitespace }), text.count <= 254 else {
            return FieldReason(.verbatim("'\(text)' is not an e-mail address (like post@liagard.no)"))
        }
        return nil
    }

    /// Norwegian numbers have 8 digits; with a country code (+47 or 0047) up to 15.
    public static func checkPhone(_ text: String) -> FieldReason? {
        let allowed = text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == " " || $0 == "+" || $0 == "-") }
        let digits = text.filter(\.isNumber).count
        guard allowed, (8...15).contains(digits), !text.dropFirst().contains("+") else {
            return FieldReason(.verbatim("'\(text)' is not a phone number; write 8 digits, optionally with a country code (+47 912 34 567)"))
        }
        return nil
    }
}

public enum FarmIdentifiers {
    /// The Norwegian Agriculture Agency's producer number (produsentnummer): digits only.
    public static func checkProducerNumber(_ text: String) -> FieldReason? {
        guard text.count <= 12, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return FieldReason(.verbatim("'\(text)' is not a producer number; it has digits only (at most 12)"))
        }
        return nil
    }

    /// Gårds- og bruksnummer: `gnr/bnr`, optionally `/fnr` and `/snr` (for example `12/3` or `12/3/0/1`).
    public static func checkFarmNumber(_ text: String) -> FieldReason? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (2...4).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return FieldReason(.verbatim("'\(text)' is not a farm and holding number; write gnr/bnr, for example 12/3"))
        }
        return nil
    }
}
