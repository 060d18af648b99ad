#include <sqlite3.h>

/// sqlite3_config is variadic, which Swift cannot call: these wrap the process-wide settings Tunet makes.

/// Stops SQLite counting its memory use. The count is kept under one process-wide lock taken on every
/// allocation, which the service's concurrent uploads contended for (BENCHMARKS.md). Takes effect only
/// before SQLite's first use in the process; returns SQLITE_MISUSE after it.
static inline int tunet_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
