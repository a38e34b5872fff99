#ifndef RESBROWSE_PSEUDO_TERMINAL_H
#define RESBROWSE_PSEUDO_TERMINAL_H

#include <stddef.h>

// What the benchmark needs that Swift's Glibc module does not expose
// (posix_openpt and friends sit behind feature macros).

/// Opens a pseudo-terminal of `rows` × `columns`; returns its master side
/// (or -1) and writes the slave's path into `name`.
int rb_open_pseudo_terminal(unsigned short rows, unsigned short columns, char *name,
                            size_t capacity);

/// POSIX_SPAWN_SETSID: the child starts a session of its own.
short rb_spawn_setsid_flag(void);

#endif
