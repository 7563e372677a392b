import Normalize
import FuzzDriver
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

@_cdecl("FuzzNormalize_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzNormalize(data, size) }
}
