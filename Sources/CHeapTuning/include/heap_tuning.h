#ifndef RESBROWSE_HEAP_TUNING_H
#define RESBROWSE_HEAP_TUNING_H

/// Fixes glibc malloc's mmap threshold at 256 KB (see heap_tuning.c).
/// Call once, at process start, before any large allocation. Does nothing
/// with another C library.
void rb_keep_large_blocks_mapped(void);

#endif
