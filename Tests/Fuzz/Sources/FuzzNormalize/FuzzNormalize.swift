import Normalize
import WhosaidCore
#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer entry point: any bytes, as an HTML page, must give an article or a NormalizeError, never a crash.
func fuzzNormalize(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let document = RawDocument(source: "fuzz.html", bytes: bytes, contentType: "text/html")
    if let article = try? Normalizer().normalize(document) {
        // Whatever comes out must serialise and read back as the same record.
        let line = article.json().serialized()
        precondition((try? Article(json: JSONValue.parse(line))) == article)
    }
    return 0
}

// SwiftPM links an executable target with `main` pointing at `<target>_main`; with -parse-as-library there
// is no generated one, so this function is that entry point and hands control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_cdecl("FuzzNormalize_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector) { data, size in fuzzNormalize(data, size) }
}
