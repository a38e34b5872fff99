import BrowserKit
import Foundation
import ResolutionKit

/// One size, in this process: load phases, memory, search, redraw.
enum Measurement {
  static func run(file: String) -> [(String, String)] {
    var results: [(String, String)] = []
    func record(_ key: String, _ value: Double) {
      results.append((key, String(format: "%.6f", value)))
    }

    let megabytes: Double
    do {
      // Read as the product reads a file (straight into the string's
      // storage): a `Data` plus its decoded copy would hold the text twice,
      // and that, not the load, was the peak memory measured.
      let (read, readTime) = Stopwatch.seconds { SourceReader.read(path: file) }
      guard case .success(let source) = read else { fail("cannot read \(file)") }
      let byteCount = source.text.utf8.count
      megabytes = Double(byteCount) / 1_048_576
      record("bytes", Double(byteCount))
      record("read_s", readTime)

      // Parse alone, in a scope of its own so its result is gone before the
      // full load (peak memory is the load's, not both).
      let (parsed, parseTime) = Stopwatch.seconds { DocumentParser.parse(source) }
      record("parse_s", parseTime)
      record("parse_mb_s", megabytes / parseTime)
      record("documents", Double(parsed.documents.count))
    }

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
}
