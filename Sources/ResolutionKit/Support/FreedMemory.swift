#if canImport(Glibc)
  import Glibc
#endif

/// Gives freed heap pages back to the system.
///
/// A load frees about as much as it keeps (the file's text, its lines, each
/// thread's scratch), and glibc's malloc keeps freed pages of its per-thread
/// arenas resident: at 10,000 resolutions that was about 90 MB still counted
/// against the process after the parse, under the search index built next.
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
