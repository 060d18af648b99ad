/// Bytes as lower-case hexadecimal, two digits each: how content hashes and tokens are written.
/// `String(format: "%02x")` for each byte went through Foundation's formatter 32 times per upload.
extension Sequence<UInt8> {
    var hexDigits: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
