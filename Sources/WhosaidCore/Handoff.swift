#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bounded first-in, first-out queue between one producing thread and one consuming thread. The producer
/// waits while it is full, the consumer while it is empty; `close` ends it from the producing side and
/// `cancel` from the consuming side (a waiting producer is woken and told to stop).
final class Handoff<Element: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property below is read and written only with `mutex` held.
    private let capacity: Int
    private var items: [Element] = []
    /// Index of the oldest item; taken items before it are dropped in batches, not one by one.
    private var head = 0
    private var closed = false
    private var cancelled = false
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let changed: UnsafeMutablePointer<pthread_cond_t>

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
        mutex = .allocate(capacity: 1)
        changed = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        changed.deallocate()
    }

    private func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// Adds an item, waiting while the queue is full. False when the consumer has cancelled: stop producing.
    func put(_ item: Element) -> Bool {
        withLock {
            while items.count - head >= capacity && !cancelled { pthread_cond_wait(changed, mutex) }
            if cancelled { return false }
            items.append(item)
            pthread_cond_broadcast(changed)
            return true
        }
    }

    /// The oldest item, waiting while the queue is empty; nil once it is empty and closed (or cancelled).
    func take() -> Element? {
        withLock {
            while items.count == head && !closed && !cancelled { pthread_cond_wait(changed, mutex) }
            if items.count == head || cancelled { return nil }
            let item = items[head]
            head += 1
            if head >= capacity {
                items.removeFirst(head)
                head = 0
            }
            pthread_cond_broadcast(changed)
            return item
        }
    }

    /// No more items will come (the producer is done); what is queued can still be taken.
    func close() {
        withLock {
            closed = true
            pthread_cond_broadcast(changed)
        }
    }

    /// The consumer takes no more: a waiting producer returns from `put` with false.
    func cancel() {
        withLock {
            cancelled = true
            items.removeAll()
            head = 0
            pthread_cond_broadcast(changed)
        }
    }
}

/// Thrown inside a producer to stop it when its handoff was cancelled.
struct HandoffCancelled: Error {}

/// A thread running one closure; `join` waits for it to end. Joined exactly once.
final class WorkerThread: @unchecked Sendable {
    // @unchecked: `thread` is written before the thread starts and read only by `join`, on the creating thread.
    private var thread: pthread_t
    private var joined = false

    private final class Work {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    init(_ body: @escaping @Sendable () -> Void) {
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let status = pthread_create(&thread, nil, { context in
            let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
            work.body()
            return nil
        }, work)
        precondition(status == 0, "could not start a thread (pthread_create: \(status))")
        #if canImport(Glibc)
        self.thread = thread
        #else
        self.thread = thread!
        #endif
    }

    func join() {
        guard !joined else { return }
        joined = true
        pthread_join(thread, nil)
    }

    deinit { join() }
}
