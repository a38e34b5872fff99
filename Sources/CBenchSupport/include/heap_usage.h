#ifndef RESBROWSE_HEAP_USAGE_H
#define RESBROWSE_HEAP_USAGE_H

#include <stddef.h>

/// Bytes the C heap has handed out and not yet taken back (glibc's
/// mallinfo2: small blocks plus mmapped ones); 0 where it is unknown.
/// Resident memory keeps freed pages, so it cannot say what a phase holds.
size_t rb_heap_bytes_in_use(void);

#endif
