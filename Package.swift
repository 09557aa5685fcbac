// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Kensa",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Kensa", targets: ["Kensa"]),
        .executable(name: "kensa", targets: ["KensaCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "KensaYAML", dependencies: ["CYAML"]),
        .target(
            name: "Kensa",
            dependencies: [
                "KensaYAML",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "KensaCLI",
            dependencies: [
                "Kensa",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "kensa-bench", dependencies: ["Kensa"], path: "Benchmarks/KensaBench"),
        .testTarget(name: "KensaYAMLTests", dependencies: ["KensaYAML"]),
        .testTarget(name: "KensaTests", dependencies: ["Kensa"], exclude: ["Cases"]),
        .testTarget(name: "KensaAPITests", dependencies: ["Kensa"]),
        .testTarget(name: "KensaCLITests", dependencies: ["KensaCLI"]),
    ]
)
