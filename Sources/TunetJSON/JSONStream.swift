/// The output of a streaming encode, and the containers still open in it, innermost last.
///
/// Codable never says that a container is finished; the only sign is that the value owning it
/// returns from `encode(to:)`. So a value's container closes then, and a nested container closes
/// when its parent is written to again. An object's members are written as they come, each already
/// in its final form, and put in key order when the object closes.
///
/// Codable also allows what a stream cannot follow: writing into a container that has closed, into
/// an outer container while an inner value is still being encoded, or through a super encoder. The
/// stream then gives up (`isAbandoned`), and the caller encodes the whole value again as a tree.
final class JSONStream {
    /// Which open container an encoder or a container belongs to: its place on the stack, and the
    /// serial number it was opened with, so that one which has since closed is recognised.
    struct Handle {
        let serial: Int
        let depth: Int

        /// The handle of a super encoder, which the stream gives up at: never open.
        static let abandoned = Handle(serial: -1, depth: 0)
    }

    /// Thrown to cut a streaming encode short once it has been abandoned.
    struct Abandoned: Error {}

    private struct Frame {
        let serial: Int
        /// The indentation of the line its closing bracket is on.
        let indent: Int
        /// The key or index it was written under.
        let path: CodingPathComponent
        /// A value's own frame closes when its `encode(to:)` returns; a nested container's when its
        /// parent is written to again, or its value returns.
        let closesWithValue: Bool
        var content: Content
    }

    private enum Content {
        /// No container asked for and nothing written yet.
        case nothing
        /// One value written through a single-value container.
        case single
        /// Members are in `memberKeys` and `memberStarts` from `firstMember` on; its bytes start
        /// after its opening brace, at `contentStart`.
        case object(firstMember: Int, contentStart: Int)
        case array(count: Int)
    }

    // The stream calls out to a value's `encode(to:)` only between its own accesses to these, never
    // during one, so no two accesses can overlap; checking each at run time cost more than the writing.
    @exclusivity(unchecked) private var output = JSONOutput()
    @exclusivity(unchecked) private(set) var isAbandoned = false
    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var nextSerial = 0
    /// The keys of the members of every open object, outermost object's first, and where each
    /// member's value begins in `output`. Values are written one after another, and keys and
    /// separators go in before them when the object is put in key order.
    @exclusivity(unchecked) private var memberKeys: [String] = []
    @exclusivity(unchecked) private var memberStarts: [Int] = []
    /// Those of the last object closed at each depth.
    @exclusivity(unchecked) private var memberPrefixes: [MemberPrefixes] = []
    /// An object's members while they are copied back in key order.
    @exclusivity(unchecked) private var unsortedMembers = JSONOutput(capacity: 1024)
    private let layout: JSONLayout

    init(pretty: Bool) {
        layout = JSONLayout(pretty: pretty)
        frames.reserveCapacity(16)
        memberKeys.reserveCapacity(64)
        memberStarts.reserveCapacity(64)
    }

    /// The encoded value; nil when it could not be streamed, or wrote nothing at all (which the tree
    /// encoder reports as an error).
    func encodeWhole<Value: Encodable>(_ value: Value) throws -> [UInt8]? {
        let root = open(indent: 0, path: .none, closesWithValue: true, content: .nothing)
        try value.encode(to: StreamingEncoder(stream: self, handle: root))
        guard makeInnermost(root) else { return nil }
        let frame = frames.removeLast()
        if case .nothing = frame.content { return nil }
        close(frame)
        return output.makeArray()
    }

    func abandon() {
        isAbandoned = true
    }

    // MARK: Containers asked for by a value

    /// A value's object, opened when it first asks for a keyed container; asking again continues it.
    func openObject(of value: Handle) {
        guard isOpen(value) else { return abandon() }
        switch frames[value.depth].content {
        case .nothing:
            // Nothing has been written for the value, so nothing can be open inside it: it is the innermost.
            output.append(UInt8(ascii: "{"))
            frames[value.depth].content = .object(firstMember: memberKeys.count, contentStart: output.count)
        case .object:
            break
        case .single, .array:
            abandon()
        }
    }

    /// A value's array, opened when it first asks for an unkeyed container; asking again continues it.
    func openArray(of value: Handle) {
        guard isOpen(value) else { return abandon() }
        switch frames[value.depth].content {
        case .nothing:
            output.append(UInt8(ascii: "["))
            frames[value.depth].content = .array(count: 0)
        case .array:
            break
        case .single, .object:
            abandon()
        }
    }

    // MARK: Writing members, elements and single values

