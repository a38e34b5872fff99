import CBenchSupport
import Foundation
import ResolutionKit

/// The fixed mixed query set of the benchmark: common and rare words,
/// phrases, prefixes, exclusions and filters, as users type them.
enum SearchWorkload {
  static let queries: [String] = [
    "council", "telecommunication development", "child online protection",
    "\"strategic plan\"", "\"child online protection\"", "budget", "spectrum satellite",
    "accessibility persons disabilities", "prot*", "con*", "develop* countries",
    "secretary-general", "\"secretary general\" report", "C09/100", "1300", "1500",
    "in:resolves report", "in:\"instructs the secretary-general\" report", "kind:resolution budget",
    "body:council training", "doc:1200 council", "cooperation -regional",
    "gender equality", "oversight transparency accountability", "emergency", "tionpro",
    "miverrate", "\"of the union\"", "interpretation translation languages",
    "headquarters premises",
  ]

  /// The single-word queries, for the grep comparison.
  static var plainWords: [String] {
    queries.filter { $0.allSatisfy { $0.isLetter || $0 == "-" } }
  }

  /// `resbrowse-bench search FILE [--rounds N] [--builds N] [--only N] [--dump]`: only
  /// the search figures of one corpus (index build, per-query latency), for
  /// profiling and before/after comparisons without the rest of the run.
  /// `--dump` prints every query's hits (id, path, field, score to the last
  /// bit, heading, snippet and its highlights) so that two builds
  /// can be diffed for identical results.
  static func run(arguments: [String]) {
    guard let file = arguments.first else {
      fail("usage: resbrowse-bench search FILE [--rounds N] [--builds N] [--only N] [--dump]")
    }
    func option(_ name: String, _ fallback: Int) -> Int {
      guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else {
        return fallback
      }
      return Int(arguments[index + 1]) ?? fallback
    }
    let rounds = option("--rounds", 5)
    let builds = max(1, option("--builds", 1))
    let (corpus, loadTime) = Stopwatch.seconds { CorpusLoader.load(paths: [file]).corpus }
    // Peak memory so far after each step: which one sets the benchmark's peak.
    let megabyte = 1_048_576.0
    print(
      String(
        format: "load_s=%.6f peak_mb=%.1f rss_mb=%.1f heap_mb=%.1f", loadTime,
        Double(peakResidentBytes()) / megabyte, Double(currentResidentBytes()) / megabyte,
        Double(rb_heap_bytes_in_use()) / megabyte))
    var buildTimes: [Double] = []
    var buildCPUTimes: [Double] = []
    var index: SearchIndex?
    for _ in 0..<builds {
      index = nil
      let cpuBefore = processCPUSeconds()
      let (built, time) = Stopwatch.seconds { SearchIndex(corpus: corpus) }
      buildCPUTimes.append(processCPUSeconds() - cpuBefore)
      buildTimes.append(time)
      index = built
    }
    guard let index else { return }
    print(
      String(
        format: "index_s=%.6f (min of %d: %.6f) cpu_s=%.6f", buildTimes.percentile(50), builds,
        buildTimes.min() ?? 0, buildCPUTimes.percentile(50))
        + String(
          format: " peak_mb=%.1f rss_mb=%.1f heap_mb=%.1f", Double(peakResidentBytes()) / megabyte,
          Double(currentResidentBytes()) / megabyte, Double(rb_heap_bytes_in_use()) / megabyte))
    let fileBytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    print(
      "index_bytes=\(index.approximateByteCount) file_bytes=\(fileBytes)"
        + String(
          format: " ratio=%.3f", Double(index.approximateByteCount) / Double(max(1, fileBytes))
        ))
    print(
      "index_parts: "
        + index.byteComposition.map {
          "\($0.part) " + String(format: "%.1f MB", Double($0.bytes) / megabyte)
        }.joined(separator: ", "))
    // Wall time, and this thread's CPU time: on a shared machine the
    // latter is what compares fairly between two runs.
    var latencies: [Double] = []
    var cpuLatencies: [Double] = []
    var perQuery = [[Double]](repeating: [], count: queries.count)
    // `--only N`: time only query N (for profiling one query).
    let only = option("--only", -1)
    for _ in 0..<rounds {
      for (number, query) in queries.enumerated() where only < 0 || number == only {
        let cpuBefore = threadCPUSeconds()
        let (_, time) = Stopwatch.seconds { index.search(query, limit: 50) }
        let cpu = threadCPUSeconds() - cpuBefore
        latencies.append(time)
        cpuLatencies.append(cpu)
        perQuery[number].append(cpu)
      }
    }
    print(
      String(
        format: "search_p50_ms=%.3f cpu %.3f", latencies.percentile(50) * 1000,
        cpuLatencies.percentile(50) * 1000))
    print(
      String(
        format: "search_p99_ms=%.3f cpu %.3f", latencies.percentile(99) * 1000,
        cpuLatencies.percentile(99) * 1000))
    for (number, query) in queries.enumerated() {
      print(String(format: "  %8.3f ms cpu  ", perQuery[number].percentile(50) * 1000) + query)
    }
    if arguments.contains("--dump") {
      for query in queries {
        print("# \(query)")
        for hit in index.search(query, limit: 50) {
          print(
            "\(hit.documentID) \(hit.path ?? "-") \(hit.field) \(hit.isDocumentMatch) \(String(format: "%.17g", hit.score)) \(hit.heading ?? "-") | \(hit.snippet.text) \(hit.snippet.highlights)"
          )
        }
      }
    }
  }
}
