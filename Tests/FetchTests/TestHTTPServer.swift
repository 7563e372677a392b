import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 (a free port), in the test process: one thread per connection,
/// one response per connection. It answers what `route` says and remembers what it was asked.
final class TestHTTPServer: @unchecked Sendable {
    struct Response: Sendable {
        var status: Int = 200
        var headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")]
        var body: [UInt8] = []
        /// Seconds to wait before answering.
        var delay: Double = 0
        /// Send no Content-Length: the body ends when the connection closes.
        var closeDelimited = false
        /// Close the connection without answering at all.
        var hangUp = false

        static func html(_ text: String) -> Response { Response(body: Array(text.utf8)) }
        static func status(_ code: Int, headers: [(String, String)] = []) -> Response {
            Response(status: code, headers: headers + [("Content-Type", "text/html")], body: Array("<p>status \(code)</p>".utf8))
        }
        static func redirect(_ location: String, status: Int = 302) -> Response {
            Response(status: status, headers: [("Location", location)], body: [])
        }
    }

    struct Request: Sendable {
        var path: String
        var headers: [String: String]
        var time: Double
    }

    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var requests: [Request] = []
    private var active = 0
    private(set) var maximumActive = 0
    private let route: @Sendable (_ path: String, _ hit: Int) -> Response

    var base: String { "http://127.0.0.1:\(port)" }

    init(route: @escaping @Sendable (_ path: String, _ hit: Int) -> Response) throws {
        self.route = route
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw ServerError.setup("socket") }
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else { close(listener); throw ServerError.setup("bind/listen") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in
            while true {
                let connection = accept(listener, nil, nil)
                if connection < 0 {
                    if errno == EINTR { continue }
                    return
                }
                Thread.detachNewThread { [self] in serve(connection) }
            }
        }
    }

    enum ServerError: Error { case setup(String) }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// How many times `path` was asked for.
    func hits(_ path: String) -> Int { lock.withLock { requests.filter { $0.path == path }.count } }

    var allRequests: [Request] { lock.withLock { requests } }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var head: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while head.count < 65536 {
            let n = chunk.withUnsafeMutableBufferPointer { recv(connection, $0.baseAddress!, $0.count, 0) }
            if n <= 0 { return }
            head.append(contentsOf: chunk[0..<n])
            if head.count >= 4, head.suffix(4) == [13, 10, 13, 10] { break }
        }
        let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines.first?.split(separator: " ") ?? []
        guard requestLine.count >= 2 else { return }
        let path = String(requestLine[1])
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let hit: Int = lock.withLock {
            requests.append(Request(path: path, headers: headers, time: Date().timeIntervalSinceReferenceDate))
            active += 1
            maximumActive = max(maximumActive, active)
            return requests.filter { $0.path == path }.count
        }
        defer { lock.withLock { active -= 1 } }
        let response = route(path, hit)
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        if response.hangUp { return }
        var text = "HTTP/1.1 \(response.status) Status\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        if !response.closeDelimited { text += "Content-Length: \(response.body.count)\r\n" }
        text += "Connection: close\r\n\r\n"
        guard send(connection, Array(text.utf8)) else { return }
        var offset = 0
        while offset < response.body.count {
            let end = min(offset + 65536, response.body.count)
            guard send(connection, Array(response.body[offset..<end])) else { return }
            offset = end
        }
    }

    private func send(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBufferPointer { Glibc.send(connection, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }
}

/// A fresh folder under the system's temporary folder, for one test.
func temporaryFolder(_ name: String) -> String {
    let path = NSTemporaryDirectory() + "whosaid-fetch-tests-\(name)-\(getpid())-\(UInt32.random(in: 0..<UInt32.max))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
