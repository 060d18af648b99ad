#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes being written, in memory of their own: a write is a capacity check and a copy, where each
/// `Array` append also checks that its storage is not shared, and copying a slice retains it.
struct JSONOutput: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
        guard let memory = malloc(capacity) else { fatalError("out of memory for \(capacity) bytes of JSON") }
        start = memory.bindMemory(to: UInt8.self, capacity: capacity)
    }

    deinit {
        free(start)
    }

    func makeArray() -> [UInt8] {
        Array(UnsafeBufferPointer(start: start, count: count))
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toHold: count + extra) }
    }

    /// Grown in place where the allocator can (`realloc`): a large document's memory is then moved by
    /// its page tables instead of copied into new pages at each doubling.
    private mutating func grow(toHold needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        guard let grown = realloc(start, newCapacity) else { fatalError("out of memory for \(newCapacity) bytes of JSON") }
        start = grown.bindMemory(to: UInt8.self, capacity: newCapacity)
        capacity = newCapacity
    }

    mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count)
        (start + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(repeating byte: UInt8, count repeats: Int) {
        reserve(repeats)
        (start + count).update(repeating: byte, count: repeats)
        count += repeats
    }

    /// Appends the bytes `range` of `other`.
    mutating func append(_ range: Range<Int>, of other: borrowing JSONOutput) {
        append(UnsafeRawBufferPointer(start: other.start + range.lowerBound, count: range.count))
    }

    /// Moves the bytes from `offset` on into `other`, replacing what it held.
    mutating func moveTail(from offset: Int, into other: inout JSONOutput) {
        other.count = 0
        other.append(UnsafeRawBufferPointer(start: start + offset, count: count - offset))
        count = offset
    }

    /// Appends `value` as a JSON string, escaped as Foundation's encoder escapes it. Most text needs
    /// no escape at all, so it is looked through eight bytes at a time.
    mutating func appendJSONString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            reserve(utf8.count + 2)
            start[count] = UInt8(ascii: "\"")
            count += 1
            let text = UnsafeRawBufferPointer(utf8)
            var runStart = 0
            var index = 0
            while index < text.count {
                if index + 8 <= text.count, !JSONStringEscape.isNeeded(forAnyOf: text.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                if JSONStringEscape.isNeeded(for: text[index]) {
                    append(UnsafeRawBufferPointer(rebasing: text[runStart..<index]))
                    let escape = JSONStringEscape(text[index])
                    withUnsafeBytes(of: escape.bytes) { append(UnsafeRawBufferPointer(rebasing: $0[..<escape.count])) }
                    runStart = index + 1
                }
                index += 1
            }
            append(UnsafeRawBufferPointer(rebasing: text[runStart...]))
            append(UInt8(ascii: "\""))
        }
    }

    mutating func appendJSON(_ value: PlainValue) {
        switch value {
        case .null: append("null")
        case .bool(let value): append(value ? "true" : "false")
        case .integer(let value): appendASCII(String(value))
        case .unsigned(let value): appendASCII(String(value))
        case .double(let value): appendJSONNumber(value.description)
        case .float(let value): appendJSONNumber(value.description)
        case .string(let value): appendJSONString(value)
        }
    }

    /// Foundation prints a number as Swift's shortest round-trip form without a trailing ".0".
    private mutating func appendJSONNumber(_ text: String) {
        appendASCII(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }

    private mutating func appendASCII(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }
}
