#if canImport(Glibc)
  import Glibc
#endif

/// Gives freed heap pages back to the system.
///
/// glibc's malloc keeps the freed pages of its per-thread arenas resident.
/// A long-running process calls this once a load is over, so that the
/// load's scratch is not counted against it for the whole session (the
/// browser at 10,000 resolutions: about 80 MB). The library's loads do not
/// call it themselves: between phases the next phase reuses the pages, and
/// pages given back must be faulted in again (the index build was 0.08 s
/// slower at 10,000 resolutions with a trim at its end, 0.5 s at 100,000
/// with one before it).
public enum FreedMemory {
  /// `malloc_trim(0)` where the C library has it (looked up at run time:
  /// Swift's Glibc module does not export `malloc.h`); nothing elsewhere.
  /// Whether `returnToSystem` does anything here.
  public static var canReturnToSystem: Bool {
    #if canImport(Glibc)
      mallocTrim != nil
    #else
      false
    #endif
  }

  public static func returnToSystem() {
    #if canImport(Glibc)
      if let trim = mallocTrim { _ = trim(0) }
    #endif
  }

  /// Blocks of this size or more are mapped from the system for
  /// themselves (`mapLargeBlocks`).
  public static let largeBlockBytes = 256 << 10

  /// Free room at the top of a heap kept for the next allocations
  /// (`mapLargeBlocks`); `returnToSystem` gives it back.
  public static let keptHeapTopBytes = 4 << 20

  /// Makes every block of `largeBlockBytes` or more a mapping of its own,
  /// given back to the system when freed; for a process's `main`, before
  /// it loads (the allocator's policy is the whole process's).
  ///
  /// glibc raises its threshold for this to the largest block freed so
  /// far. Freeing the corpus's text (49 MB at 10,000 resolutions) raised
  /// it past every array of the load, so that the scratch of the parse and
  /// of the index build (vocabularies, tallies, units, growing arrays)
  /// stayed resident after it was freed: with a fixed threshold the peak
  /// at 10,000 resolutions is 15 MB lower. Returns whether the allocator
  /// took the policy (only glibc's does).
  ///
  /// Setting the threshold also fixes glibc's trim threshold, the free
  /// room at the top of a heap that it gives back, at 128 KB: the load's
  /// heaps shrank and grew again all the time, and every page given back
  /// was faulted in again (6,500 of a load's 69,000 page faults at 10,000
  /// resolutions, with no lower peak). It is set to `keptHeapTopBytes`.
  @discardableResult
  public static func mapLargeBlocks() -> Bool {
    #if canImport(Glibc)
      // M_MMAP_THRESHOLD; setting it also stops glibc from moving it.
      guard let set = mallocOption else { return false }
      // M_TRIM_THRESHOLD.
      return set(-3, Int32(largeBlockBytes)) == 1 && set(-1, Int32(keptHeapTopBytes)) == 1
    #else
      return false
    #endif
  }

  #if canImport(Glibc)
    private typealias Option = @convention(c) (Int32, Int32) -> Int32
    private static let mallocOption: Option? = {
      guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") else { return nil }
      return unsafeBitCast(symbol, to: Option.self)
    }()
    private typealias Trim = @convention(c) (Int) -> Int32
    private static let mallocTrim: Trim? = {
      guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return nil }
      return unsafeBitCast(symbol, to: Trim.self)
    }()
  #endif
}
