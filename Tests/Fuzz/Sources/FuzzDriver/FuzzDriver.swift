// SwiftPM links an executable target with `main` pointing at `<target>_main`; with -parse-as-library there is
// no generated one, so each fuzz target defines that symbol and calls `runFuzzer`, which hands control to
// libFuzzer's own driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

public func runFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32 {
    var count = argc
    var vector = argv
    return runFuzzerDriver(&count, &vector, callback)
}
