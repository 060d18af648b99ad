public enum TunetVersion {
    /// Printed by `tunet --version`, on every export's front sheet and in refusals of newer databases.
    public static let current = "0.1.0"
}
