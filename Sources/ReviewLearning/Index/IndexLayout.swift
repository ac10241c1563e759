/// The layout of an index file (`.index/base` or `.index/overlay`), named once for the reader (`IndexFile`,
/// `IndexHeader`, `IndexTable`) and the writer (`IndexWriter`). All numbers are little-endian.
///
///     header (128 bytes)  "RLTINDEX", u32 format version, u32 store schema, u32 kind, u32 entry count,
///                         u64 entries, u64 names, u64 names length, u64 hot, u64 hot length, u64 active,
///                         u64 active length, u64 cold, u64 cold length, u64 file length, u64 checksum,
///                         i64 created (ns), u64 0
///     entries             96 bytes per review file, sorted by file name (`compareNames`; `Entry`)
///     names               u32 length + UTF-8 file name (without `.json`), per entry
///     hot, active, cold   the review blobs, one after another in entry order (`BlobLayout`)
///
/// The checksum covers every byte: the header (with the checksum zeroed), the entries, the names, and the hot,
/// active and cold sections (each hashed on its own, then the three sums). Any mismatch, and any header field out
/// of place (`IndexHeader`), makes the whole file unusable: it is rebuilt.
enum IndexLayout {
    static let magic: [UInt8] = Array("RLTINDEX".utf8)
    /// Bump when the layout or the meaning of any field changes: older files are then rebuilt. (2: the checksum
    /// covers the text sections too; 3: review fields, finding, outcome and update texts, for search and the review
    /// and finding listings; 4: current outcomes and latest progress notes; 5: last updates count from a history
    /// entry's reported date, `on`; 6: schema-2 record details; 7: the review stage dates of schema 3.)
    static let formatVersion: UInt32 = 7
    static let headerSize = 128
    static let entrySize = 96
    /// A name in the names section: its u32 length, then its bytes from here.
    static let nameBytes = 4

    /// Offsets in the header.
    enum Header {
        static let magic = 0, formatVersion = 8, schema = 12, kind = 16, entryCount = 20, entries = 24
        /// The sections after the entries, back to back in this order: each a u64 offset, then a u64 length
        /// (`spanLength` further on).
        static let names = 32, hot = 48, active = 64, cold = 80
        static let spanLength = 8
        static let fileLength = 96, checksum = 104, created = 112, reserved = 120
    }

    /// Offsets in an entry. Its regions of the hot, active and cold sections are each an offset (u64, from the
    /// section's start) and a length (u32).
    enum Entry {
        /// u32: where the entry's name is in the file.
        static let name = 0
        /// u32: `racy` and `missing`.
        static let flags = 4
        /// The file's key: u64 size, i64 modification and change times (ns), u64 inode and device.
        static let size = 8, mtime = 16, ctime = 24, inode = 32, device = 40
        /// u64: the content hash of a racy file (checked on every read).
        static let contentHash = 48
        static let hotOffset = 56, hotLength = 64, activeLength = 68, activeOffset = 72, coldOffset = 80
        static let coldLength = 88, reserved = 92

        /// Flags: modified within `IndexFile.racyWindow` of being indexed; a file that vanished while the index was
        /// written (its place kept, never used).
        static let racy: UInt32 = 1, missing: UInt32 = 2
    }
}
