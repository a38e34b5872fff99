import Foundation

/// Wall-clock timing and percentiles for the benchmark.
enum Stopwatch {
  static func seconds<T>(_ work: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try work()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
}

extension Array where Element == Double {
  /// The p-th percentile (0…100) by nearest rank; 0 for no samples.
  func percentile(_ p: Double) -> Double {
    guard !isEmpty else { return 0 }
    let sorted = self.sorted()
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
    return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank))]
  }
}

/// Peak resident memory of this process so far, in bytes.
func peakResidentBytes() -> Int {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return usage.ru_maxrss * 1024
}
