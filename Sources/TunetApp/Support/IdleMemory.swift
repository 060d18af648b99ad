import CHeap
import TunetStorage

extension TunetContext {
    /// Gives back the memory kept between requests (the farms' stored days and calendars, the store's caches
    /// and connections, the heap's free pages), for a service gone quiet: every answer stays the same, the
    /// next request only reads from the database what it would have found kept.
    public func releaseIdleMemory() {
        caches.empty()
        store.releaseMemory()
        _ = tunet_heap_give_back_free_pages()
    }
}
