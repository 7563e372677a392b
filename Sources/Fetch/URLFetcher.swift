import Foundation
import WhosaidCore

/// A URL that ended without a page: why, the last HTTP status seen, and how many requests it took.
public struct URLFetchFailure: Equatable, Sendable {
    public var url: String
    public var status: Int?
    public var attempts: Int
    public var reason: String
    /// The URL that answered last, when redirects were followed.
    public var finalURL: String?
}

/// What a fetch run did, for the summary line.
public struct URLFetchCounts: Equatable, Sendable {
    public var fromCache = 0
    public var downloaded = 0
    public var failed = 0
    public var requests = 0
    public var retries = 0
}

/// Downloads the URLs that are not cached yet into a `RawCache`, politely: at most
/// `policy.concurrency` requests in flight, at most `policy.perHostConcurrency` per host, starts to one
/// host at least `policy.perHostDelay` apart; 408, 429, 5xx and network errors retried with backoff (the
/// whole host waits, which is what a 429 asks for); redirects followed by hand, http and https only.
public final class URLFetcher: @unchecked Sendable {
    public let policy: FetchPolicy
    public let cache: RawCache
    private let progress: (@Sendable (String) -> Void)?

    private struct Job {
        var index: Int
        var url: String
        var current: String
        var chain: [String]
        var requests = 0
        /// Consecutive failed tries of the current hop, for the backoff.
        var failures = 0
        var lastStatus: Int?
    }

    private struct Host {
        var queue: [Job] = []
        var head = 0
        var active = 0
        var nextStart = 0.0
        var pending: Int { queue.count - head }
    }

    private let lock = NSLock()
    private var hosts: [String: Host] = [:]
    private var hostsWithWork: [String] = []
    private var active = 0
    private var remaining = 0
    private var timerDeadline: Double?
    private var failures: [Int: URLFetchFailure] = [:]
    private var counts = URLFetchCounts()
    private var lastProgress = 0.0
    private var total = 0
    private let done = DispatchSemaphore(value: 0)
    private var client: HTTPClient?
    /// When each request was started (monotonic seconds) and to which host: what the politeness rules
    /// are checked against in tests.
    private(set) var requestStarts: [(host: String, time: Double)] = []

    public init(policy: FetchPolicy, cache: RawCache, progress: (@Sendable (String) -> Void)? = nil) {
        self.policy = policy
        self.cache = cache
        self.progress = progress
    }

    private static func now() -> Double { StageReporter.now() }

    /// Fetches every entry not in the cache; returns the failures by index into `urls`. Blocks until
    /// every URL has ended one way or the other.
    public func fetch(_ urls: [String]) -> (failures: [Int: URLFetchFailure], counts: URLFetchCounts) {
        lock.lock()
        failures = [:]
        counts = URLFetchCounts()
        hosts = [:]
        hostsWithWork = []
        var jobs = 0
        for (index, url) in urls.enumerated() {
            if cache.contains(url) { counts.fromCache += 1; continue }
            enqueue(Job(index: index, url: url, current: url, chain: [url]), atFront: false)
            jobs += 1
        }
        remaining = jobs
        total = jobs
        lastProgress = URLFetcher.now()
        lock.unlock()
        if jobs > 0 {
            let client = HTTPClient(policy: policy)
            self.client = client
            pump()
            done.wait()
            client.close()
            self.client = nil
        }
        return lock.withLock { (failures, counts) }
    }

    /// Call with the lock held.
    private func enqueue(_ job: Job, atFront: Bool) {
        let key = FetchURL.hostKey(job.current)
        var host = hosts[key] ?? Host()
        if host.pending == 0 { hostsWithWork.append(key) }
        if atFront && host.head > 0 {
            host.head -= 1
            host.queue[host.head] = job
        } else if atFront {
            host.queue.insert(job, at: 0)
        } else {
            host.queue.append(job)
        }
        hosts[key] = host
    }

    /// Starts every request the limits allow now, and sets a timer for the earliest one they allow later.
    private func pump() {
        var toStart: [Job] = []
        var wait: Double? = nil
        lock.lock()
        let now = URLFetcher.now()
        var stillWaiting: [String] = []
        for key in hostsWithWork {
            guard var host = hosts[key] else { continue }
            while active < policy.concurrency, host.active < policy.perHostConcurrency, host.pending > 0 {
                if now < host.nextStart { wait = min(wait ?? .infinity, host.nextStart - now); break }
                var job = host.queue[host.head]
                host.head += 1
                host.active += 1
                active += 1
                host.nextStart = now + policy.perHostDelay
                job.requests += 1
                counts.requests += 1
                requestStarts.append((key, now))
                toStart.append(job)
            }
            if host.pending > 0 { stillWaiting.append(key) } else { host.queue = []; host.head = 0 }
            hosts[key] = host
        }
        hostsWithWork = stillWaiting
        var scheduleTimer = false
        if let wait, timerDeadline.map({ now + wait < $0 - 0.001 }) ?? true {
            timerDeadline = now + wait
            scheduleTimer = true
        }
        lock.unlock()
        if scheduleTimer, let wait {
            DispatchQueue.global().asyncAfter(deadline: .now() + wait) { [self] in
                lock.withLock { timerDeadline = nil }
                pump()
            }
        }
        for job in toStart {
            client?.get(job.current) { [self] result in finish(job, result) }
        }
    }

