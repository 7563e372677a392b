import CSQLite3
import WhosaidCore

/// An error from SQLite or from the whosaid schema, with the statement it came from. It never carries the
/// values bound to the statement: those are article text, which has no place in an error message.
public struct DatabaseError: Error, CustomStringConvertible, Equatable {
    /// The SQLite result code (extended when SQLite gives one), or 0 for errors found by whosaid itself.
    public let code: Int32
    public let message: String
    public let sql: String?
    /// The database file, when known.
    public let path: String?

    public init(code: Int32, message: String, sql: String? = nil, path: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
        self.path = path
    }

    public var description: String {
        var text = (path.map { "\($0): " } ?? "") + (code == 0 ? message : "SQLite error \(code): \(message)")
        if let sql { text += " in «\(sql.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.joined(separator: " "))»" }
        return text
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}

/// A value bound to a statement parameter or read from a column.
public enum SQLValue: Equatable, Sendable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    public var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let i): String(i)
        case .real(let d): String(d)
        case .text(let s): s
        case .blob(let b): "<\(b.count) bytes>"
        }
    }

    public var text: String? { if case .text(let s) = self { return s } else { return nil } }
    public var integer: Int64? { if case .integer(let i) = self { return i } else { return nil } }
}

/// One open connection. The handle never leaves this class; it is closed when the last reference goes.
public final class Database {
    let handle: OpaquePointer
    public let path: String
    private var statementCache: [String: Statement] = [:]
    private var isClosed = false

    /// SQLite keeps allocation statistics (for sqlite3_memory_used, which whosaid never reads) by taking a
    /// process-wide mutex and reading each block's size on every allocation and free: a few percent of a
    /// load, in a loop that frees and grows FTS5's buffers all the time. Switched off once, before the first
    /// connection initializes SQLite (afterwards SQLite refuses the change, and the statistics stay on).
    private static let allocationStatisticsOff: Void = { _ = whosaid_sqlite_disable_memory_statistics() }()

    /// Opens (creating if missing) a database file, with foreign keys enforced on this connection.
    public init(path: String, readOnly: Bool = false) throws(DatabaseError) {
        _ = Database.allocationStatisticsOff
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            throw DatabaseError(code: rc, message: message, path: path)
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        // Wait for a concurrent writer (a Datasette or sqlite3 session) rather than fail at once.
        sqlite3_busy_timeout(db, 5000)
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit {
        // Statements must be finalized before the connection closes.
        statementCache.removeAll()
        if !isClosed { sqlite3_close_v2(handle) }
    }

    /// Closes the connection now, for a caller that must know SQLite is done with the file (a new database
    /// is synced and put in place only after). It fails while a statement prepared on it still exists, as a
    /// `Loader`'s do while the loader lives. Nothing may use the connection afterwards.
    public func close() throws(DatabaseError) {
        statementCache.removeAll()
        let rc = sqlite3_close(handle)
        if rc != SQLITE_OK { throw error(rc, sql: nil) }
        isClosed = true
    }

    func error(_ rc: Int32, sql: String?) -> DatabaseError {
        DatabaseError(code: rc, message: String(cString: sqlite3_errmsg(handle)), sql: sql, path: path)
    }

    /// Runs one or more statements that bind nothing and return nothing of interest.
    public func execute(_ sql: String) throws(DatabaseError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw DatabaseError(code: rc, message: text, sql: sql, path: path)
        }
    }

    /// A prepared statement for `sql`, compiled once per connection and reused.
    public func cached(_ sql: String) throws(DatabaseError) -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            return statement
        }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs `body` in one transaction: committed if it returns, rolled back if it throws.
    /// `BEGIN IMMEDIATE` takes the write lock at once, so a second writer waits here, not halfway through.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    public var changes: Int { Int(sqlite3_changes(handle)) }
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows of a query, each as its column values; for small results (tests, metadata, the query CLI).
    public func rows(_ sql: String, _ arguments: [SQLValue] = []) throws(DatabaseError) -> [[SQLValue]] {
        let statement = try cached(sql)
        try statement.bind(arguments)
        var result: [[SQLValue]] = []
        while try statement.step() {
            result.append((0..<statement.columnCount).map(statement.value))
        }
        statement.reset()
        return result
    }

    /// The first column of the first row, or nil.
    public func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws(DatabaseError) -> SQLValue? {
        try rows(sql, arguments).first?.first
    }
}

/// A compiled statement, finalized when the last reference goes.
public final class Statement {
    let handle: OpaquePointer
    unowned let database: Database
    public let sql: String

    init(database: Database, sql: String) throws(DatabaseError) {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw database.error(rc, sql: sql) }
        handle = statement
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// Makes the statement ready to run again; bindings are cleared so no value leaks into the next run.
    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    private func check(_ rc: Int32) throws(DatabaseError) {
        if rc != SQLITE_OK { throw database.error(rc, sql: sql) }
    }