    func writeMember(_ key: String, _ value: PlainValue, in object: Handle) throws {
        guard beginMember(key, in: object) else { throw Abandoned() }
        output.appendJSON(value)
    }

    func writeMember<Value: Encodable, Key: CodingKey>(_ value: Value, forKey key: Key, in object: Handle) throws {
        if let plain = PlainValue(value) {
            try requireFinite(plain, in: object, key: key)
            return try writeMember(key.stringValue, plain, in: object)
        }
        guard beginMember(key.stringValue, in: object) else { throw Abandoned() }
        let indent = frames[object.depth].indent + 2
        try withUnsafePointer(to: key) { key in
            try encodeNested(value, path: .borrowedKey(Key.self, UnsafeRawPointer(key)), indent: indent)
        }
    }

    func writeElement(_ value: PlainValue, in array: Handle) throws {
        guard beginElement(in: array) != nil else { throw Abandoned() }
        output.appendJSON(value)
    }

    func writeElement<Value: Encodable>(_ value: Value, in array: Handle) throws {
        if let plain = PlainValue(value) {
            try requireFinite(plain, in: array, key: IndexKey(elementCount(of: array)))
            return try writeElement(plain, in: array)
        }
        guard let index = beginElement(in: array) else { throw Abandoned() }
        try encodeNested(value, path: .index(index), indent: frames[array.depth].indent + 2)
    }

    func writeSingle(_ value: PlainValue, as owner: Handle) throws {
        guard isOpen(owner), case .nothing = frames[owner.depth].content else {
            abandon()
            throw Abandoned()
        }
        frames[owner.depth].content = .single
        output.appendJSON(value)
    }

    /// A value written through a single-value container is its owner's whole value: it fills the
    /// owner's place rather than getting one of its own.
    func writeSingle<Value: Encodable>(_ value: Value, as owner: Handle) throws {
        if let plain = PlainValue(value) {
            try requireFinite(plain, in: owner, key: nil)
            return try writeSingle(plain, as: owner)
        }
        do {
            try value.encode(to: StreamingEncoder(stream: self, handle: owner))
        } catch {
            abandon()
            throw error
        }
        guard isOpen(owner) else {
            abandon()
            throw Abandoned()
        }
        if case .nothing = frames[owner.depth].content {
            // Foundation writes a value that asked for no container as an empty object.
            openObject(of: owner)
        }
    }

    /// Refuses a number JSON cannot write, as Foundation does, before anything of it is written.
    func requireFinite(_ value: PlainValue, in container: Handle, key: @autoclosure () -> (any CodingKey)?) throws {
        guard let number = value.nonFiniteNumber else { return }
        let path = codingPath(of: container) + (key().map { [$0] } ?? [])
        abandon()
        throw EncodingError.nonFiniteNumber(number, codingPath: path)
    }

    // MARK: Nested containers

    func openNestedObject(forKey key: some CodingKey, in object: Handle) -> Handle {
        guard beginMember(key.stringValue, in: object) else { return .abandoned }
        output.append(UInt8(ascii: "{"))
        return open(indent: frames[object.depth].indent + 2, path: .ownedKey(.init(key)), closesWithValue: false,
                    content: .object(firstMember: memberKeys.count, contentStart: output.count))
    }

    func openNestedArray(forKey key: some CodingKey, in object: Handle) -> Handle {
        guard beginMember(key.stringValue, in: object) else { return .abandoned }
        output.append(UInt8(ascii: "["))
        return open(indent: frames[object.depth].indent + 2, path: .ownedKey(.init(key)), closesWithValue: false, content: .array(count: 0))
    }

    func openNestedObject(in array: Handle) -> Handle {
        guard let index = beginElement(in: array) else { return .abandoned }
        output.append(UInt8(ascii: "{"))
        return open(indent: frames[array.depth].indent + 2, path: .index(index), closesWithValue: false,
                    content: .object(firstMember: memberKeys.count, contentStart: output.count))
    }

    func openNestedArray(in array: Handle) -> Handle {
        guard let index = beginElement(in: array) else { return .abandoned }
        output.append(UInt8(ascii: "["))
        return open(indent: frames[array.depth].indent + 2, path: .index(index), closesWithValue: false, content: .array(count: 0))
    }

    // MARK: What containers are asked

    /// The keys from the top-level value down to the container, built only when asked for.
    func codingPath(of container: Handle) -> [any CodingKey] {
        guard isOpen(container) else {
            abandon()
            return []
        }
        return frames[...container.depth].compactMap(\.path.key)
    }

