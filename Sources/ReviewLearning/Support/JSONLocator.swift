import Foundation

/// A position in a JSON text.
///
/// `line` is 1-based and counts line feeds: LF ends a line, so a CRLF pair ends exactly one line and a lone CR
/// does not end a line. `column` is 1-based and counts Unicode scalars (not bytes) from the start of the line,
/// which is what editors show for non-ASCII text.
struct JSONPosition: Equatable, Sendable {
    /// The 1-based line number.
    var line: Int
    /// The 1-based column, counted in Unicode scalars.
    var column: Int
}

/// One step of a path into a JSON document: an object key or an array index.
enum JSONPathComponent: Hashable, Sendable {
    /// A member of an object, named by its decoded key (escapes resolved).
    ///
    /// An unpaired surrogate escape such as `\uD800` is valid JSON but cannot be stored in a `String`, so it
    /// decodes to U+FFFD here; keys compare with `String` equality (canonical equivalence), like `JSONDecoder`'s.
    case key(String)
    /// An element of an array, 0-based.
    case index(Int)
}

/// A syntax problem found by `JSONLocator.scan`.
///
/// `message` never repeats document content other than a description of one offending character or a
/// duplicated object key, because review records may be sensitive and messages end up in logs and CI output.
struct JSONSyntaxProblem: Error, Equatable, Sendable {
    /// Where the problem was detected.
    var position: JSONPosition
    /// A short human-readable description, suitable after `file:line: `.
    var message: String
}

/// Strict RFC 8259 checking and value-position lookup for JSON texts.
///
/// Foundation's `JSONDecoder` on Linux accepts some invalid JSON (such as trailing commas) and reports errors
/// without line numbers; this type fills both gaps. It works on the raw UTF-8 bytes without recursion, so deep
/// nesting is reported as a problem instead of overflowing the stack.
enum JSONLocator {
    /// Checks `data` strictly and returns the start position of every value keyed by its path, or the first problem.
    ///
    /// The root value has the empty path. Nesting deeper than `maximumDepth` containers is a problem. The first
    /// problem is chosen in this order: an empty file, a byte-order mark, then the earliest NUL byte, invalid UTF-8
    /// or git conflict marker anywhere in the file, and only then the first syntax error, because a merge conflict
    /// or an encoding accident explains the syntax errors it causes.
    static func scan(
        _ data: Data, maximumDepth: Int = 512
    ) -> Result<[[JSONPathComponent]: JSONPosition], JSONSyntaxProblem> {
        run(data, maximumDepth: maximumDepth, recording: .allPaths).map(\.positions)
    }

    /// Convenience: the first syntax problem, or nil if the text is valid strict JSON.
    static func firstProblem(in data: Data, maximumDepth: Int = 512) -> JSONSyntaxProblem? {
        // Skips building the path map, which dominates the cost of `scan` on large files.
        switch run(data, maximumDepth: maximumDepth, recording: .nothing) {
        case .success: nil
        case .failure(let problem): problem
        }
    }

    /// The line where the value at `path` starts; falls back to the nearest existing ancestor's line; nil if the text does not parse.
    ///
    /// "Does not parse" means `firstProblem(in:)` with the default depth limit reports a problem.
    static func line(of path: [JSONPathComponent], in data: Data) -> Int? {
        // Tracks only the target path so that repeated look-ups on a large file do not build a full map each time.
        switch run(data, maximumDepth: 512, recording: .target(path)) {
        case .success(let outcome): outcome.targetLine
        case .failure: nil
        }
    }

    /// Runs one scan over the bytes of `data`.
    private static func run(
        _ data: Data, maximumDepth: Int, recording: JSONScanRecording
    ) -> Result<JSONScanOutcome, JSONSyntaxProblem> {
        data.withUnsafeBytes { bytes in
            var scanner = JSONScanner(bytes: bytes, maximumDepth: maximumDepth, recording: recording)
            do throws(JSONSyntaxProblem) {
                try scanner.scan()
                return .success(scanner.outcome)
            } catch {
                return .failure(error)
            }
        }
    }
}

