#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

/// Hands the heap's free pages back to the system: glibc keeps what a busy moment's threads freed in its
/// arenas, to be handed out again. Returns 1 when memory was given back; does nothing elsewhere.
static inline int tunet_heap_give_back_free_pages(void) {
#if defined(__GLIBC__)
    return malloc_trim(0);
#else
    return 0;
#endif
}