    /// Binds parameters 1... in order.
    public func bind(_ values: [SQLValue]) throws(DatabaseError) {
        for (i, value) in values.enumerated() { try bind(value, at: i + 1) }
    }

    public func bind(_ value: SQLValue, at index: Int) throws(DatabaseError) {
        switch value {
        case .null: try check(sqlite3_bind_null(handle, Int32(index)))
        case .integer(let i): try bind(i, at: index)
        case .real(let d): try check(sqlite3_bind_double(handle, Int32(index), d))
        case .text(let s): try bind(s, at: index)
        case .blob(let b):
            let rc = b.withUnsafeBytes { p in
                sqlite3_bind_blob(handle, Int32(index), p.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(p.count), whosaid_sqlite_transient())
            }
            try check(rc)
        }
    }

    public func bind(_ value: Int64, at index: Int) throws(DatabaseError) {
        try check(sqlite3_bind_int64(handle, Int32(index), value))
    }

    public func bind(_ value: Int, at index: Int) throws(DatabaseError) { try bind(Int64(value), at: index) }

    public func bind(_ value: Bool, at index: Int) throws(DatabaseError) { try bind(Int64(value ? 1 : 0), at: index) }

    /// Binds the exact UTF-8 bytes of `value` (SQLite copies them), so text comes back byte for byte.
    public func bind(_ value: String, at index: Int) throws(DatabaseError) {
        var value = value
        let rc = value.withUTF8 { bytes -> Int32 in
            // An empty buffer may have no address, and a NULL pointer would bind SQL NULL instead of "".
            let start = bytes.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(("" as StaticString).utf8Start)
            return sqlite3_bind_text(handle, Int32(index), start.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                                     whosaid_sqlite_transient())
        }
        try check(rc)
    }

    public func bind(_ value: String?, at index: Int) throws(DatabaseError) {
        if let value { try bind(value, at: index) } else { try check(sqlite3_bind_null(handle, Int32(index))) }
    }

    public func bind(_ value: Int?, at index: Int) throws(DatabaseError) {
        if let value { try bind(Int64(value), at: index) } else { try check(sqlite3_bind_null(handle, Int32(index))) }
    }

    public func bind(_ value: Int64?, at index: Int) throws(DatabaseError) {
        if let value { try bind(value, at: index) } else { try check(sqlite3_bind_null(handle, Int32(index))) }
    }

    /// Binds, as SQLite holds it (type and bytes), the value in `column` of the row `source` is on.
    public func bind(columnOf source: Statement, _ column: Int, at index: Int) throws(DatabaseError) {
        try check(sqlite3_bind_value(handle, Int32(index), sqlite3_column_value(source.handle, Int32(column))))
    }

    /// Advances to the next row: true if there is one, false when the statement is done.
    @discardableResult
    public func step() throws(DatabaseError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = database.error(rc, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Makes the statement ready to run again and keeps its bindings, for a caller that binds every parameter
    /// before each run: clearing them first is work thrown away (a fortieth of a load's instructions).
    public func rewind() {
        sqlite3_reset(handle)
    }

    /// Runs a statement that returns no rows, then makes it ready for the next use.
    public func run() throws(DatabaseError) {
        defer { reset() }
        try step()
    }

    /// `run()` for a caller that binds every parameter before each run (see `rewind()`).
    public func runKeepingBindings() throws(DatabaseError) {
        defer { rewind() }
        try step()
    }

    public func isNull(_ column: Int) -> Bool { sqlite3_column_type(handle, Int32(column)) == SQLITE_NULL }

    public func int64(_ column: Int) -> Int64 { sqlite3_column_int64(handle, Int32(column)) }

    public func int(_ column: Int) -> Int { Int(sqlite3_column_int64(handle, Int32(column))) }

    public func optionalInt64(_ column: Int) -> Int64? { isNull(column) ? nil : int64(column) }

    public func optionalInt(_ column: Int) -> Int? { isNull(column) ? nil : int(column) }

    /// The column's text, decoded from exactly the bytes SQLite holds.
    public func string(_ column: Int) -> String {
        guard let text = sqlite3_column_text(handle, Int32(column)) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, Int32(column)))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    public func optionalString(_ column: Int) -> String? { isNull(column) ? nil : string(column) }

    public func value(_ column: Int) -> SQLValue {
        switch sqlite3_column_type(handle, Int32(column)) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(int64(column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, Int32(column)))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, Int32(column)))
            guard count > 0, let p = sqlite3_column_blob(handle, Int32(column)) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: p, count: count)))
        default: return .text(string(column))
        }
    }
}
