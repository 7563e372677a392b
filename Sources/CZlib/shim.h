#ifndef WHOSAID_CZLIB_SHIM_H
#define WHOSAID_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 is a macro over inflateInit2_ that Swift cannot import.
static inline int whosaid_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
