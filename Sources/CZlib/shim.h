#ifndef WHOSAID_CZLIB_SHIM_H
#define WHOSAID_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 and deflateInit2 are macros over functions Swift cannot import directly.
static inline int whosaid_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

static inline int whosaid_deflateInit2(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
#endif
