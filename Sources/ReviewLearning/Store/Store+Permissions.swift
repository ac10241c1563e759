#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Store {
    /// Gives rlt's files in the store `fileMode` and its directories the matching search permission.
    ///
    /// Writes create files with the store's mode, but a file not rewritten since `file_mode` changed, and the
    /// directories made when the store was created, keep the old one; a group could not read a store set to 0640
    /// until this runs. Only what rlt itself creates is touched (not, say, a README beside `tracker.json`), and
    /// symbolic links are left alone.
    public func applyPermissions(fileMode: UInt32) throws(StoreError) {
        let directoryMode = Settings.directoryPermissions(forFiles: fileMode)
        let index = "\(root)/\(StoreIndex.directoryName)"
        let staging = Staging(root: root).directory
        for directory in [root, reviewsDirectory, index, staging] {
            try FileSystem.setMode(directory, directoryMode)
        }
        var files = [trackerPath, eventsPath, "\(root)/.lock", "\(root)/.gitignore", "\(staging)/.gitignore"]
        files += try reviewIDs().map(reviewPath)
        files += try FileSystem.list(index).filter { !$0.contains(".tmp-") }.map { "\(index)/\($0)" }
        for file in files {
            try FileSystem.setMode(file, fileMode)
        }
    }
}
