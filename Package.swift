// swift-tools-version:6.1
import PackageDescription

/// Every module names what it uses: a file sees the members of only the modules it imports.
let strict: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

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
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(name: "TunetDomain", swiftSettings: strict),
        .target(name: "TunetText", dependencies: ["TunetDomain"], swiftSettings: strict),
        .target(name: "TunetJSON", swiftSettings: strict),
        .systemLibrary(name: "CSpawn"),
        .target(name: "TunetChildProcess", dependencies: ["CSpawn"], swiftSettings: strict),
        .target(name: "TunetSideBySide", swiftSettings: strict),
        .target(name: "TunetStorage", dependencies: ["TunetDomain", "TunetJSON"], swiftSettings: strict),
        .systemLibrary(name: "CSQLiteSettings"),
        .target(
            name: "TunetStoreSQLite",
            dependencies: ["TunetDomain", "TunetStorage", "TunetJSON", "TunetSideBySide", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift"), "CSQLiteSettings", "CZlib"],
            swiftSettings: strict
        ),
        .target(
            name: "TunetStorePostgres",
            dependencies: ["TunetDomain", "TunetStorage", "TunetJSON", "TunetChildProcess", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .systemLibrary(name: "CHeap"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "TunetFiles", dependencies: ["TunetDomain", "CZlib"], swiftSettings: strict),
        .target(name: "TunetSpreadsheet", dependencies: ["CXLSXWriter", "TunetDomain"], swiftSettings: strict),
        .target(
            name: "TunetReportCatalogue",
            path: "Reports",
            exclude: ["README.md", "output"],
            sources: ["ReportCatalogueFile.swift"],
            resources: [.copy("catalogue.json")],
            swiftSettings: strict
        ),
        .target(
            name: "TunetApp",
            dependencies: [
                "TunetDomain", "TunetText", "TunetJSON", "TunetStorage", "TunetStoreSQLite", "TunetStorePostgres", "TunetFiles", "TunetSpreadsheet", "TunetReportCatalogue", "CHeap",
                "TunetSideBySide",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "TunetFixtures",
            dependencies: ["TunetApp", "TunetDomain", "TunetStorage"],
            swiftSettings: strict
        ),
        .target(
            name: "TunetHTTP",
            dependencies: [
                "TunetApp", "TunetDomain", "TunetJSON", "TunetText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationEssentialsCompat", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Pages/Templates"), .copy("Pages/Assets")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "tunet",
            dependencies: [
                "TunetApp", "TunetDomain", "TunetFixtures", "TunetHTTP", "TunetJSON", "TunetText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .target(name: "TunetTestSupport", dependencies: ["TunetDomain", "TunetText", "TunetChildProcess"], path: "Tests/TunetTestSupport", swiftSettings: strict),
        .testTarget(name: "TunetDomainTests", dependencies: ["TunetTestSupport", "TunetDomain", "TunetText"]),
        .testTarget(name: "TunetJSONTests", dependencies: ["TunetJSON", "TunetDomain"]),
        .testTarget(name: "TunetSideBySideTests", dependencies: ["TunetSideBySide"]),
        .testTarget(name: "TunetTextTests", dependencies: ["TunetText", "TunetDomain"]),
        .testTarget(name: "TunetStoreSQLiteTests", dependencies: ["TunetTestSupport", "TunetChildProcess", "TunetStoreSQLite", "TunetStorage", "TunetDomain", "TunetJSON",
                                                            .product(name: "GRDB", package: "GRDB.swift"), "TunetText"]),
        .testTarget(name: "TunetStorePostgresTests", dependencies: ["TunetTestSupport", "TunetStorePostgres", "TunetStoreSQLite", "TunetStorage", "TunetApp",
                                                              "TunetFixtures", "TunetDomain", "TunetText",
                                                              .product(name: "PostgresNIO", package: "postgres-nio")]),
        .testTarget(name: "TunetFilesTests", dependencies: ["TunetTestSupport", "TunetFiles", "TunetSpreadsheet", "TunetText", "TunetDomain"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "TunetAppTests", dependencies: ["TunetTestSupport", "TunetApp", "TunetFixtures", "TunetStorage", "TunetStoreSQLite", "TunetDomain", "TunetText", "TunetJSON",
                                                         .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "TunetSpreadsheetTests", dependencies: ["TunetTestSupport", "TunetSpreadsheet", "TunetDomain", "CXLSXWriter"]),
        .testTarget(name: "ArchitectureTests"),
        .testTarget(name: "TunetChildProcessTests", dependencies: ["TunetChildProcess"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TunetTestSupport", "TunetChildProcess", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "TunetHTTPTests", dependencies: ["TunetTestSupport", "TunetChildProcess", "TunetHTTP", "TunetApp", "TunetFixtures", "TunetFiles", "TunetStorage", "TunetStoreSQLite", "TunetDomain", "TunetText"]),
    ]
)

// libFuzzer targets, built only for fuzzing (RELIABILITY.md): `TUNET_FUZZ=1 scripts/fuzz NAME`.
if Context.environment["TUNET_FUZZ"] != nil {
    for (name, dependencies) in [
        ("FuzzCSVReader", ["TunetFiles"]),
        ("FuzzXLSXReader", ["TunetFiles"]),
        ("FuzzAttendanceValidation", ["TunetFiles", "TunetDomain"]),
        ("FuzzEHFReader", ["TunetFiles", "TunetDomain"]),
    ] as [(String, [Target.Dependency])] {
        package.targets.append(.executableTarget(name: name, dependencies: dependencies, path: "Fuzz/\(name)",
                                                 swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
    }
}