    private func finish(_ job: Job, _ result: Result<HTTPAnswer, HTTPRequestFailure>) {
        var job = job
        let key = FetchURL.hostKey(job.current)
        let outcome = decide(&job, result)
        lock.lock()
        hosts[key, default: Host()].active -= 1
        active -= 1
        switch outcome {
        case .page(let page):
            lock.unlock()
            var stored: FetchError? = nil
            do { try cache.store(page) } catch { stored = error }
            lock.lock()
            if let stored {
                failures[job.index] = URLFetchFailure(url: job.url, status: page.status, attempts: job.requests,
                                                      reason: "cannot store the page: \(stored.description)", finalURL: page.finalURL)
                counts.failed += 1
            } else {
                counts.downloaded += 1
            }
            remaining -= 1
        case .failure(let failure):
            failures[job.index] = failure
            counts.failed += 1
            remaining -= 1
        case .retry(let delay):
            counts.retries += 1
            hosts[key, default: Host()].nextStart = max(hosts[key]!.nextStart, URLFetcher.now() + delay)
            enqueue(job, atFront: true)
        case .redirect:
            enqueue(job, atFront: false)
        }
        let finished = remaining == 0
        let report = progressLine()
        lock.unlock()
        if let report { progress?(report) }
        if finished { done.signal() } else { pump() }
    }

    /// Call with the lock held.
    private func progressLine() -> String? {
        guard progress != nil else { return nil }
        let now = URLFetcher.now()
        guard now - lastProgress >= 10 else { return nil }
        lastProgress = now
        return "fetched \(total - remaining) of \(total) URLs (\(counts.failed) failed, \(counts.retries) retries)"
    }

    private enum Outcome {
        case page(CachedPage)
        case failure(URLFetchFailure)
        case retry(after: Double)
        case redirect
    }

    private func decide(_ job: inout Job, _ result: Result<HTTPAnswer, HTTPRequestFailure>) -> Outcome {
        func fail(_ reason: String, status: Int? = job.lastStatus) -> Outcome {
            .failure(URLFetchFailure(url: job.url, status: status, attempts: job.requests, reason: reason,
                                     finalURL: job.chain.count > 1 ? job.current : nil))
        }
        func retryOr(_ reason: String, retryAfter: Double? = nil) -> Outcome {
            job.failures += 1
            if job.failures > policy.retries {
                return fail(job.failures > 1 ? "\(reason) (after \(job.failures) attempts)" : reason)
            }
            return .retry(after: policy.delay(beforeRetry: job.failures, retryAfter: retryAfter))
        }
        let answer: HTTPAnswer
        switch result {
        case .failure(let failure):
            job.lastStatus = nil
            return failure.isRetryable ? retryOr(failure.reason) : fail(failure.reason, status: nil)
        case .success(let a): answer = a
        }
        job.lastStatus = answer.status
        switch answer.status {
        case 200..<300:
            let media = answer.fields["content-type"].flatMap(MediaType.init)
            if let media, !media.isArticleType {
                return fail(HTTPRequestFailure.wrongContentType(media.essence).reason)
            }
            let date = answer.fields["date"].flatMap(HTTPDate.iso8601) ?? HTTPDate.nowISO8601()
            return .page(CachedPage(url: job.url, finalURL: job.current, status: answer.status, contentType: media?.essence,
                                    charset: media?.charset, fetchDate: date, requests: job.requests, body: answer.body))
        case 300..<400 where answer.fields["location"] != nil:
            let location = answer.fields["location"]!
            switch FetchURL.redirectTarget(location, from: job.current) {
            case .failure(.scheme(let scheme)):
                return fail("redirect to a \(scheme): URL refused (only http and https are followed)")
            case .failure(.invalid):
                return fail("redirect to an invalid Location")
            case .success(let target):
                if job.chain.contains(target) { return fail("redirect loop (back to \(target))") }
                if job.chain.count > policy.maximumRedirects {
                    return fail("more than \(policy.maximumRedirects) redirects")
                }
                job.chain.append(target)
                job.current = target
                job.failures = 0
                return .redirect
            }
        case 408, 429, 500..<600:
            let retryAfter = answer.fields["retry-after"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            return retryOr("HTTP \(answer.status)", retryAfter: retryAfter)
        default:
            return fail("HTTP \(answer.status)")
        }
    }
}

/// HTTP dates (RFC 9110 IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT") as ISO 8601.
public enum HTTPDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    public static func iso8601(_ text: String) -> String? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let year = Int(parts[3]),
              let month = months.firstIndex(of: parts[2].lowercased()) else { return nil }
        let time = parts[4].split(separator: ":")
        guard time.count == 3, time.allSatisfy({ $0.count == 2 && Int($0) != nil }), (1...31).contains(day) else { return nil }
        return "\(pad(year, 4))-\(pad(month + 1, 2))-\(pad(day, 2))T\(time[0]):\(time[1]):\(time[2])Z"
    }

    static func nowISO8601() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))T"
            + "\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
