#define _GNU_SOURCE
#include "pseudo_terminal.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

int rb_open_pseudo_terminal(unsigned short rows, unsigned short columns, char *name,
                            size_t capacity) {
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0) return -1;
  struct winsize size = {.ws_row = rows, .ws_col = columns};
  if (grantpt(master) != 0 || unlockpt(master) != 0 || ptsname_r(master, name, capacity) != 0 ||
      ioctl(master, TIOCSWINSZ, &size) != 0) {
    close(master);
    return -1;
  }
  return master;
}

short rb_spawn_setsid_flag(void) { return POSIX_SPAWN_SETSID; }