/// What a scan remembers about value positions.
private enum JSONScanRecording {
    /// Only checks syntax.
    case nothing
    /// Records the start of every value.
    case allPaths
    /// Records the line of the deepest existing value on the way to this path.
    case target([JSONPathComponent])
}

/// The result of a successful scan.
private struct JSONScanOutcome {
    /// Every value's start position, filled for `.allPaths`.
    var positions: [[JSONPathComponent]: JSONPosition]
    /// The line of the deepest value on the target path, filled for `.target`.
    var targetLine: Int?
}

/// One open object or array during a scan.
private struct JSONScanFrame {
    /// Whether this container is an object (otherwise an array).
    var isObject: Bool
    /// The index of the current array element.
    var index: Int = 0
    /// Where this object's keys start in the scanner's shared key stack.
    var firstKey = 0
    /// This object's keys as a set, built only once the object is large enough for linear search to be slow.
    var keySet: Set<String>?
}

/// Byte values used by the scanner.
private enum Byte {
    /// NUL, never allowed.
    static let nul: UInt8 = 0x00
    /// Horizontal tab, whitespace.
    static let tab: UInt8 = 0x09
    /// Line feed, whitespace that ends a line.
    static let lineFeed: UInt8 = 0x0A
    /// Carriage return, whitespace.
    static let carriageReturn: UInt8 = 0x0D
    /// Space, whitespace; bytes below it are control characters.
    static let space: UInt8 = 0x20
    /// Opens and closes strings.
    static let quote = UInt8(ascii: "\"")
    /// Starts an escape sequence.
    static let backslash = UInt8(ascii: "\\")
    /// Starts a comment, which JSON does not allow.
    static let slash = UInt8(ascii: "/")
    /// Second byte of a block comment.
    static let asterisk = UInt8(ascii: "*")
    /// Separates members and elements.
    static let comma = UInt8(ascii: ",")
    /// Separates a key from its value.
    static let colon = UInt8(ascii: ":")
    /// Opens an object.
    static let openBrace = UInt8(ascii: "{")
    /// Closes an object.
    static let closeBrace = UInt8(ascii: "}")
    /// Opens an array.
    static let openBracket = UInt8(ascii: "[")
    /// Closes an array.
    static let closeBracket = UInt8(ascii: "]")
    /// Starts a negative number or an exponent sign.
    static let minus = UInt8(ascii: "-")
    /// Exponent sign; not allowed before a number.
    static let plus = UInt8(ascii: "+")
    /// Decimal point.
    static let dot = UInt8(ascii: ".")
    /// The digit 0.
    static let zero = UInt8(ascii: "0")
    /// The digit 9.
    static let nine = UInt8(ascii: "9")
    /// Single quote, a common mistake for a string delimiter.
    static let apostrophe = UInt8(ascii: "'")
}

/// The bytes of a document and its line table, with the token-level checks that only read them.
///
/// Kept apart from the parser state so that calling these checks from the parser's mutating methods passes a small
/// value instead of making the compiler copy the whole parser on every token.
private struct JSONText {
    /// The document's raw bytes.
    let bytes: UnsafeRawBufferPointer
    /// The number of bytes.
    let count: Int
    /// Offsets at which each line starts; complete once `checkEncodingAndMarkers` has run.
    var lineStarts: [Int] = [0]

