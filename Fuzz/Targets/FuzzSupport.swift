// Shared by the libFuzzer targets in Fuzz/Targets, which are compiled into the module RLTFuzzTargets against
// ReviewLearning and RLTCommandLine built with -enable-testing, so @testable import reaches their internal types
// (see Fuzz/build.sh).
import Foundation
@testable import ReviewLearning

#if canImport(Glibc)
    import Glibc
#endif

/// A property the code under test must keep; a broken one aborts, so libFuzzer saves the input as a crash.
func fuzzRequire(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        FileHandle.standardError.write(Data("fuzz property broken: \(message())\n".utf8))
        abort()
    }
}

/// The fuzz input as bytes.
func fuzzBytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}
