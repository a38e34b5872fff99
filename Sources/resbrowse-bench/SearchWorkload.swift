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
    "miverrate", "\"of the union\"", "interpretation translation languages", "headquarters premises",
  ]

  /// The single-word queries, for the grep comparison.
  static var plainWords: [String] {
    queries.filter { $0.allSatisfy { $0.isLetter || $0 == "-" } }
  }
}
