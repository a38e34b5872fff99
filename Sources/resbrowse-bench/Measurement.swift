import BrowserKit
import Foundation
import ResolutionKit

/// One size, in this process: load phases, memory, search, redraw.
enum Measurement {
  /// The whole load, cold (the first thing the process does, as in
  /// `resbrowse`), then the index, peak memory, search and redraw.
  static func run(file: String) -> [(String, String)] {
    var results: [(String, String)] = []
    func record(_ key: String, _ value: Double) {
      results.append((key, String(format: "%.6f", value)))
    }
    let bytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    let megabytes = Double(bytes) / 1_048_576
    record("bytes", Double(bytes))

    // The whole load as the browser does it: read, parse, resolve, index.
    let (corpus, loadTime) = Stopwatch.seconds {
      CorpusLoader.load(paths: [file]).corpus
    }
    record("load_s", loadTime)
    record("load_mb_s", megabytes / loadTime)
    record("references", Double(corpus.documents.reduce(0) { $0 + $1.references.count }))

    let (index, indexTime) = Stopwatch.seconds { SearchIndex(corpus: corpus) }
    record("index_s", indexTime)
    record("load_total_s", loadTime + indexTime)
    record("load_total_mb_s", megabytes / (loadTime + indexTime))
    record("index_bytes", Double(index.approximateByteCount))
    record("peak_rss_bytes", Double(peakResidentBytes()))

    // Every query several times, in a fixed order; latency per query.
    var latencies: [Double] = []
    for _ in 0..<5 {
      for query in SearchWorkload.queries {
        let (_, time) = Stopwatch.seconds { index.search(query, limit: 50) }
        latencies.append(time)
      }
    }
    record("search_p50_s", latencies.percentile(50))
    record("search_p99_s", latencies.percentile(99))

    // Reference extraction on 1 MB of near-misses, the extractor's worst case.
    let nearMisses = String(
      repeating: "Resolution Resolution Res. C09/ C09/ Resolutions 1, 2, 3 and Decision of ",
      count: 14_000)
    let (_, scanTime) = Stopwatch.seconds {
      ReferenceExtractor.extract(in: nearMisses, citingBody: "Council")
    }
    record("near_miss_mb_s", Double(nearMisses.utf8.count) / 1_048_576 / scanTime)

    let (firstRender, keypresses) = BrowserWorkload.run(corpus: corpus)
    record("first_render_s", firstRender)
    record("key_p50_s", keypresses.percentile(50))
    record("key_p99_s", keypresses.percentile(99))
    return results
  }

  /// Read and parse alone, also cold: run in a process of its own
  /// (`measure FILE --parse`), since a parse before the load would leave
  /// the load a heap already grown and faulted in (0.3 s faster at
  /// 10,000 resolutions than a real first load).
  static func runParse(file: String) -> [(String, String)] {
    var results: [(String, String)] = []
    func record(_ key: String, _ value: Double) {
      results.append((key, String(format: "%.6f", value)))
    }
    // Read as the product reads a file (straight into the string's
    // storage).
    let (read, readTime) = Stopwatch.seconds { SourceReader.read(path: file) }
    guard case .success(let source) = read else { fail("cannot read \(file)") }
    let megabytes = Double(source.text.utf8.count) / 1_048_576
    record("read_s", readTime)
    let (parsed, parseTime) = Stopwatch.seconds { DocumentParser.parse(source) }
    record("parse_s", parseTime)
    record("parse_mb_s", megabytes / parseTime)
    record("documents", Double(parsed.documents.count))
    return results
  }
}
