#ifndef WHOSAID_CSQLITE3_SHIM_H
#define WHOSAID_CSQLITE3_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro Swift cannot import: it tells SQLite to copy the bound bytes.
static inline sqlite3_destructor_type whosaid_sqlite_transient(void) { return SQLITE_TRANSIENT; }

// sqlite3_config is variadic, which Swift cannot call. Only effective before SQLite initializes.
static inline int whosaid_sqlite_disable_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }
#endif
