import Foundation

/// JSON text exactly as Foundation's `JSONEncoder` writes it with `.sortedKeys` and `.withoutEscapingSlashes` (and
/// `.prettyPrinted` when `pretty`), several times faster: a national `rec list --format json` is 137 MB of it.
///
/// The value's own `Encodable` conformance says what is written, as with `JSONEncoder`; only the writing is ours.
/// What this writer does not do the way Foundation does (floating-point numbers, `Date`, `Data`, `URL`, `Decimal`,
/// `superEncoder`, a key given twice) makes `encode` return nil, and the caller asks Foundation instead. A test
/// compares the two on every kind of record and on awkward strings.
enum JSONWriter {
    static func encode(_ value: some Encodable, pretty: Bool) throws -> [UInt8]? {
        let context = EncodingContext()
        let root = NodeEncoder(context: context, codingPath: [])
        try value.encode(to: root)
        guard !context.unsupported else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        guard write(root.node ?? .box(JSONBox(isObject: true)), indent: 0, pretty: pretty, into: &out) else { return nil }
        return out
    }

    /// Writes `node`; false when an object has a key twice (Foundation keeps one; the caller asks it).
    private static func write(_ node: JSONNode, indent: Int, pretty: Bool, into out: inout [UInt8]) -> Bool {
        switch node {
        case .string(let text):
            string(text, into: &out)
        case .literal(let text):
            out += text.utf8
        case .box(let box):
            let (open, close) = box.isObject ? (UInt8(ascii: "{"), UInt8(ascii: "}")) : (UInt8(ascii: "["), UInt8(ascii: "]"))
            out.append(open)
            guard !box.values.isEmpty else {
                if pretty {
                    out += [UInt8(ascii: "\n"), UInt8(ascii: "\n")]
                    out += repeatElement(UInt8(ascii: " "), count: indent)
                }
                out.append(close)
                return true
            }
            var order = Array(box.values.indices)
            if box.isObject {
                order.sort { box.keys[$0].utf8.lexicographicallyPrecedes(box.keys[$1].utf8) }
                for k in order.indices.dropFirst() where box.keys[order[k]] == box.keys[order[k - 1]] { return false }
            }
            if pretty { out.append(UInt8(ascii: "\n")) }
            for (n, k) in order.enumerated() {
                if n > 0 { out += pretty ? [UInt8(ascii: ","), UInt8(ascii: "\n")] : [UInt8(ascii: ",")] }
                if pretty { out += repeatElement(UInt8(ascii: " "), count: indent + 2) }
                if box.isObject {
                    string(box.keys[k], into: &out)
                    out += pretty ? Array(" : ".utf8) : [UInt8(ascii: ":")]
                }
                guard write(box.values[k], indent: indent + 2, pretty: pretty, into: &out) else { return false }
            }
            if pretty {
                out.append(UInt8(ascii: "\n"))
                out += repeatElement(UInt8(ascii: " "), count: indent)
            }
            out.append(close)
        }
        return true
    }

