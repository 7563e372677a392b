/// How politely and how patiently URLs are fetched. The defaults are meant for other people's servers:
/// few requests at a time per host, a pause between them, and a bounded number of retries.
public struct FetchPolicy: Sendable {
    /// Requests in flight at once, over all hosts.
    public var concurrency = 8
    /// Requests in flight at once to one host.
    public var perHostConcurrency = 2
    /// Seconds between the starts of two requests to the same host.
    public var perHostDelay = 1.0
    /// Seconds a request may take, from sending it to the last byte of the body.
    public var timeout = 30.0
    /// Attempts after the first on 408, 429, 5xx and network errors (timeouts, refused connections).
    public var retries = 3
    /// The first retry waits this long; each further one twice as long, up to `maximumBackoff`.
    /// A Retry-After header, when given, is used instead (also capped).
    public var backoff = 1.0
    public var maximumBackoff = 60.0
    public var maximumRedirects = 5
    /// Bodies larger than this (after content decoding) are refused.
    public var maximumBodyBytes = 8 << 20
    public var userAgent = FetchPolicy.defaultUserAgent

    public static let defaultUserAgent = "whosaid-fetch/0.1 (news quote research; batch fetch of listed URLs)"

    public init() {}

    /// The wait before retry number `retry` (1-based), given the server's Retry-After in seconds, if any.
    public func delay(beforeRetry retry: Int, retryAfter: Double?) -> Double {
        if let retryAfter, retryAfter >= 0 { return min(retryAfter, maximumBackoff) }
        var wait = backoff
        for _ in 1..<max(1, retry) { wait *= 2 }
        return min(wait, maximumBackoff)
    }
}
