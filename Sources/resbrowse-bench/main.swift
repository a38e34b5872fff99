// Benchmark: filled in by the performance work (issue 8).
import ResolutionKit
print("resbrowse-bench: not yet")
