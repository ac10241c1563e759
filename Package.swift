// swift-tools-version:6.0
import PackageDescription

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "rlt",
    products: [
        .executable(name: "rlt", targets: ["rlt"]),
        .executable(name: "rlt-generate", targets: ["rlt-generate"]),
        .library(name: "ReviewLearning", targets: ["ReviewLearning"]),
    ],
    targets: [
        .target(name: "ReviewLearning", swiftSettings: strictness),
        .target(name: "RLTCommandLine", dependencies: ["ReviewLearning"], swiftSettings: strictness),
        .executableTarget(name: "rlt", dependencies: ["RLTCommandLine"], swiftSettings: strictness),
        // A deterministic synthetic store for benchmarks and tests (Scripts/bench.sh, docs/PERFORMANCE.md).
        .target(name: "SyntheticStore", dependencies: ["ReviewLearning"], swiftSettings: strictness),
        .executableTarget(
            name: "rlt-generate", dependencies: ["SyntheticStore", "ReviewLearning"],
            swiftSettings: strictness),
        .testTarget(
            name: "ReviewLearningTests", dependencies: ["ReviewLearning", "SyntheticStore"], swiftSettings: strictness),
        .testTarget(
            name: "RLTCommandLineTests", dependencies: ["RLTCommandLine", "ReviewLearning", "SyntheticStore"],
            swiftSettings: strictness),
        .testTarget(
            name: "EndToEndTests", dependencies: ["rlt"], swiftSettings: strictness),
    ],
    swiftLanguageModes: [.v6]
)