    /// A string as Foundation escapes it: `"` and `\`, the C0 controls as `\b`, `\t`, `\n`, `\f`, `\r` or `\u00xx`;
    /// everything else (DEL, `/`, U+2028, …) as it is.
    private static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        if plain == true {
            out += text.utf8
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// What the writer collected of a value.
private enum JSONNode {
    case box(JSONBox)
    case string(String)
    /// A number, `true`, `false` or `null`, written as it is.
    case literal(String)
}

/// An object (keys and values in the order encoded) or an array, filled in place by its container.
private final class JSONBox {
    let isObject: Bool
    var keys: [String] = []
    var values: [JSONNode] = []

    init(isObject: Bool) { self.isObject = isObject }
}

/// Set when the value used something `JSONWriter` leaves to Foundation.
private final class EncodingContext {
    var unsupported = false
}

private final class NodeEncoder: Encoder {
    let context: EncodingContext
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var node: JSONNode?

    init(context: EncodingContext, codingPath: [any CodingKey]) {
        self.context = context
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedBox<Key>(encoder: self, box: box(isObject: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedBox(encoder: self, box: box(isObject: false)) }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleBox(encoder: self) }

    /// The object or array this encoder's value is, made on first use (a type may ask for its container twice).
    private func box(isObject: Bool) -> JSONBox {
        if case .box(let box)? = node, box.isObject == isObject { return box }
        if node != nil { context.unsupported = true }
        let box = JSONBox(isObject: isObject)
        node = .box(box)
        return box
    }

    /// The node of a value inside this one.
    func node(of value: some Encodable, at key: (any CodingKey)?) throws -> JSONNode {
        switch value {
        case let text as String: return .string(text)
        case let flag as Bool: return .literal(flag ? "true" : "false")
        case let number as Int: return .literal(String(number))
        case is Double, is Float, is Date, is Data, is URL, is Decimal:
            context.unsupported = true
            return .literal("null")
        default:
            let inner = NodeEncoder(context: context, codingPath: key.map { codingPath + [$0] } ?? codingPath)
            try value.encode(to: inner)
            return inner.node ?? .box(JSONBox(isObject: true))
        }
    }

    func literal<T: BinaryInteger>(_ value: T) -> JSONNode { .literal(String(value)) }

    func unsupported() -> JSONNode {
        context.unsupported = true
        return .literal("null")
    }
}

private struct KeyedBox<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: NodeEncoder
    let box: JSONBox
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func add(_ node: JSONNode, _ key: Key) {
        box.keys.append(key.stringValue)
        box.values.append(node)
    }

    mutating func encodeNil(forKey key: Key) throws { add(.literal("null"), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(.literal(value ? "true" : "false"), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { add(encoder.unsupported(), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { add(encoder.unsupported(), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(encoder.literal(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(encoder.literal(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(encoder.literal(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(encoder.literal(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(encoder.literal(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(encoder.literal(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(encoder.literal(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(encoder.literal(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(encoder.literal(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(encoder.literal(value), key) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws { add(try encoder.node(of: value, at: key), key) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let inner = JSONBox(isObject: true)
        add(.box(inner), key)
        return KeyedEncodingContainer(KeyedBox<NestedKey>(encoder: encoder, box: inner))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let inner = JSONBox(isObject: false)
        add(.box(inner), key)
        return UnkeyedBox(encoder: encoder, box: inner)
    }

    mutating func superEncoder() -> any Encoder {
        encoder.context.unsupported = true
        return NodeEncoder(context: encoder.context, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder() }
}

private struct UnkeyedBox: UnkeyedEncodingContainer {
    let encoder: NodeEncoder
    let box: JSONBox
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { box.values.count }

    private func add(_ node: JSONNode) { box.values.append(node) }

    mutating func encodeNil() throws { add(.literal("null")) }
    mutating func encode(_ value: Bool) throws { add(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { add(.string(value)) }
    mutating func encode(_ value: Double) throws { add(encoder.unsupported()) }
    mutating func encode(_ value: Float) throws { add(encoder.unsupported()) }
    mutating func encode(_ value: Int) throws { add(encoder.literal(value)) }
    mutating func encode(_ value: Int8) throws { add(encoder.literal(value)) }
    mutating func encode(_ value: Int16) throws { add(encoder.literal(value)) }
    mutating func encode(_ value: Int32) throws { add(encoder.literal(value)) }
    mutating func encode(_ value: Int64) throws { add(encoder.literal(value)) }
    mutating func encode(_ value: UInt) throws { add(encoder.literal(value)) }
    mutating func encode(_ value: UInt8) throws { add(encoder.literal(value)) }
    mutating func encode(_ value: UInt16) throws { add(encoder.literal(value)) }
    mutating func encode(_ value: UInt32) throws { add(encoder.literal(value)) }
    mutating func encode(_ value: UInt64) throws { add(encoder.literal(value)) }
    mutating func encode(_ value: some Encodable) throws { add(try encoder.node(of: value, at: nil)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let inner = JSONBox(isObject: true)
        add(.box(inner))
        return KeyedEncodingContainer(KeyedBox<NestedKey>(encoder: encoder, box: inner))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let inner = JSONBox(isObject: false)
        add(.box(inner))
        return UnkeyedBox(encoder: encoder, box: inner)
    }

    mutating func superEncoder() -> any Encoder {
        encoder.context.unsupported = true
        return NodeEncoder(context: encoder.context, codingPath: codingPath)
    }
}

private struct SingleBox: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ node: JSONNode) {
        if encoder.node != nil { encoder.context.unsupported = true }
        encoder.node = node
    }

    mutating func encodeNil() throws { set(.literal("null")) }
    mutating func encode(_ value: Bool) throws { set(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { set(.string(value)) }
    mutating func encode(_ value: Double) throws { set(encoder.unsupported()) }
    mutating func encode(_ value: Float) throws { set(encoder.unsupported()) }
    mutating func encode(_ value: Int) throws { set(encoder.literal(value)) }
    mutating func encode(_ value: Int8) throws { set(encoder.literal(value)) }
    mutating func encode(_ value: Int16) throws { set(encoder.literal(value)) }
    mutating func encode(_ value: Int32) throws { set(encoder.literal(value)) }
    mutating func encode(_ value: Int64) throws { set(encoder.literal(value)) }
    mutating func encode(_ value: UInt) throws { set(encoder.literal(value)) }
    mutating func encode(_ value: UInt8) throws { set(encoder.literal(value)) }
    mutating func encode(_ value: UInt16) throws { set(encoder.literal(value)) }
    mutating func encode(_ value: UInt32) throws { set(encoder.literal(value)) }
    mutating func encode(_ value: UInt64) throws { set(encoder.literal(value)) }
    mutating func encode(_ value: some Encodable) throws { set(try encoder.node(of: value, at: nil)) }
}
