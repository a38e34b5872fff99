#if canImport(Glibc)
  import Glibc
#endif

/// Gives freed heap pages back to the system.
///
/// glibc's malloc keeps the freed pages of its per-thread arenas resident.
/// Called once a load is over (the end of the search index build), and
/// after the browser's first-frame parse: their scratch would otherwise
/// stay counted against the browser for the whole session. Not between the
/// phases of `Corpus.build` then the index: the next phase reuses those
/// pages, and pages given back must be faulted in again (at 100,000
/// resolutions that cost the index build about 0.5 s).
enum FreedMemory {
  /// `malloc_trim(0)` where the C library has it (looked up at run time:
  /// Swift's Glibc module does not export `malloc.h`); nothing elsewhere.
  /// Whether `returnToSystem` does anything here.
  static var canReturnToSystem: Bool {
    #if canImport(Glibc)
      mallocTrim != nil
    #else
      false
    #endif
  }

  static func returnToSystem() {
    #if canImport(Glibc)
      if let trim = mallocTrim { _ = trim(0) }
    #endif
  }

  #if canImport(Glibc)
    private typealias Trim = @convention(c) (Int) -> Int32
    private nonisolated(unsafe) static let mallocTrim: Trim? = {
      guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return nil }
      return unsafeBitCast(symbol, to: Trim.self)
    }()
  #endif
}
