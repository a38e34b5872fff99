// Terminal layer: filled in by the browser work (issue 4).
@preconcurrency import CNCursesW
