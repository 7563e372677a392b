#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exit statuses shared by every whosaid command (documented in the README).
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// Some inputs were rejected; everything else was written.
    case rejectedInputs = 65
    /// The output could not be written, or an input could not be read at all.
    case ioFailure = 74
    /// Usage errors exit with 64, as swift-argument-parser reports them.
    case usage = 64
}

/// Where a stage's diagnostics go: stderr by default, a closure in tests.
public struct DiagnosticSink: Sendable {
    public let write: @Sendable (String) -> Void
    public let isTerminal: Bool

    public init(isTerminal: Bool = false, write: @escaping @Sendable (String) -> Void) {
        self.write = write
        self.isTerminal = isTerminal
    }

    public static let standardError = DiagnosticSink(isTerminal: isatty(2) == 1) { text in
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { p in _ = Glibc.write(2, p.baseAddress!, p.count) }
    }
}

/// Counts a stage's records, prints progress and rejects as it goes and one summary line at the end.
/// Records never carry clock values; only these stderr lines do.
public final class StageReporter {
    public let command: String
    public let quiet: Bool
    private let sink: DiagnosticSink
    private let startTime: Double
    private var lastProgress: Double
    private var rejectsOutput: OutputStream?
    public private(set) var recordsIn = 0
    public private(set) var recordsOut = 0
    public private(set) var rejected = 0

    public init(command: String, quiet: Bool, rejectsPath: String? = nil, sink: DiagnosticSink = .standardError) throws(StreamError) {
        self.command = command
        self.quiet = quiet
        self.sink = sink
        startTime = StageReporter.now()
        lastProgress = startTime
        if let rejectsPath { rejectsOutput = try OutputStream(path: rejectsPath) }
    }

    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    public var elapsedSeconds: Double { StageReporter.now() - startTime }

    public func countIn(_ n: Int = 1) { recordsIn += n; maybeProgress() }
    public func countOut(_ n: Int = 1) { recordsOut += n }

    /// An input that could not be used: one line naming where it came from, and a rejects record.
    public func reject(source: String, line: Int? = nil, reason: String) {
        rejected += 1
        let location = line.map { "\(source):\($0)" } ?? source
        sink.write("\(command): \(location): \(reason)\n")
        var record: [String: JSONValue] = ["stage": .string(command), "source": .string(source), "reason": .string(reason)]
        record["line"] = line.map(JSONValue.int) ?? .null
        try? rejectsOutput?.write(line: .object(record))
    }

    /// A message the user should see even with --quiet.
    public func error(_ message: String) { sink.write("\(command): error: \(message)\n") }

    public func note(_ message: String) { if !quiet { sink.write("\(command): \(message)\n") } }

    private func maybeProgress() {
        guard !quiet, recordsIn % 64 == 0 else { return }
        let t = StageReporter.now()
        let interval = sink.isTerminal ? 0.5 : 10
        guard t - lastProgress >= interval else { return }
        lastProgress = t
        let line = "\(command): \(recordsIn) in, \(recordsOut) out, \(rejected) rejected, \(StageReporter.format(t - startTime)) s"
        sink.write(sink.isTerminal ? "\r\(line)\u{1B}[K" : line + "\n")
    }

    static func format(_ seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// Ends the run: commits the rejects file and prints the summary. Returns the exit status to use.
    @discardableResult
    public func finish(extra: String = "") throws(StreamError) -> ExitStatus {
        try rejectsOutput?.commit()
        if !quiet {
            if sink.isTerminal { sink.write("\r\u{1B}[K") }
            let suffix = extra.isEmpty ? "" : ", " + extra
            sink.write("\(command): \(recordsIn) in, \(recordsOut) out, \(rejected) rejected\(suffix), \(StageReporter.format(elapsedSeconds)) s\n")
        }
        return rejected > 0 ? .rejectedInputs : .success
    }
}