    /// An element still being encoded is not counted yet, as the tree encoder and Foundation count
    /// it; a nested container is counted from when it was asked for, as there.
    func elementCount(of array: Handle) -> Int {
        guard isOpen(array), case .array(let count) = frames[array.depth].content else {
            abandon()
            return 0
        }
        let elementInProgress = array.depth + 1 < frames.count && frames[array.depth + 1].closesWithValue
        return elementInProgress ? count - 1 : count
    }

    // MARK: Opening and closing

    private func open(indent: Int, path: CodingPathComponent, closesWithValue: Bool, content: Content) -> Handle {
        let handle = Handle(serial: nextSerial, depth: frames.count)
        nextSerial += 1
        frames.append(Frame(serial: handle.serial, indent: indent, path: path, closesWithValue: closesWithValue, content: content))
        return handle
    }

    /// A frame whose path borrows its key is closed before the key's owner returns: here when the
    /// value has been encoded, or never read again once the stream is abandoned.
    private func encodeNested<Value: Encodable>(_ value: Value, path: CodingPathComponent, indent: Int) throws {
        let handle = open(indent: indent, path: path, closesWithValue: true, content: .nothing)
        do {
            try value.encode(to: StreamingEncoder(stream: self, handle: handle))
        } catch {
            // Part of the value is written; were the error caught and the encode continued, the
            // output would hold it.
            abandon()
            throw error
        }
        guard makeInnermost(handle) else { throw Abandoned() }
        close(frames.removeLast())
    }

    private func isOpen(_ handle: Handle) -> Bool {
        !isAbandoned && handle.depth < frames.count && frames[handle.depth].serial == handle.serial
    }

    /// Closes the nested containers inside the given one, which are finished once it is written to
    /// again; false (and the stream abandoned) when it has closed itself, or an inner value is still
    /// being encoded.
    private func makeInnermost(_ handle: Handle) -> Bool {
        guard isOpen(handle) else {
            abandon()
            return false
        }
        while frames.count - 1 > handle.depth {
            guard !frames[frames.count - 1].closesWithValue else {
                abandon()
                return false
            }
            close(frames.removeLast())
        }
        return true
    }

    private func beginMember(_ key: String, in object: Handle) -> Bool {
        guard makeInnermost(object), case .object = frames[object.depth].content else {
            abandon()
            return false
        }
        memberKeys.append(key)
        memberStarts.append(output.count)
        return true
    }

    /// The new element's index; nil when the array cannot be written to.
    private func beginElement(in array: Handle) -> Int? {
        guard makeInnermost(array), case .array(let count) = frames[array.depth].content else {
            abandon()
            return nil
        }
        layout.appendMemberSeparator(to: &output, isFirst: count == 0, indent: frames[array.depth].indent + 2)
        frames[array.depth].content = .array(count: count + 1)
        return count
    }

    private func close(_ frame: Frame) {
        switch frame.content {
        case .nothing:
            // Foundation writes a value that asked for no container as an empty object.
            output.append(UInt8(ascii: "{"))
            layout.appendEmptyContainerInside(to: &output, indent: frame.indent)
            output.append(UInt8(ascii: "}"))
        case .single:
            break
        case .array(let count):
            if count == 0 {
                layout.appendEmptyContainerInside(to: &output, indent: frame.indent)
            } else {
                layout.appendClosingLine(to: &output, indent: frame.indent)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let firstMember, let contentStart):
            closeObject(firstMember: firstMember, contentStart: contentStart, indent: frame.indent)
        }
    }

    /// Puts the object's members in key order: moves their values out, and back one by one after
    /// their keys.
    private func closeObject(firstMember: Int, contentStart: Int, indent: Int) {
        guard memberKeys.count > firstMember else {
            layout.appendEmptyContainerInside(to: &output, indent: indent)
            output.append(UInt8(ascii: "}"))
            return
        }
        let depth = indent / 2
        while memberPrefixes.count <= depth { memberPrefixes.append(MemberPrefixes()) }
        memberPrefixes[depth].prepare(for: memberKeys[firstMember...], indent: indent, layout: layout)
        let prefixes = memberPrefixes[depth]
        output.moveTail(from: contentStart, into: &unsortedMembers)
        for (place, position) in prefixes.order.enumerated() {
            let member = firstMember + position
            let start = memberStarts[member] - contentStart
            let end = member + 1 < memberStarts.count ? memberStarts[member + 1] - contentStart : unsortedMembers.count
            prefixes.appendPrefix(ofPlace: place, to: &output)
            output.append(start..<end, of: unsortedMembers)
        }
        layout.appendClosingLine(to: &output, indent: indent)
        output.append(UInt8(ascii: "}"))
        memberKeys.removeLast(memberKeys.count - firstMember)
        memberStarts.removeLast(memberStarts.count - firstMember)
    }
}
