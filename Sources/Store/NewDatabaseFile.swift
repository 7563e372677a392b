#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WhosaidCore

/// A database that does not exist yet, built by a load in a file beside it (`PATH.loading`) and put in place
/// whole when the load has committed, as every other output of the pipeline is.
///
/// Why: in the database's own file, a first load would write every page twice (into the WAL, then into the
/// file at the checkpoint that ends it, after the last record, while `make -j` waits), and a rollback journal
/// instead would lock readers out of a file they can open. Under another name there are no readers to
/// serve, so the load writes each page once; readers find no database until it is complete, and a first
/// load that fails or is stopped leaves none (a SIGKILL leaves `PATH.loading`, emptied by the next load).
///
/// Two loads creating the same database: the second waits for the first (a lock on `PATH.loading`), then
/// loads into the database the first put in place, as into any existing database. The lock is `flock`, which
/// Linux keeps apart from SQLite's own locks on local file systems (not on NFS, where SQLite's WAL does not
/// work either).
///
/// An empty file at PATH counts as no database: `sqlite3`, Python and most tools create one when they open a
/// database that does not exist, and somebody looking during a first load must not make it fail.
public final class NewDatabaseFile {
    /// Where the database goes.
    public let path: String
    /// Where it is built.
    public let stagingPath: String
    /// The staging file, open for as long as this object holds the lock on it; -1 once installed.
    private var lockDescriptor: Int32
    private var installed = false

    public static func stagingPath(for path: String) -> String { path + ".loading" }

    private init(path: String, stagingPath: String, lockDescriptor: Int32) {
        self.path = path
        self.stagingPath = stagingPath
        self.lockDescriptor = lockDescriptor
        TemporaryFiles.register(stagingPath)
    }

    deinit {
        if !installed {
            // Unregistered first: a signal in between must not remove a staging file another load has
            // created since (a TERM then leaves this one, as a SIGKILL does).
            TemporaryFiles.unregister(stagingPath)
            unlink(stagingPath)
        }
        // Closing a descriptor drops every POSIX lock the process holds on the file, SQLite's included: a
        // database still open on the staging file is one that failed, and the file is gone already.
        if lockDescriptor >= 0 { close(lockDescriptor) }
    }

