import CSQLite3
import WhosaidCore

/// An error from SQLite, with the statement it came from (never the bound values).
public struct DatabaseError: Error, CustomStringConvertible {
    public let code: Int32
    public let message: String
    public let sql: String?

    public var description: String { "SQLite error \(code): \(message)" + (sql.map { " in «\($0)»" } ?? "") }
}

/// The whosaid database.
public final class Database {
    let handle: OpaquePointer

    public init(path: String) throws(DatabaseError) {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close(db)
            throw DatabaseError(code: rc, message: "\(path): \(message)", sql: nil)
        }
        handle = db
    }

    deinit { sqlite3_close_v2(handle) }
}
