// The libFuzzer entry point of one target, chosen at build time with -D FUZZ_DATE, FUZZ_CSV, FUZZ_ARGS or
// FUZZ_STORE. The targets themselves are compiled once into the RLTFuzzTargets library (see Fuzz/build.sh).
import RLTFuzzTargets

@_cdecl("LLVMFuzzerTestOneInput")
public func rltFuzzEntry(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    #if FUZZ_DATE
        return fuzzDate(data, size)
    #elseif FUZZ_CSV
        return fuzzCSV(data, size)
    #elseif FUZZ_ARGS
        return fuzzArguments(data, size)
    #elseif FUZZ_STORE
        return fuzzStoreLoader(data, size)
    #else
        #error("build with -D FUZZ_DATE, FUZZ_CSV, FUZZ_ARGS or FUZZ_STORE")
    #endif
}
