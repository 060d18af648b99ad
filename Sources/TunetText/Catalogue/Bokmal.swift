extension Catalogue {
    /// Bokmål: the language Tunet speaks unless asked otherwise.
    static let nb: [String: String] = [
        "language.unknown": "{source}: '{value}' er ikke et språk Tunet har; bruk nb (bokmål) eller en (engelsk)",
    ]
}
