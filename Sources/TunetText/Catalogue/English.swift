extension Catalogue {
    /// English, on request (`--lang en`, `TUNET_LANG=en`, `Accept-Language: en`).
    static let en: [String: String] = [
        "language.unknown": "{source}: '{value}' is not a language Tunet has; use nb (Norwegian bokmål) or en (English)",
    ]
}
