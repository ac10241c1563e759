// swift-tools-version:6.0
import PackageDescription

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// Release builds link the Swift runtime and Foundation statically (as `--static-swift-stdlib` does): a
/// self-contained `rlt` that can be copied onto PATH, starts in half the time and needs a third less memory
/// (docs/PERFORMANCE.md). Debug builds and tests link dynamically, as before.
let staticRelease: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
let staticLink: [LinkerSetting] = [.unsafeFlags(["-static-stdlib", "-use-ld=lld"], .when(platforms: [.linux], configuration: .release))]

let package = Package(
    name: "rlt",
    products: [
        .executable(name: "rlt", targets: ["rlt"]),
        .executable(name: "rlt-generate", targets: ["rlt-generate"]),
        .library(name: "ReviewLearning", targets: ["ReviewLearning"]),
    ],
    targets: [
        .target(name: "ReviewLearning", swiftSettings: strictness + staticRelease),
        .target(name: "RLTCommandLine", dependencies: ["ReviewLearning"], swiftSettings: strictness + staticRelease),
        .executableTarget(
            name: "rlt", dependencies: ["RLTCommandLine"], swiftSettings: strictness + staticRelease,
            linkerSettings: staticLink),
        // A deterministic synthetic store for benchmarks and tests (Scripts/bench.sh, docs/PERFORMANCE.md).
        .target(name: "SyntheticStore", dependencies: ["ReviewLearning"], swiftSettings: strictness + staticRelease),
        .executableTarget(
            name: "rlt-generate", dependencies: ["SyntheticStore", "ReviewLearning"],
            swiftSettings: strictness + staticRelease, linkerSettings: staticLink),
        .testTarget(
            name: "ReviewLearningTests", dependencies: ["ReviewLearning", "SyntheticStore"], swiftSettings: strictness),
        .testTarget(
            name: "RLTCommandLineTests", dependencies: ["RLTCommandLine", "ReviewLearning", "SyntheticStore"],
            swiftSettings: strictness),
        .testTarget(
            // The completion tests read the command table in-process to know what every shell should offer.
            name: "EndToEndTests", dependencies: ["rlt", "RLTCommandLine", "ReviewLearning"], swiftSettings: strictness),
    ],
    swiftLanguageModes: [.v6]
)