    /// Wraps `bytes`.
    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        self.count = bytes.count
    }

    // MARK: Encoding pass

    /// Rejects a BOM, NUL bytes, invalid UTF-8 and git conflict markers, and records where each line starts.
    mutating func checkEncodingAndMarkers() throws(JSONSyntaxProblem) {
        if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            throw problem(at: 0, "starts with a byte-order mark; save the file as UTF-8 without BOM")
        }
        try checkConflictMarker(atLineStart: 0)
        var i = 0
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                if byte == Byte.lineFeed {
                    lineStarts.append(i + 1)
                    try checkConflictMarker(atLineStart: i + 1)
                } else if byte == Byte.nul {
                    throw problem(at: i, "contains a NUL byte")
                }
                i += 1
            } else {
                let length = bytes.utf8SequenceLength(at: i)
                guard length > 0 else { throw problem(at: i, "is not valid UTF-8") }
                i += length
            }
        }
    }

    /// Throws if the line starting at `start` begins with a git conflict marker (`<<<<<<< `, `|||||||`, `=======` or `>>>>>>> `).
    func checkConflictMarker(atLineStart start: Int) throws(JSONSyntaxProblem) {
        guard start + 7 <= count else { return }
        let marker = bytes[start]
        guard marker == UInt8(ascii: "<") || marker == UInt8(ascii: "=") || marker == UInt8(ascii: ">")
            || marker == UInt8(ascii: "|")
        else { return }
        for k in start + 1..<start + 7 where bytes[k] != marker { return }
        // `=======` stands alone; the others carry a label after a space, which git always writes.
        if marker != UInt8(ascii: "=") {
            let end = start + 7
            guard end == count || bytes[end] == Byte.space || bytes[end] == Byte.lineFeed
                || bytes[end] == Byte.carriageReturn
            else { return }
        }
        throw problem(at: start, "git conflict marker; resolve the merge and run rlt check")
    }

    // MARK: Tokens

    /// An upper bound on the number of values, for reserving map capacity.
    func estimatedValueCount() -> Int {
        // Every value but the root follows a ',', ':' or '['; each value also takes at least two bytes with its separator.
        var separators = 1
        for k in 0..<count {
            switch bytes[k] {
            case Byte.comma, Byte.colon, Byte.openBracket: separators += 1
            default: break
            }
        }
        return min(separators, count / 2 + 1)
    }

    /// Skips JSON whitespace (space, tab, LF, CR) and returns the next offset.
    func skipWhitespace(from start: Int) -> Int {
        var i = start
        while i < count {
            switch bytes[i] {
            case Byte.space, Byte.tab, Byte.lineFeed, Byte.carriageReturn: i += 1
            default: return i
            }
        }
        return i
    }

    /// Validates the string starting with the quote at `start`; returns the offset after the closing quote and whether it had escapes.
    func skipString(at start: Int) throws(JSONSyntaxProblem) -> (end: Int, escaped: Bool) {
        var i = start + 1
        var escaped = false
        while i < count {
            let byte = bytes[i]
            if byte == Byte.quote {
                return (i + 1, escaped)
            } else if byte == Byte.backslash {
                escaped = true
                guard i + 1 < count else { throw endOfFile() }
                switch bytes[i + 1] {
                case Byte.quote, Byte.backslash, Byte.slash,
                    UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    for k in i + 2..<i + 6 {
                        guard k < count else { throw endOfFile() }
                        guard hexDigitValue(bytes[k]) != nil else {
                            throw problem(at: i, "invalid \\u escape; expected four hexadecimal digits")
                        }
                    }
                    i += 6
                default:
                    throw problem(at: i, "invalid escape sequence: backslash followed by \(describe(at: i + 1))")
                }
            } else if byte < Byte.space {
                if byte == Byte.lineFeed || byte == Byte.carriageReturn {
                    throw problem(at: i, "line break inside a string; close the string or write the break as \\n")
                }
                throw problem(at: i, "control character \(describe(at: i)) inside a string must be escaped")
            } else {
                i += 1
            }
        }
        throw endOfFile()
    }

    /// Validates the number starting at `start` against the RFC 8259 grammar and returns the offset after it.
    func skipNumber(at start: Int) throws(JSONSyntaxProblem) -> Int {
        var i = start
        if bytes[i] == Byte.minus {
            i += 1
            guard i < count else { throw endOfFile() }
            guard Self.isDigit(bytes[i]) else {
                if bytes[i] == UInt8(ascii: "I") {
                    throw problem(at: start, "NaN and Infinity are not valid JSON numbers")
                }
                throw problem(at: i, "expected a digit after '-'")
            }
        }
        if bytes[i] == Byte.zero {
            i += 1
            if i < count && Self.isDigit(bytes[i]) {
                throw problem(at: start, "numbers must not have leading zeros")
            }
        } else {
            while i < count && Self.isDigit(bytes[i]) { i += 1 }
        }
        if i < count && bytes[i] == Byte.dot {
            i += 1
            guard i < count else { throw endOfFile() }
            guard Self.isDigit(bytes[i]) else { throw problem(at: i, "expected a digit after the decimal point") }
            while i < count && Self.isDigit(bytes[i]) { i += 1 }
        }
        if i < count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            guard i < count else { throw endOfFile() }
            if bytes[i] == Byte.plus || bytes[i] == Byte.minus { i += 1 }
            guard i < count else { throw endOfFile() }
            guard Self.isDigit(bytes[i]) else { throw problem(at: i, "expected a digit in the exponent") }
            while i < count && Self.isDigit(bytes[i]) { i += 1 }
        }
        return i
    }

    /// Checks that `word` (`true`, `false` or `null`) is spelled out at `start` and returns the offset after it.
    func skipLiteral(at start: Int, _ word: StaticString) throws(JSONSyntaxProblem) -> Int {
        let length = word.utf8CodeUnitCount
        for k in 0..<length {
            guard start + k < count else { throw endOfFile() }
            guard bytes[start + k] == word.utf8Start[k] else {
                throw problem(at: start, "invalid literal; expected true, false or null")
            }
        }
        let end = start + length
        // `truex` would otherwise be reported as a missing separator, which hides the real mistake.
        if end < count && Self.isLetter(bytes[end]) {
            throw problem(at: start, "invalid literal; expected true, false or null")
        }
        return end
    }

    /// Whether `byte` can start a JSON value.
    static func startsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case Byte.openBrace, Byte.openBracket, Byte.quote, Byte.minus, Byte.zero...Byte.nine,
            UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            true
        default:
            false
        }
    }

    /// Decodes the key bytes between the quotes, resolving escapes.
    func decodeKey(from start: Int, to end: Int, escaped: Bool) -> String {
        // A typed buffer takes String's fast UTF-8 path; the raw buffer would be decoded byte by byte.
        let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<end]).assumingMemoryBound(to: UInt8.self)
        guard escaped else { return String(decoding: raw, as: UTF8.self) }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(raw.count)
        var i = start
        while i < end {
            let byte = bytes[i]
            guard byte == Byte.backslash else {
                utf8.append(byte)
                i += 1
                continue
            }
            let kind = bytes[i + 1]
            i += 2
            switch kind {
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(Byte.lineFeed)
            case UInt8(ascii: "r"): utf8.append(Byte.carriageReturn)
            case UInt8(ascii: "t"): utf8.append(Byte.tab)
            case UInt8(ascii: "u"):
                var unit = hexUnit(at: i)
                i += 4
                if (0xD800...0xDBFF).contains(unit), i + 6 <= end, bytes[i] == Byte.backslash,
                    bytes[i + 1] == UInt8(ascii: "u"), case let low = hexUnit(at: i + 2), (0xDC00...0xDFFF).contains(low)
                {
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                // Unpaired surrogates are valid JSON but cannot live in a Swift String; U+FFFD stands in for them.
                let scalar = Unicode.Scalar(unit) ?? "\u{FFFD}"
                UTF8.encode(scalar) { utf8.append($0) }
            default: utf8.append(kind)  // `"`, `\` and `/` stand for themselves.
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The value of the four hex digits at `start` (already validated).
    func hexUnit(at start: Int) -> UInt32 {
        var value: UInt32 = 0
        for k in start..<start + 4 {
            value = value << 4 | UInt32(hexDigitValue(bytes[k]) ?? 0)
        }
        return value
    }

    // MARK: Positions and problems

    /// The line and column of byte `offset`, found by binary search; the scanner caches this for recorded values.
    func position(of offset: Int) -> JSONPosition {
        let line = lineIndex(containing: offset)
        return JSONPosition(line: line + 1, column: 1 + scalarCount(from: lineStarts[line], to: offset))
    }

    /// The 0-based index of the line holding byte `offset`, among the lines recorded so far.
    func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The number of Unicode scalars starting in `start..<end`.
    func scalarCount(from start: Int, to end: Int) -> Int {
        // Every byte that is not a UTF-8 continuation byte starts a scalar.
        var scalars = 0
        for k in start..<end where bytes[k] & 0xC0 != 0x80 {
            scalars += 1
        }
        return scalars
    }

    /// A problem at byte `offset`.
    func problem(at offset: Int, _ message: String) -> JSONSyntaxProblem {
        JSONSyntaxProblem(position: position(of: offset), message: message)
    }

    /// The problem for input that stops in the middle of a value, placed at the end of the last line.
    func endOfFile() -> JSONSyntaxProblem {
        // A final line break terminates the last line rather than starting an empty one.
        var end = count
        if end > 0 && bytes[end - 1] == Byte.lineFeed {
            end -= 1
            if end > 0 && bytes[end - 1] == Byte.carriageReturn { end -= 1 }
        }
        return problem(at: end, "unexpected end of file")
    }

    /// A problem for an unexpected byte, preferring the clearer message when it starts a comment.
    func unexpected(at offset: Int, _ message: String) -> JSONSyntaxProblem {
        if bytes[offset] == Byte.slash && offset + 1 < count
            && (bytes[offset + 1] == Byte.slash || bytes[offset + 1] == Byte.asterisk)
        {
            return problem(at: offset, "comments are not allowed in JSON")
        }
        if let scalar = scalar(at: offset), scalar.properties.isWhitespace || scalar == "\u{FEFF}" {
            return problem(
                at: offset,
                "unexpected whitespace character \(describe(at: offset)); only spaces, tabs and line breaks may separate tokens")
        }
        return problem(at: offset, message)
    }

    /// The problem for a byte at `offset` that cannot start a value.
    func unexpectedValue(at offset: Int) -> JSONSyntaxProblem {
        let byte = bytes[offset]
        switch byte {
        case Byte.apostrophe:
            return problem(at: offset, "strings must use double quotes, not single quotes")
        case Byte.plus:
            return problem(at: offset, "numbers must not start with '+'")
        case Byte.dot:
            return problem(at: offset, "numbers need a digit before the decimal point")
        case UInt8(ascii: "N") where hasPrefix("NaN", at: offset),
            UInt8(ascii: "I") where hasPrefix("Infinity", at: offset):
            return problem(at: offset, "NaN and Infinity are not valid JSON numbers")
        default:
            if Self.isLetter(byte) {
                return problem(
                    at: offset,
                    "expected a value but found \(describe(at: offset)); strings need double quotes and literals are true, false or null")
            }
            return unexpected(at: offset, "expected a value but found \(describe(at: offset))")
        }
    }

    /// Whether the bytes at `offset` spell `word`.
    func hasPrefix(_ word: StaticString, at offset: Int) -> Bool {
        let length = word.utf8CodeUnitCount
        guard offset + length <= count else { return false }
        return (0..<length).allSatisfy { bytes[offset + $0] == word.utf8Start[$0] }
    }

    /// The Unicode scalar starting at `offset`, if the bytes there are well-formed.
    func scalar(at offset: Int) -> Unicode.Scalar? {
        var iterator = UnsafeRawBufferPointer(rebasing: bytes[offset..<min(offset + 4, count)]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// Describes the single character at `offset` for a message: `'x'` for visible ASCII, `U+XXXX` otherwise.
    func describe(at offset: Int) -> String {
        guard offset < count else { return "end of file" }
        let byte = bytes[offset]
        if byte > Byte.space && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        guard let scalar = scalar(at: offset) else { return "byte 0x\(Self.hex(UInt32(byte), width: 2))" }
        return "U+\(Self.hex(scalar.value, width: 4))"
    }

    /// Renders a key for a message with quotes, backslashes and control characters escaped so the message stays on one line.
    static func sanitized(_ key: String) -> String {
        var result = ""
        for scalar in key.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.generalCategory == .lineSeparator
                || scalar.properties.generalCategory == .paragraphSeparator:
                result += "\\u\(hex(scalar.value, width: 4))"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `value` in upper-case hex, zero-padded to `width` digits.
    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Whether `byte` is an ASCII digit.
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= Byte.zero && byte <= Byte.nine
    }

    /// Whether `byte` is an ASCII letter.
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }
}

/// The non-recursive parser behind `JSONLocator`, run after the encoding pass of `JSONText`.
private struct JSONScanner {
    /// The document.
    var text: JSONText
    /// The maximum number of nested containers.
    let maximumDepth: Int
    /// Whether every value's path and position are recorded.
    let recordsAllPaths: Bool
    /// The path whose line is wanted, if any.
    let target: [JSONPathComponent]?

    /// Line index (0-based) of the last computed position; recorded values move forward through the text.
    var cachedLine = 0
    /// Byte offset of the last computed position.
    var cachedOffset = 0
    /// Column of the last computed position.
    var cachedColumn = 1

    /// The open containers, innermost last.
    var frames: [JSONScanFrame] = []
    /// Keys of all open objects, innermost last; shared so that small objects cost no allocation of their own.
    var keyStack: [String] = []
    /// The current path, maintained only when recording all paths.
    var path: [JSONPathComponent] = []
    /// How many leading components of the current path equal the target's.
    var matchedDepth = 0
    /// The depth of the deepest value recorded on the target path.
    var targetDepth = -1
    /// What the scan has found.
    var outcome = JSONScanOutcome(positions: [:], targetLine: nil)

    /// Creates a scanner over `bytes`.
    init(bytes: UnsafeRawBufferPointer, maximumDepth: Int, recording: JSONScanRecording) {
        self.text = JSONText(bytes: bytes)
        self.maximumDepth = maximumDepth
        switch recording {
        case .nothing:
            recordsAllPaths = false
            target = nil
        case .allPaths:
            recordsAllPaths = true
            target = nil
        case .target(let path):
            recordsAllPaths = false
            target = path
        }
    }

    /// Checks the whole document, recording positions along the way.
    mutating func scan() throws(JSONSyntaxProblem) {
        guard text.count > 0 else { throw text.problem(at: 0, "is empty") }
        // Encoding problems and conflict markers are checked over the whole file first: their messages explain
        // the real cause, whereas the parser would report a confusing token error somewhere nearby.
        try text.checkEncodingAndMarkers()
        if recordsAllPaths {
            // Growing the map step by step rehashes every path several times; an upper bound avoids that.
            outcome.positions = Dictionary(minimumCapacity: text.estimatedValueCount())
        }
        try parse(text)
    }

    /// Parses the single top-level value of `text` with an explicit stack instead of recursion.
    mutating func parse(_ text: JSONText) throws(JSONSyntaxProblem) {
        let bytes = text.bytes
        let count = text.count
        var i = text.skipWhitespace(from: 0)
        guard i < count else { throw text.problem(at: 0, "is empty") }
        var expectingValue = true
        while true {
            if expectingValue {
                i = text.skipWhitespace(from: i)
                guard i < count else { throw text.endOfFile() }
                recordValue(at: i)
                switch bytes[i] {
                case Byte.openBrace:
                    guard frames.count < maximumDepth else { throw depthProblem(at: i, in: text) }
                    i = text.skipWhitespace(from: i + 1)
                    guard i < count else { throw text.endOfFile() }
                    if bytes[i] == Byte.closeBrace {
                        i += 1
                        expectingValue = false
                    } else {
                        frames.append(JSONScanFrame(isObject: true, firstKey: keyStack.count))
                        i = try parseKey(at: i, isFirst: true, in: text)
                    }
                case Byte.openBracket:
                    guard frames.count < maximumDepth else { throw depthProblem(at: i, in: text) }
                    i = text.skipWhitespace(from: i + 1)
                    guard i < count else { throw text.endOfFile() }
                    if bytes[i] == Byte.closeBracket {
                        i += 1
                        expectingValue = false
                    } else {
                        frames.append(JSONScanFrame(isObject: false))
                        enterComponent(.index(0), isFirst: true)
                    }
                case Byte.quote:
                    i = try text.skipString(at: i).end
                    expectingValue = false
                case Byte.minus, Byte.zero...Byte.nine:
                    i = try text.skipNumber(at: i)
                    expectingValue = false
                case UInt8(ascii: "t"):
                    i = try text.skipLiteral(at: i, "true")
                    expectingValue = false
                case UInt8(ascii: "f"):
                    i = try text.skipLiteral(at: i, "false")
                    expectingValue = false
                case UInt8(ascii: "n"):
                    i = try text.skipLiteral(at: i, "null")
                    expectingValue = false
                default:
                    throw text.unexpectedValue(at: i)
                }
            } else {
                i = text.skipWhitespace(from: i)
                // Only the flag is copied: holding a copy of the frame would make every key insertion copy its set.
                guard let isObject = frames.last?.isObject else {
                    guard i == count else {
                        throw text.unexpected(
                            at: i,
                            "unexpected \(text.describe(at: i)) after the top-level value; a JSON file holds exactly one value")
                    }
                    return
                }
                guard i < count else { throw text.endOfFile() }
                let byte = bytes[i]
                let closer = isObject ? Byte.closeBrace : Byte.closeBracket
                if byte == Byte.comma {
                    let comma = i
                    i = text.skipWhitespace(from: i + 1)
                    guard i < count else { throw text.endOfFile() }
                    if bytes[i] == closer {
                        throw text.problem(at: comma, "trailing comma; remove the ',' before \(text.describe(at: i))")
                    }
                    if isObject {
                        i = try parseKey(at: i, isFirst: false, in: text)
                    } else {
                        frames[frames.count - 1].index += 1
                        enterComponent(.index(frames[frames.count - 1].index), isFirst: false)
                    }
                    expectingValue = true
                } else if byte == closer {
                    leaveContainer()
                    i += 1
                } else if isObject {
                    if byte == Byte.quote {
                        throw text.problem(at: i, "missing ',' between object members")
                    }
                    throw text.unexpected(
                        at: i, "expected ',' or '}' after an object member but found \(text.describe(at: i))")
                } else {
                    if JSONText.startsValue(byte) {
                        throw text.problem(at: i, "missing ',' between array elements")
                    }
                    throw text.unexpected(
                        at: i, "expected ',' or ']' after an array element but found \(text.describe(at: i))")
                }
            }
        }
    }

    /// The problem for a container at `offset` that would exceed the maximum depth.
    func depthProblem(at offset: Int, in text: JSONText) -> JSONSyntaxProblem {
        text.problem(at: offset, "nesting is deeper than \(maximumDepth) levels")
    }

    /// Reads an object key at `start` plus the following colon, and returns the offset after the colon.
    mutating func parseKey(at start: Int, isFirst: Bool, in text: JSONText) throws(JSONSyntaxProblem) -> Int {
        guard text.bytes[start] == Byte.quote else {
            throw text.unexpected(
                at: start, "object keys must be strings in double quotes; found \(text.describe(at: start))")
        }
        let (end, escaped) = try text.skipString(at: start)
        let key = text.decodeKey(from: start + 1, to: end - 1, escaped: escaped)
        guard insertKey(key) else {
            throw text.problem(at: start, "duplicate key \"\(JSONText.sanitized(key))\"")
        }
        let colon = text.skipWhitespace(from: end)
        guard colon < text.count else { throw text.endOfFile() }
        guard text.bytes[colon] == Byte.colon else {
            throw text.unexpected(at: colon, "expected ':' after an object key but found \(text.describe(at: colon))")
        }
        enterComponent(.key(key), isFirst: isFirst)
        return colon + 1
    }

    /// Adds `key` to the innermost object's keys; false if it was already there.
    mutating func insertKey(_ key: String) -> Bool {
        let innermost = frames.count - 1
        if let inserted = frames[innermost].keySet?.insert(key).inserted {
            return inserted
        }
        let first = frames[innermost].firstKey
        if keyStack[first...].contains(key) { return false }
        keyStack.append(key)
        // Typical records have a handful of keys, where a linear search beats hashing; big objects get a set.
        if keyStack.count - first > 16 {
            frames[innermost].keySet = Set(keyStack[first...])
        }
        return true
    }

    /// Sets the last path component after a frame was pushed (`isFirst`) or moved to its next member.
    mutating func enterComponent(_ component: JSONPathComponent, isFirst: Bool) {
        let depth = frames.count
        if recordsAllPaths {
            if isFirst { path.append(component) } else { path[depth - 1] = component }
        }
        if let target {
            matchedDepth = min(matchedDepth, depth - 1)
            if matchedDepth == depth - 1 && depth <= target.count && target[depth - 1] == component {
                matchedDepth = depth
            }
        }
    }

    /// Pops the innermost container.
    mutating func leaveContainer() {
        let frame = frames.removeLast()
        if frame.isObject { keyStack.removeSubrange(frame.firstKey...) }
        if recordsAllPaths { path.removeLast() }
        matchedDepth = min(matchedDepth, frames.count)
    }

    /// Notes that a value starts at `offset` under the current path.
    mutating func recordValue(at offset: Int) {
        if recordsAllPaths {
            outcome.positions[path] = position(of: offset)
        } else if target != nil && matchedDepth == frames.count && frames.count > targetDepth {
            targetDepth = frames.count
            outcome.targetLine = position(of: offset).line
        }
    }

    /// The line and column of byte `offset`, using a cache because recorded values move forward through the text.
    mutating func position(of offset: Int) -> JSONPosition {
        let lineHolds = text.lineStarts[cachedLine] <= offset
            && (cachedLine + 1 == text.lineStarts.count || offset < text.lineStarts[cachedLine + 1])
        if !lineHolds {
            cachedLine = text.lineIndex(containing: offset)
            cachedOffset = text.lineStarts[cachedLine]
            cachedColumn = 1
        } else if cachedOffset > offset {
            cachedOffset = text.lineStarts[cachedLine]
            cachedColumn = 1
        }
        let column = cachedColumn + text.scalarCount(from: cachedOffset, to: offset)
        cachedOffset = offset
        cachedColumn = column
        return JSONPosition(line: cachedLine + 1, column: column)
    }
}

extension UnsafeRawBufferPointer {
    /// The length of the well-formed UTF-8 sequence starting with a non-ASCII byte at `i`, or 0 if it is malformed.
    /// Shared by the strict JSON check and the index's review scanner, so both accept exactly the same text.
    @inline(__always) func utf8SequenceLength(at i: Int) -> Int {
        @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            k < count && self[k] >= low && self[k] <= high
        }
        // Ranges from RFC 3629 §4: they exclude overlong forms, surrogates and scalars above U+10FFFF.
        switch self[i] {
        case 0xC2...0xDF:
            return continuation(i + 1) ? 2 : 0
        case 0xE0:
            return continuation(i + 1, 0xA0) && continuation(i + 2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(i + 1) && continuation(i + 2) ? 3 : 0
        case 0xED:
            return continuation(i + 1, 0x80, 0x9F) && continuation(i + 2) ? 3 : 0
        case 0xF0:
            return continuation(i + 1, 0x90) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
        case 0xF1...0xF3:
            return continuation(i + 1) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
        case 0xF4:
            return continuation(i + 1, 0x80, 0x8F) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
        default:
            return 0
        }
    }
}

/// The value of an ASCII hex digit, or nil.
@inline(__always) func hexDigitValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}
