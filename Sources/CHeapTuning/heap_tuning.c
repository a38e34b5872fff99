#include "heap_tuning.h"

#include <stdlib.h>  // defines __GLIBC__ where glibc is the C library

#if defined(__GLIBC__)
#include <malloc.h>

// glibc serves a block of at least the mmap threshold with a mapping of its
// own, given back to the system when freed. By default the threshold rises
// to the size of each such block freed (up to 32 MB): after the load frees
// its line records, blocks of up to their size come from the heap, and the
// parse's large temporaries left holes there between the documents that
// stay. At 10,000 resolutions that was 18 MB of resident memory that held
// nothing after the load (and 22 MB after the index build). Setting the
// threshold turns the rise off.
void rb_keep_large_blocks_mapped(void) { mallopt(M_MMAP_THRESHOLD, 256 * 1024); }
#else
void rb_keep_large_blocks_mapped(void) {}
#endif
