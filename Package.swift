// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Tunet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tunet", targets: ["tunet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(name: "TunetDomain"),
        .target(name: "TunetText", dependencies: ["TunetDomain"]),
        .target(name: "TunetJSON"),
        .systemLibrary(name: "CSQLiteSettings"),
        .target(
            name: "TunetStore",
            dependencies: ["TunetDomain", "TunetJSON", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift"), "CSQLiteSettings"]
        ),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "TunetFiles", dependencies: ["TunetDomain", "CZlib"]),
        .target(name: "TunetSpreadsheet", dependencies: ["CXLSXWriter", "TunetDomain"]),
        .target(
            name: "TunetReportCatalogue",
            path: "Reports",
            exclude: ["README.md", "output"],
            sources: ["ReportCatalogueFile.swift"],
            resources: [.copy("catalogue.json")]
        ),
        .target(
            name: "TunetApp",
            dependencies: [
                "TunetDomain", "TunetText", "TunetStore", "TunetFiles", "TunetSpreadsheet", "TunetReportCatalogue",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "TunetHTTP",
            dependencies: [
                "TunetApp", "TunetJSON", "TunetText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "tunet",
            dependencies: [
                "TunetApp", "TunetHTTP", "TunetJSON", "TunetText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TunetDomainTests", dependencies: ["TunetDomain", "TunetText"]),
        .testTarget(name: "TunetJSONTests", dependencies: ["TunetJSON", "TunetDomain"]),
        .testTarget(name: "TunetTextTests", dependencies: ["TunetText", "TunetDomain"]),
        .testTarget(name: "TunetStoreTests", dependencies: ["TunetStore", "TunetJSON", .product(name: "GRDB", package: "GRDB.swift"), "TunetText"]),
        .testTarget(name: "TunetFilesTests", dependencies: ["TunetFiles", "TunetSpreadsheet", "TunetText"]),
        .testTarget(name: "TunetAppTests", dependencies: ["TunetApp", "TunetText"]),
        .testTarget(name: "TunetSpreadsheetTests", dependencies: ["TunetSpreadsheet", "CXLSXWriter"]),
        .testTarget(name: "EndToEndTests", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "TunetHTTPTests", dependencies: ["TunetHTTP", "TunetApp", "TunetText"]),
    ]
)

// libFuzzer targets, built only for fuzzing (RELIABILITY.md): `TUNET_FUZZ=1 scripts/fuzz NAME`.
if Context.environment["TUNET_FUZZ"] != nil {
    for (name, dependencies) in [
        ("FuzzCSVReader", ["TunetFiles"]),
        ("FuzzXLSXReader", ["TunetFiles"]),
        ("FuzzAttendanceValidation", ["TunetFiles", "TunetDomain"]),
    ] as [(String, [Target.Dependency])] {
        package.targets.append(.executableTarget(name: name, dependencies: dependencies, path: "Fuzz/\(name)",
                                                 swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
    }
}
