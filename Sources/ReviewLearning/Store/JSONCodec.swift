import Foundation

/// Reads and writes store files: strict JSON in, deterministic pretty JSON out.
package enum JSONCodec {
    /// Pretty-printed, sorted keys, no escaped slashes, final newline: diffs read like a change log.
    package static func encode(_ value: some Encodable) throws(StoreError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var bytes = compactEmptyContainers([UInt8](try encoder.encode(value)))
            bytes.append(0x0A)
            return Data(bytes)
        } catch {
            throw .cannotWrite(file: "(encoding)", reason: "could not encode the record")
        }
    }

    /// Foundation pretty-prints an empty list as `[`, a blank line and `]`; this folds it to `[]` (and `{}`).
    ///
    /// Safe on encoder output because a newline inside a JSON string is always escaped.
    static func compactEmptyContainers(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            out.append(byte)
            i += 1
            guard byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") else { continue }
            let close = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
            var j = i
            while j < bytes.count, bytes[j] == 0x0A || bytes[j] == 0x20 { j += 1 }
            if j < bytes.count, bytes[j] == close, j > i {
                out.append(close)
                i = j + 1
            }
        }
        return out
    }

    /// Decodes a store file, naming the file, the line and the field of any problem.
    ///
    /// The strict syntax check comes first because Foundation accepts trailing commas and silently keeps the last of
    /// duplicate keys, which would lose data on the next write.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(StoreError) -> T {
        if let problem = JSONLocator.firstProblem(in: data) {
            throw .corrupt(file: file, line: problem.position.line, message: problem.message)
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            if let found = schemaVersion(in: data), found > Store.schemaVersion {
                throw .newerSchema(file: file, found: found)
            }
            let (path, message) = describe(error)
            let line = JSONLocator.line(of: path, in: data)
            throw .corrupt(file: file, line: line, message: message)
        } catch {
            throw .corrupt(file: file, line: nil, message: "could not be read")
        }
    }

    /// The first field of `data` that `decoded` does not carry (e.g. from a newer rlt, or a misspelt key), as a path
    /// like `recommendations[2].statuss`; nil when re-encoding would keep everything.
    ///
    /// Rewriting such a file would silently drop the field, so writers refuse it and `check` reports it.
    static func unknownField(in data: Data, decoded: some Encodable) -> String? {
        unknownFieldPath(in: data, decoded: decoded).map(name)
    }

    /// The path of `unknownField(in:decoded:)`, to find its line.
    static func unknownFieldPath(in data: Data, decoded: some Encodable) -> [JSONPathComponent]? {
        guard let encoded = try? encode(decoded) else { return nil }
        // A file rlt wrote re-encodes to the same bytes: nothing can be missing, and comparing is far cheaper than
        // parsing both (this runs on every read a write command makes).
        if encoded == data { return nil }
        guard let original = try? JSONSerialization.jsonObject(with: data),
            let again = try? JSONSerialization.jsonObject(with: encoded)
        else { return nil }
        return firstMissing(original, again, path: [])
    }

    /// `recommendations[2].statuss` for that path.
    static func name(_ path: [JSONPathComponent]) -> String {
        var text = ""
        for component in path {
            switch component {
            case .index(let index): text += "[\(index)]"
            case .key(let key): text += (text.isEmpty ? "" : ".") + key
            }
        }
        return text
    }

    /// Values rlt leaves out when it writes (schema 2's empty lists and defaults): a file that spells one out loses
    /// nothing when it is dropped, so it is no unknown field.
    private static func isOmittedDefault(_ key: String, _ value: Any) -> Bool {
        if let list = value as? [Any], list.isEmpty { return true }
        switch key {
        case "approximate": return (value as? Bool) == false
        case "kind": return (value as? String) == FindingKind.learning.rawValue
        case "status": return (value as? String) == EventStatus.held.rawValue
        default: return false
        }
    }

    private static func firstMissing(_ original: Any, _ again: Any, path: [JSONPathComponent]) -> [JSONPathComponent]? {
        if let object = original as? [String: Any] {
            let other = again as? [String: Any] ?? [:]
            for key in object.keys.sorted() {
                let child = path + [.key(key)]
                guard let value = other[key] else {
                    if object[key] is NSNull || isOmittedDefault(key, object[key] ?? NSNull()) { continue }
                    return child
                }
                if let found = firstMissing(object[key] ?? NSNull(), value, path: child) { return found }
            }
        } else if let array = original as? [Any] {
            let other = again as? [Any] ?? []
            for (index, element) in array.enumerated() {
                let child = path + [.index(index)]
                guard index < other.count else { return child }
                if let found = firstMissing(element, other[index], path: child) { return found }
            }
        }
        return nil
    }

    /// The `schema` number at the top of a file, if there is one.
    static func schemaVersion(in data: Data) -> Int? {
        struct Probe: Decodable { var schema: Int? }
        return (try? JSONDecoder().decode(Probe.self, from: data))?.schema
    }

    private static func describe(_ error: DecodingError) -> ([JSONPathComponent], String) {
        func path(_ keys: [any CodingKey]) -> [JSONPathComponent] {
            keys.map { key in key.intValue.map { JSONPathComponent.index($0) } ?? .key(key.stringValue) }
        }
        func name(_ keys: [any CodingKey]) -> String {
            let text = JSONCodec.name(path(keys))
            return text.isEmpty ? "the top level" : "field \(text)"
        }
        switch error {
        case .keyNotFound(let key, let context):
            let keys = context.codingPath + [key]
            return (path(context.codingPath), "\(name(keys)) is missing")
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "\(name(context.codingPath)) should be \(describe(type))")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "\(name(context.codingPath)) should be \(describe(type)), not null")
        case .dataCorrupted(let context):
            return (path(context.codingPath), "\(name(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return ([], "could not be read")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type: return "a whole number"
        case is [Any].Type: return "a list"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") || name.hasPrefix("KeyedDecodingContainer") { return "an object" }
            return withArticle(name)
        }
    }
}
