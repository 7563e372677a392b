import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request's answer: never followed redirects, so a 3xx comes back as it is.
struct HTTPAnswer: Sendable {
    var status: Int
    /// Header fields with lower-cased names.
    var fields: [String: String]
    var body: [UInt8]
}

/// Why one HTTP request gave no answer.
enum HTTPRequestFailure: Error, Equatable, Sendable {
    case timedOut
    case network(String)
    case tooLarge(limit: Int)
    case wrongContentType(String)

    /// Worth trying again later: the network may recover; a refused body will not.
    var isRetryable: Bool {
        switch self {
        case .timedOut, .network: true
        case .tooLarge, .wrongContentType: false
        }
    }

    var reason: String {
        switch self {
        case .timedOut: "timed out"
        case .network(let why): "network error: \(why)"
        case .tooLarge(let limit): "body larger than the limit of \(limit) bytes"
        case .wrongContentType(let type): "content type \(type) is not an article type (HTML, XHTML or plain text)"
        }
    }
}

/// Single HTTP GETs over URLSession (FoundationNetworking, libcurl underneath), each answered through a
/// completion handler. Redirects are never followed here: the delegate refuses them so the caller can
/// check each Location itself. (On Linux, URLSession would turn `Location: file:///etc/passwd` into a
/// request for `/etc/passwd` on the same host, so its own redirect handling cannot be trusted.)
final class HTTPClient: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    typealias Completion = @Sendable (Result<HTTPAnswer, HTTPRequestFailure>) -> Void

    private final class Exchange {
        let completion: Completion
        var response: HTTPURLResponse?
        var body: [UInt8] = []
        var refusal: HTTPRequestFailure?
        init(completion: @escaping Completion) { self.completion = completion }
    }

    private let policy: FetchPolicy
    private let lock = NSLock()
    private var exchanges: [Int: Exchange] = [:]
    private var session: URLSession!
    private let delegateQueue: OperationQueue

    init(policy: FetchPolicy) {
        self.policy = policy
        delegateQueue = OperationQueue()
        delegateQueue.maxConcurrentOperationCount = 1
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.timeout
        configuration.timeoutIntervalForResource = policy.timeout
        configuration.httpMaximumConnectionsPerHost = max(1, policy.perHostConcurrency)
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: delegateQueue)
    }

    /// Ends the session (it holds its delegate, this object, until then).
    func close() { session.finishTasksAndInvalidate() }

    func get(_ urlText: String, completion: @escaping Completion) {
        guard let url = URL(string: urlText) else { completion(.failure(.network("invalid URL"))); return }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: policy.timeout)
        request.setValue(policy.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8", forHTTPHeaderField: "Accept")
        request.setValue("en", forHTTPHeaderField: "Accept-Language")
        let task = session.dataTask(with: request)
        lock.withLock { exchanges[task.taskIdentifier] = Exchange(completion: completion) }
        task.resume()
    }

    private func exchange(_ task: URLSessionTask) -> Exchange? { lock.withLock { exchanges[task.taskIdentifier] } }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        // Never follow: the task then completes with the 3xx response and its Location.
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        guard let exchange = exchange(dataTask), let http = response as? HTTPURLResponse else {
            completionHandler(.cancel)
            return
        }
        exchange.response = http
        // Refuse early what will be refused anyway, before its body is downloaded. (Content-Length is the
        // encoded size; the decoded body is checked again as it arrives.)
        if (200..<300).contains(http.statusCode) {
            if let type = http.value(forHTTPHeaderField: "Content-Type"), let media = MediaType(type), !media.isArticleType {
                exchange.refusal = .wrongContentType(media.essence)
            } else if http.expectedContentLength > Int64(policy.maximumBodyBytes) {
                exchange.refusal = .tooLarge(limit: policy.maximumBodyBytes)
            }
        }
        completionHandler(exchange.refusal == nil ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let exchange = exchange(dataTask), exchange.refusal == nil else { return }
        exchange.body.append(contentsOf: data)
        if exchange.body.count > policy.maximumBodyBytes {
            exchange.refusal = .tooLarge(limit: policy.maximumBodyBytes)
            exchange.body = []
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        guard let exchange = lock.withLock({ exchanges.removeValue(forKey: task.taskIdentifier) }) else { return }
        if let refusal = exchange.refusal { exchange.completion(.failure(refusal)); return }
        if let error {
            let code = (error as NSError).code
            if code == NSURLErrorTimedOut { exchange.completion(.failure(.timedOut)); return }
            exchange.completion(.failure(.network(HTTPClient.describe(error))))
            return
        }
        guard let response = exchange.response else { exchange.completion(.failure(.network("no response"))); return }
        var fields: [String: String] = [:]
        for (key, value) in response.allHeaderFields {
            if let name = key as? String, let text = value as? String { fields[name.lowercased()] = text }
        }
        exchange.completion(.success(HTTPAnswer(status: response.statusCode, fields: fields, body: exchange.body)))
    }

    /// A fixed text per kind of failure: libcurl's own messages carry timings ("after 3 ms"), and the
    /// failures file must come out the same on every run.
    private static func describe(_ error: Error) -> String {
        switch (error as NSError).code {
        case NSURLErrorCannotConnectToHost: "cannot connect to the host"
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: "host not found"
        case NSURLErrorNetworkConnectionLost: "connection lost"
        case NSURLErrorNotConnectedToInternet: "not connected to a network"
        case NSURLErrorSecureConnectionFailed: "TLS connection failed"
        case NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasBadDate, NSURLErrorServerCertificateNotYetValid,
             NSURLErrorServerCertificateHasUnknownRoot: "the server's TLS certificate is not trusted"
        case NSURLErrorBadServerResponse, NSURLErrorCannotParseResponse: "the server's response is not valid HTTP"
        case NSURLErrorZeroByteResource: "empty response"
        case NSURLErrorCannotDecodeContentData, NSURLErrorCannotDecodeRawData: "the body cannot be decoded"
        case let code: "URL error \(code)"
        }
    }
}
