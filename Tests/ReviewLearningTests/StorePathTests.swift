import Foundation
import Testing

@testable import ReviewLearning

@Suite("Store path that is not a directory")
struct StorePathTests {
    @Test("a file as the store is named as not a directory")
    func fileAsStore() throws {
        let directory = TemporaryDirectory()
        try directory.write("not a store", to: "file")
        let store = Store(root: "\(directory.path)/file")
        #expect(throws: StoreError.notADirectory(path: "\(directory.path)/file")) { try store.loadTracker() }
        #expect(throws: StoreError.notADirectory(path: "\(directory.path)/file")) { try store.requireStore() }
        #expect(throws: StoreError.notADirectory(path: "\(directory.path)/file/inner")) {
            try Store(root: "\(directory.path)/file/inner").loadTracker()
        }
        #expect(throws: StoreError.notAStore(path: "\(directory.path)/none")) { try Store(root: "\(directory.path)/none").loadTracker() }
        #expect(throws: StoreError.self) {
            try Store.create(at: "\(directory.path)/file", name: "x", now: "2024-03-01T09:30:00Z", author: "t")
        }
        #expect(directory.bytes("file") == Data("not a store".utf8))
    }
}
