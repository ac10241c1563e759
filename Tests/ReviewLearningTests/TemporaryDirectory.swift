import Foundation

/// A fresh directory under the system temp folder, removed when the test is done with it.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "rlt-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func bytes(_ relative: String) -> Data? { FileManager.default.contents(atPath: "\(path)/\(relative)") }

    func write(_ text: String, to relative: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(path)/\(relative)"))
    }

    func mode(_ relative: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: "\(path)/\(relative)"))?[.posixPermissions] as? Int
    }
}
