import Foundation
import ResolutionKit

/// `resbrowse-bench refs FILE [--rounds N]`: the references of every
/// document found again, on one thread, several times. The load finds
/// them inside the parse, on all cores, where their share is hard to see;
/// this gives the finding alone a steady figure to profile and compare.
enum ReferenceWorkload {
  static func run(arguments: [String]) {
    var rest = arguments
    var rounds = 5
    if let flag = rest.firstIndex(of: "--rounds"), flag + 1 < rest.count,
      let count = Int(rest[flag + 1]), count > 0
    {
      rounds = count
      rest.removeSubrange(flag...(flag + 1))
    }
    guard rest.count == 1 else { fail("usage: resbrowse-bench refs FILE [--rounds N]") }
    let corpus = CorpusLoader.load(paths: [rest[0]]).corpus
    var found = 0
    var times: [Double] = []
    var cpuTimes: [Double] = []
    for _ in 0..<rounds {
      let cpuStart = processCPUSeconds()
      let (count, time) = Stopwatch.seconds {
        corpus.documents.reduce(0) { $0 + ReferenceExtractor.extract(from: $1).count }
      }
      cpuTimes.append(processCPUSeconds() - cpuStart)
      times.append(time)
      found = count
    }
    print("references=\(found) documents=\(corpus.documents.count)")
    print(
      String(
        format: "find_s=%.4f (min of %d; median %.4f) cpu_s=%.4f", times.min() ?? 0, rounds,
        times.percentile(50), cpuTimes.min() ?? 0))
  }
}
