// swift-tools-version:6.0
// whosaid: who said what, about whom, reported by whom, from a corpus of English news articles.
import PackageDescription

let package = Package(
    name: "whosaid",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "whosaid-fetch", targets: ["whosaid-fetch"]),
        .executable(name: "whosaid-extract", targets: ["whosaid-extract"]),
        .executable(name: "whosaid-load", targets: ["whosaid-load"]),
        .executable(name: "whosaid", targets: ["whosaid"]),
        // The libraries, for the fuzz targets in Tests/Fuzz.
        .library(name: "WhosaidLibraries", targets: ["WhosaidCore", "Normalize", "Language", "Entities", "Quotes"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C libraries from the system, each behind a module map and a shim header.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Libraries: one concern each. They meet only through the records in WhosaidCore.
        .target(name: "WhosaidCore"),
        // The command-line options and exit handling every stage shares.
        .target(name: "StageCommand", dependencies: [
            "WhosaidCore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "Fetch", dependencies: ["WhosaidCore", "CZlib"]),
        .target(name: "Normalize", dependencies: ["WhosaidCore", "CLibXML2"]),
        .target(name: "Language", dependencies: ["WhosaidCore"]),
        // The tagger's model and the gazetteers live in data/models and data/lexicons (linked into Resources).
        .target(name: "Entities", dependencies: ["WhosaidCore", "Language"],
                resources: [.copy("Resources/lexicons"), .copy("Resources/models")]),
        .target(name: "Quotes", dependencies: ["WhosaidCore", "Language", "Entities"]),
        .target(name: "Store", dependencies: ["WhosaidCore", "CSQLite3"]),

        // Executables: argument parsing and wiring only.
        .executableTarget(name: "whosaid-fetch", dependencies: [
            "WhosaidCore", "StageCommand", "Fetch", "Normalize",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "whosaid-extract", dependencies: [
            "WhosaidCore", "StageCommand", "Language", "Entities", "Quotes",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "whosaid-load", dependencies: [
            "WhosaidCore", "StageCommand", "Store",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Trains, scores and times the entity recognizer (make train, eval-entities, bench-entities).
        .executableTarget(name: "whosaid-ner", dependencies: [
            "WhosaidCore", "Language", "Entities",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "whosaid", dependencies: [
            "WhosaidCore", "Store",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "WhosaidCoreTests", dependencies: ["WhosaidCore"]),
        .testTarget(name: "FetchTests", dependencies: ["Fetch", "WhosaidCore"]),
        .testTarget(name: "NormalizeTests", dependencies: ["Normalize", "WhosaidCore"]),
        .testTarget(name: "LanguageTests", dependencies: ["Language", "WhosaidCore"]),
        .testTarget(name: "EntitiesTests", dependencies: ["Entities", "Language", "WhosaidCore"]),
        .testTarget(name: "QuotesTests", dependencies: ["Quotes", "Entities", "Language", "WhosaidCore"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "WhosaidCore"]),
        .testTarget(name: "EndToEndTests", dependencies: ["WhosaidCore", "Store"]),
    ],
    swiftLanguageModes: [.v6]
)
