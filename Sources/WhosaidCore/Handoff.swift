#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bounded first-in, first-out queue between one producing thread and one consuming thread. The producer
/// waits while it is full (by count, or by the summed cost of its items: one item is always let in), the
/// consumer while it is empty; `close` ends it from the producing side and `cancel` from the consuming side
/// (a waiting producer is woken and told to stop).
final class Handoff<Element: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property below is read and written only with `mutex` held.
    private let capacity: Int
    private let maximumCost: Int
    private var items: [(item: Element, cost: Int)] = []
    /// Index of the oldest item; taken items before it are dropped in batches, not one by one.
    private var head = 0
    private var queuedCost = 0
    private var closed = false
    private var cancelled = false
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let changed: UnsafeMutablePointer<pthread_cond_t>

    init(capacity: Int, maximumCost: Int = .max) {
        self.capacity = max(1, capacity)
        self.maximumCost = max(0, maximumCost)
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

    private var isFull: Bool {
        let count = items.count - head
        return count >= capacity || (count > 0 && queuedCost >= maximumCost)
    }

    /// Adds an item, waiting while the queue is full. False when the consumer has cancelled: stop producing.
    func put(_ item: Element, cost: Int = 0) -> Bool {
        withLock {
            while isFull && !cancelled { pthread_cond_wait(changed, mutex) }
            if cancelled { return false }
            items.append((item, cost))
            queuedCost += cost
            pthread_cond_broadcast(changed)
            return true
        }
    }

    /// The oldest item, waiting while the queue is empty; nil once it is empty and closed (or cancelled).
    func take() -> Element? {
        withLock {
            while items.count == head && !closed && !cancelled { pthread_cond_wait(changed, mutex) }
            if items.count == head || cancelled { return nil }
            let (item, cost) = items[head]
            head += 1
            queuedCost -= cost
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
            queuedCost = 0
            pthread_cond_broadcast(changed)
        }
    }
}

/// Thrown inside a producer to stop it when its handoff was cancelled.
struct HandoffCancelled: Error {}

/// A thread running one closure, with an 8 MB stack (the JSON parser recurses into nested values; some
/// platforms give new threads 512 KB). Used from the thread that created it: `join` waits for the thread to
/// end; `detach` lets it end on its own, for a thread that may be blocked in a read nobody will answer.
final class WorkerThread {
    private var thread: pthread_t
    private var settled = false

    private final class Work {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    init(_ body: @escaping @Sendable () -> Void) {
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, 8 << 20)
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let status = pthread_create(&thread, &attributes, { context in
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
        guard !settled else { return }
        settled = true
        pthread_join(thread, nil)
    }

    func detach() {
        guard !settled else { return }
        settled = true
        pthread_detach(thread)
    }

    deinit { join() }
}
