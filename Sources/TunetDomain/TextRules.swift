/// Free text that people type: names, addresses, reasons.
public enum FreeText {
    /// Control characters are refused: they hide text in terminals and break files that are exported.
    public static func check(_ text: String, maximumLength: Int) -> FieldReason? {
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return FieldReason(Message("rules.text.control_character"))
        }
        if text.count > maximumLength {
            return FieldReason("rules.text.too_long", ["length": .integer(text.count), "maximum": .integer(maximumLength)])
        }
        return nil
    }
}

extension FreeText {
    /// What a required reason is given for.
    public enum Decision: String, Sendable {
        case cancellation, suspension, termination

        /// "a reason for the cancellation is required".
        var missing: Message {
            switch self {
            case .cancellation: Message("rules.reason.required.cancellation")
            case .suspension: Message("rules.reason.required.suspension")
            case .termination: Message("rules.reason.required.termination")
            }
        }
    }

    /// A required reason (for a suspension, cancellation, termination): non-empty, one line, at most `maximumLength`.
    public static func requiredReason(_ text: String, for decision: Decision, maximumLength: Int = 1000) throws(TunetError) -> String {
        let reason = text.trimmingWhitespace()
        if reason.isEmpty { throw .invalid("reason", nil, decision.missing) }
        if let problem = check(reason, maximumLength: maximumLength) { throw .invalid("reason", reason, problem.message) }
        return reason
    }
}

public enum ContactDetails {
    public static func checkEmail(_ text: String) -> FieldReason? {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), !text.contains(where: { $0.isWhitespace }), text.count <= 254 else {
            return FieldReason("rules.email.invalid", ["text": .text(text)])
        }
        return nil
    }

    /// Norwegian numbers have 8 digits; with a country code (+47 or 0047) up to 15.
    public static func checkPhone(_ text: String) -> FieldReason? {
        let allowed = text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == " " || $0 == "+" || $0 == "-") }
        let digits = text.filter(\.isNumber).count
        guard allowed, (8...15).contains(digits), !text.dropFirst().contains("+") else {
            return FieldReason("rules.phone.invalid", ["text": .text(text)])
        }
        return nil
    }
}

public enum FarmIdentifiers {
    /// The Norwegian Agriculture Agency's producer number (produsentnummer): digits only.
    public static func checkProducerNumber(_ text: String) -> FieldReason? {
        guard text.count <= 12, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return FieldReason("rules.producer_number.invalid", ["text": .text(text)])
        }
        return nil
    }

    /// Gårds- og bruksnummer: `gnr/bnr`, optionally `/fnr` and `/snr` (for example `12/3` or `12/3/0/1`).
    public static func checkFarmNumber(_ text: String) -> FieldReason? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (2...4).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return FieldReason("rules.farm_number.invalid", ["text": .text(text)])
        }
        return nil
    }
}
