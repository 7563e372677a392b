// swift-tools-version:6.0
// Fuzz targets for the parts of whosaid that read untrusted input: the HTML normalizer and extraction.
// Built only by `make fuzz` (with -sanitize=fuzzer and -parse-as-library: libFuzzer supplies main).
import PackageDescription

let package = Package(
    name: "whosaid-fuzz",
    dependencies: [.package(name: "whosaid", path: "../..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzNormalize", dependencies: [
            "FuzzDriver",
            .product(name: "WhosaidLibraries", package: "whosaid"),
        ]),
        .executableTarget(name: "FuzzExtract", dependencies: [
            "FuzzDriver",
            .product(name: "WhosaidLibraries", package: "whosaid"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
