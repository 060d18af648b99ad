/// A secret no one can guess: bytes from the system's cryptographic generator, as hexadecimal.
public enum RandomSecret {
    public static func hex(bytes count: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }.hexDigits
    }
}
