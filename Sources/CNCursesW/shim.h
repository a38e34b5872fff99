// What Swift cannot import from ncursesw by itself: wide-character API
// (SwiftPM drops the -D flags that enable it) and macros, exposed as
// static inline functions.
#ifndef RESBROWSE_CNCURSESW_SHIM_H
#define RESBROWSE_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <ncursesw/curses.h>

int wcwidth(wchar_t c);

static inline attr_t rb_a_bold(void) { return A_BOLD; }
static inline attr_t rb_a_dim(void) { return A_DIM; }
static inline attr_t rb_a_italic(void) { return A_ITALIC; }
static inline attr_t rb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rb_a_reverse(void) { return A_REVERSE; }
static inline attr_t rb_a_normal(void) { return A_NORMAL; }

static inline mmask_t rb_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t rb_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t rb_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t rb_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t rb_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t rb_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t rb_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

static inline int rb_key_f(int n) { return KEY_F(n); }

// From <term.h>, which is not included because its macros (lines,
// columns, …) would leak into every Swift file.
int setupterm(const char *term, int filedes, int *errret);

/// 1 when the terminal described by TERM is known and can address the
/// cursor (so `dumb` and unknown names are refused before anything is
/// drawn); checked without printing anything.
static inline int rb_terminal_can_draw(int fd) {
  int err = 0;
  if (setupterm(NULL, fd, &err) != OK) return 0;
  char *cup = tigetstr("cup");
  return cup != NULL && cup != (char *)-1;
}

/// Sets the style for what is drawn next, extended colour pair included.
static inline int rb_attr_set(attr_t attrs, int pair) {
  return attr_set(attrs, pair < 256 ? (short)pair : 0, &pair);
}

static inline int rb_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int rb_getmaxx(WINDOW *w) { return getmaxx(w); }

#endif
