import Foundation
import RLTCommandLine
import Testing

@testable import ReviewLearning

#if canImport(Glibc)
    import Glibc
#endif

/// A damaged index (`.index/base`) must give the full decode's answer or be rebuilt: never a crash, never a row that
/// is in no review file (issue 14, items 5, 7 and 12). Each case writes a damaged copy of a good base in its place
/// (a new file, as damage from outside would be) and runs a query in-process: a trap would end the test run.
@Suite("Index integrity: damage means a rebuild", .serialized)
struct IndexIntegrityTests {
    typealias Fixture = IndexEquivalenceTests.Fixture

    static let queries: [[String]] = [["overdue", "--format", "csv"], ["rec", "list", "--format", "csv"]]

    /// A small generated store whose index is written to `.index/` (the directory exists), its good base, and the
    /// full decode's answers.
    final class Setup {
        let fixture: Fixture
        let pristine: [UInt8]
        let expected: [Fixture.Result]
        var base: String { fixture.path(".index/base") }

        init() throws {
            let fixture = try Fixture(recommendations: 40, seed: 5)
            try FileManager.default.createDirectory(atPath: fixture.path(".index"), withIntermediateDirectories: true)
            // Past the racy window (the index's clock moved ahead), so an intact index is used as it is and any
            // write is a rebuild.
            fixture.clockAhead = 2.2
            fixture.run(IndexIntegrityTests.queries[0])
            pristine = [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture.path(".index/base"))))
            expected = IndexIntegrityTests.queries.map { fixture.run($0, index: false) }
            self.fixture = fixture
        }

        /// The section spans of the good base: entries, names, hot, active, cold.
        var sections: [(name: String, range: Range<Int>)] {
            pristine.withUnsafeBytes { m in
                var spans = [("entries", 128..<Int(m.u64le(32)))]
                for (name, at) in [("names", 32), ("hot", 48), ("active", 64), ("cold", 80)] {
                    let start = Int(m.u64le(at))
                    spans.append((name, start..<(start + Int(m.u64le(at + 8)))))
                }
                return spans
            }
        }

        /// Puts `bytes` in place of the base (by rename, so the index sees a changed file), runs query `q` with the
        /// index; returns whether the answer is the full decode's and whether the base was rewritten.
        func run(_ bytes: [UInt8], query q: Int) throws -> (correct: Bool, rebuilt: Bool) {
            // An overlay left by an earlier case would answer for the reviews it holds instead of the base.
            unlink(fixture.path(".index/overlay"))
            let temp = fixture.path(".index/.put-back")
            try Data(bytes).write(to: URL(fileURLWithPath: temp))
            #expect(rename(temp, base) == 0)
            let result = fixture.run(IndexIntegrityTests.queries[q])
            let now = (try? Data(contentsOf: URL(fileURLWithPath: base))).map { [UInt8]($0) }
            return (result == expected[q], now != bytes)
        }

        /// `run`, with `.index/stamp` vouching for the damaged file, as if the damage had kept its size, times and
        /// inode (bit rot, or a forged stamp): its checksum is not computed, so only the validation of every number
        /// read stands between the damage and a crash. Its content is believed, so answers may differ.
        func runTrusted(_ bytes: [UInt8], query q: Int) throws -> (correct: Bool, rebuilt: Bool) {
            unlink(fixture.path(".index/overlay"))
            let temp = fixture.path(".index/.put-back")
            try Data(bytes).write(to: URL(fileURLWithPath: temp))
            #expect(rename(temp, base) == 0)
            var info = stat()
            #expect(stat(base, &info) == 0)
            var stamp = IndexStamp()
            let checksum = bytes.count >= 112 ? bytes.withUnsafeBytes { $0.u64le(104) } : 0
            stamp.files = [Stamp(key: IndexFile.FileKey(info), checksum: checksum)]
            stamp.write(fixture.path(".index"), mode: 0o600)
            let result = fixture.run(IndexIntegrityTests.queries[q])
            let now = (try? Data(contentsOf: URL(fileURLWithPath: base))).map { [UInt8]($0) }
            return (result == expected[q], now != bytes)
        }

        /// Seeded damage of every section: a bit flipped, 8 random bytes, 64 zeros, or the file cut there.
        func sectionDamage(seed: UInt64, perSection: Int) -> [(what: String, bytes: [UInt8])] {
            var random = SplitMix(seed: seed)
            var cases: [(String, [UInt8])] = []
            for (name, range) in sections where !range.isEmpty {
                for k in 0..<perSection {
                    var bytes = pristine
                    let at = range.lowerBound + Int(random.next() % UInt64(range.count))
                    let what: String
                    switch k % 4 {
                    case 0:
                        bytes[at] ^= UInt8(1 << (random.next() % 8))
                        what = "bit flipped at \(at)"
                    case 1:
                        for i in at..<min(at + 8, range.upperBound) { bytes[i] = UInt8(truncatingIfNeeded: random.next()) }
                        what = "8 random bytes at \(at)"
                    case 2:
                        for i in at..<min(at + 64, range.upperBound) { bytes[i] = 0 }
                        what = "64 zeros at \(at)"
                    default:
                        bytes.removeSubrange(at...)
                        what = "cut at \(at)"
                    }
                    cases.append(("\(name): \(what)", bytes))
                }
            }
            return cases
        }
    }

    @Test("fuzz: every bit of the header flipped, and seeded damage in every section: right answers or a rebuild")
    func fuzz() throws {
        let setup = try Setup()
        var cases = 0
        var wrong = 0
        var rebuilds = 0
        func tally(_ outcome: (correct: Bool, rebuilt: Bool), _ what: String) {
            cases += 1
            if outcome.rebuilt { rebuilds += 1 }
            if !outcome.correct {
                wrong += 1
                Issue.record("wrong answer after \(what)")
            }
        }
        for bit in 0..<(128 * 8) {
            var bytes = setup.pristine
            bytes[bit / 8] ^= UInt8(1 << (bit % 8))
            tally(try setup.run(bytes, query: bit % 2), "header bit \(bit) flipped")
        }
        let damage = setup.sectionDamage(seed: 14, perSection: 60)
        for (k, (what, bytes)) in damage.enumerated() { tally(try setup.run(bytes, query: k % 2), what) }
        print("reliability: index fuzz: \(cases) cases, crashes 0, wrong \(wrong), rebuilds \(rebuilds)")
        #expect(wrong == 0)
        #expect(cases == 1024 + damage.count)
    }

    @Test("fuzz with the checksum bypassed (a stamp vouching for the damage): never a crash")
    func fuzzTrusted() throws {
        let setup = try Setup()
        // The bypass works: a forged text vouched for by the stamp is believed (which is why the checksum covers it).
        let active = try #require(setup.sections.first { $0.name == "active" }).range
        var forged = setup.pristine
        for (k, c) in "FORGED!!".utf8.enumerated() { forged[active.lowerBound + 8 + k] = c }
        #expect(try setup.runTrusted(forged, query: 0) == (correct: false, rebuilt: false))
        var right = 0
        var rebuilds = 0
        let damage = setup.sectionDamage(seed: 15, perSection: 60)
        for (k, (_, bytes)) in damage.enumerated() {
            let outcome = try setup.runTrusted(bytes, query: k % 2)
            if outcome.correct { right += 1 }
            if outcome.rebuilt { rebuilds += 1 }
        }
        // Reaching this line is the test: a trap in any read would have ended the run.
        print(
            "reliability: index fuzz, checksum bypassed: \(damage.count) cases, crashes 0, rebuilds \(rebuilds), "
                + "right answers \(right), damage believed \(damage.count - right)")
        #expect(rebuilds > 0, "structural damage is still caught without the checksum")
    }

    @Test("a date far outside the calendar in a vouched-for index reads as no date, not an overflow")
    func forgedDates() throws {
        let setup = try Setup()
        let file = try #require(IndexFile.open(setup.base))
        let view = file.review(0)
        let blob = try #require(file.parts(0).hot.baseAddress) - UnsafeRawPointer(try #require(file.hot.baseAddress))
        let hotAt = try #require(setup.sections.first { $0.name == "hot" }).range.lowerBound
        for end in [Int32.min, Int32.max] {
            var bytes = setup.pristine
            for r in 0..<(view?.recCount ?? 0) {
                let at = hotAt + blob + (view?.rec(r) ?? 0)
                bytes[at + BlobLayout.Rec.dueKind] = PackedDate.day
                withUnsafeBytes(of: end.littleEndian) { for k in 0..<4 { bytes[at + BlobLayout.Rec.dueEnd + k] = $0[k] } }
            }
            // Reaching the next line is the test (days overdue and the printed year would overflow).
            for q in IndexIntegrityTests.queries.indices { _ = try setup.runTrusted(bytes, query: q) }
        }
    }

    @Test("eight bytes overwritten in a text section are never printed: the index is rebuilt, check notes it")
    func textOverwritten() throws {
        let setup = try Setup()
        let active = try #require(setup.sections.first { $0.name == "active" }).range
        // Inside the first text of the active section (past its 4-byte length): a forged word in a listed text.
        var bytes = setup.pristine
        let at = active.lowerBound + 8
        for (k, c) in "FORGED!!".utf8.enumerated() { bytes[at + k] = c }
        try Data(bytes).write(to: URL(fileURLWithPath: setup.base))
        let check = setup.fixture.run(["check"])
        #expect(check.err.contains(".index/base: damaged"), "check says so: \(check)")
        for q in IndexIntegrityTests.queries.indices {
            let outcome = try setup.run(bytes, query: q)
            #expect(outcome.correct && outcome.rebuilt)
            #expect(!setup.fixture.run(IndexIntegrityTests.queries[q]).out.contains("FORGED"))
        }
    }

    @Test("a flipped top bit of a header offset is damage, not a crash (check and queries)")
    func headerTopBit() throws {
        let setup = try Setup()
        for field in stride(from: 24, through: 96, by: 8) {
            var bytes = setup.pristine
            bytes[field + 7] ^= 0x80
            try Data(bytes).write(to: URL(fileURLWithPath: setup.base))
            let check = setup.fixture.run(["check"])
            #expect(check.code == 0 && check.err.contains("damaged"), "header field at \(field): \(check)")
            let outcome = try setup.run(bytes, query: field / 8 % 2)
            #expect(outcome.correct && outcome.rebuilt, "header field at \(field)")
        }
    }

    @Test("leftovers of interrupted index builds: check names them, the next query removes them, builds in progress stay")
    func leftovers() throws {
        let setup = try Setup()
        let gone = try Self.exitedProcessID()
        let stray = setup.fixture.path(".index/.base.tmp-\(gone)-12345")
        let running = setup.fixture.path(".index/.overlay.tmp-1-678")  // pid 1 is always running
        for path in [stray, running] { try Data(repeating: 7, count: 4096).write(to: URL(fileURLWithPath: path)) }
        let check = setup.fixture.run(["check"])
        #expect(check.code == 0)
        #expect(check.err.contains(".base.tmp-\(gone)-12345: left by an interrupted index build; it can be removed"), "\(check)")
        #expect(!check.err.contains(".overlay.tmp-1-678"), "a build in progress is not reported")
        #expect(FileManager.default.fileExists(atPath: stray), "check never writes")
        setup.fixture.run(IndexIntegrityTests.queries[0])
        #expect(!FileManager.default.fileExists(atPath: stray), "removed by the next query")
        #expect(FileManager.default.fileExists(atPath: running), "another process's build in progress is kept")
        #expect(!setup.fixture.run(["check"]).err.contains(".tmp-"))
    }

    /// The id of a process that has exited (and been reaped), so no process has it for now.
    static func exitedProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}

/// SplitMix64, for seeded damage that is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension UnsafeRawBufferPointer {
    /// A little-endian UInt64 at `offset` (the index's byte order).
    func u64le(_ offset: Int) -> UInt64 { UInt64(littleEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
}