    /// Takes the right to create the database at `path`: nil if a database (any file but an empty one) is
    /// already there, the caller then loads into it as it is. `waiting` is called once if another load is
    /// creating it.
    public static func claim(path: String, waiting: () -> Void = {}) throws(DatabaseError) -> NewDatabaseFile? {
        let stagingPath = stagingPath(for: path)
        var waited = false
        while true {
            if holdsDatabase(path) { return nil }
            let descriptor = Glibc.open(stagingPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            if descriptor < 0 { throw systemError("cannot create", stagingPath) }
            // The error of `what` (errno's text), with the descriptor closed.
            func failure(_ what: String) -> DatabaseError {
                let error = systemError(what, stagingPath)
                close(descriptor)
                return error
            }
            if !lockSoon(descriptor) {
                guard errno == EWOULDBLOCK else { throw failure("cannot lock") }
                if !waited { waiting() }
                waited = true
                while flock(descriptor, LOCK_EX) != 0 {
                    guard errno == EINTR else { throw failure("cannot lock") }
                }
            }
            // The load held up meanwhile has put its database in place and removed the file this lock is on
            // (or a new file is there): look again.
            guard sameFile(descriptor, stagingPath) else {
                close(descriptor)
                continue
            }
            // A second name of a database: a load killed between putting its database in place and removing
            // the staging name left it. Emptying it would empty that database.
            var info = stat()
            if fstat(descriptor, &info) == 0 && info.st_nlink > 1 {
                if unlink(stagingPath) != 0 { throw failure("cannot remove this second name of a database") }
                close(descriptor)
                continue
            }
            if holdsDatabase(path) {
                unlink(stagingPath)
                close(descriptor)
                return nil
            }
            // What a killed load left is of no use: start from an empty file. A rollback journal or WAL beside
            // it would be taken for a part of the new database.
            if ftruncate(descriptor, 0) != 0 { throw failure("cannot empty") }
            for suffix in ["-journal", "-wal", "-shm"] { unlink(stagingPath + suffix) }
            return NewDatabaseFile(path: path, stagingPath: stagingPath, lockDescriptor: descriptor)
        }
    }

    /// The staging file, opened and given the current schema.
    public func open() throws(DatabaseError) -> Database {
        try DatabaseSchema.openStaged(path: stagingPath)
    }

    /// Puts the database in place. `database` is the connection `open()` gave, its load committed and
    /// nothing else holding it; it is closed here. The file goes in WAL mode, as every later load and reader
    /// expects, and is synced before it takes the database's name, so that name never stands for a part.
    public func install(_ database: Database) throws(DatabaseError) {
        let mode = try database.scalar("PRAGMA journal_mode = WAL")?.text
        guard mode == "wal" else {
            throw DatabaseError(code: 0, message: "could not switch the new database to WAL (journal mode \(mode ?? "unknown"))", path: stagingPath)
        }
        // The last connection's close removes the empty WAL and its index.
        try database.close()
        if fsync(lockDescriptor) != 0 { throw NewDatabaseFile.systemError("cannot sync", stagingPath) }
        // Looked at again: `claim` may have been minutes ago. (A program that makes a database here in the
        // microseconds between this look and the link below would lose its WAL to the next line.)
        if NewDatabaseFile.holdsDatabase(path) { throw appeared() }
        // A WAL beside a deleted database would be replayed into the new one by the next connection.
        for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
        // A link, unlike a rename, never replaces a file that appeared at `path` since the look above.
        if link(stagingPath, path) == 0 {
            unlink(stagingPath)
        } else if errno == EEXIST {
            try replaceEmptyFile()
        } else if rename(stagingPath, path) != 0 {
            // (A file system without hard links: whosaid's loads are kept out by the lock.)
            throw NewDatabaseFile.systemError("cannot put the new database in place", path)
        }
        installed = true
        TemporaryFiles.unregister(stagingPath)
        close(lockDescriptor)
        lockDescriptor = -1
        syncFolder()
    }

    /// Replaces the empty file a tool made by opening the missing database (sqlite3, Python), unless a
    /// connection is using it: SQLite's own lock on it is taken first, so a transaction another program has
    /// begun there is never cut off from the file it will commit to.
    private func replaceEmptyFile() throws(DatabaseError) {
        let descriptor = Glibc.open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { throw appeared() }
        // Closing drops this process's POSIX locks on the file: it has no other.
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size == 0,
              NewDatabaseFile.sameFile(descriptor, path) else { throw appeared() }
        // SQLite's lock bytes (pending, reserved, shared) sit at 1 GiB: a write lock on them is refused while
        // any connection reads or writes.
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 0x4000_0000
        lock.l_len = 512
        guard fcntl(descriptor, F_SETLK, &lock) == 0 else {
            throw DatabaseError(code: 0, message: "another program has a transaction open on the empty file at this path; the load was not put in place: load again when it ends", path: path)
        }
        guard fstat(descriptor, &info) == 0, info.st_size == 0 else { throw appeared() }
        if rename(stagingPath, path) != 0 { throw NewDatabaseFile.systemError("cannot put the new database in place", path) }
    }

    /// `flock(LOCK_EX | LOCK_NB)`, tried for 50 ms: the query CLI holds a shared lock for an instant when it
    /// looks whether a load is building the database.
    private static func lockSoon(_ descriptor: Int32) -> Bool {
        for _ in 0..<10 {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
            if errno != EWOULDBLOCK { return false }
            usleep(5_000)
        }
        errno = EWOULDBLOCK
        return false
    }

    private func appeared() -> DatabaseError {
        DatabaseError(code: 0, message: "another program created a database at this path while the load was creating it; it was left as it is, and nothing was loaded: load again to load into it", path: path)
    }

    /// Makes the new name durable (best effort: some file systems cannot sync a folder).
    private func syncFolder() {
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let descriptor = Glibc.open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            _ = fsync(descriptor)
            close(descriptor)
        }
    }

    /// Something is at `path` that is not an empty file.
    private static func holdsDatabase(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) != S_IFREG || info.st_size > 0
    }

    /// Why a reader finds no database at `path`, or nil if there is a file with something in it (an empty
    /// file without a load building the database is left to the schema's checks).
    public static func absence(at path: String) -> String? {
        var info = stat()
        let missing = stat(path, &info) != 0
        guard missing || info.st_size == 0 else { return nil }
        let staging = stagingPath(for: path)
        if isBeingBuilt(path) { return "no database yet: a first load is building it in \(staging) and puts it here when it ends" }
        guard missing else { return nil }
        return access(staging, F_OK) == 0
            ? "no database: a load was stopped while building it in \(staging); load again"
            : "no database here (whosaid-load creates it)"
    }

    /// Whether a load holds the staging file of `path` now (false: none, or a killed load's leftover).
    private static func isBeingBuilt(_ path: String) -> Bool {
        let descriptor = Glibc.open(stagingPath(for: path), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return flock(descriptor, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK
    }

    /// The file open at `descriptor` is still the one named `path`.
    private static func sameFile(_ descriptor: Int32, _ path: String) -> Bool {
        var open = stat(), named = stat()
        guard fstat(descriptor, &open) == 0, stat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    private static func systemError(_ what: String, _ path: String) -> DatabaseError {
        DatabaseError(code: 0, message: "\(what): \(String(cString: strerror(errno)))", path: path)
    }
}
