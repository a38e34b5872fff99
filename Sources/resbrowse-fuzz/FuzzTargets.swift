import BrowserKit
import Foundation
import ResolutionKit

/// What each fuzz target feeds its input to. Every target must return for
/// any bytes: no trap, no hang, memory bounded.
enum FuzzTarget: String, CaseIterable {
  case parser, references, citations, query, theme

  func run(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    switch self {
    case .parser:
      // Bytes as a file would give them: format detection, decoding (Word
      // and HTML readers included), parsing, references, resolution and the
      // JSON export. PDF input would only exercise pdftotext: skipped.
      if bytes.starts(with: Array("%PDF-".utf8)) { return }
      let source: SourceText
      switch SourceReader.load(data: Data(bytes), name: "fuzz.txt") {
      case .success(let loaded): source = loaded.source
      case .failure: return
      }
      let corpus = Corpus.build(from: [source])
      _ = try? CorpusJSON.encode(corpus, prettyPrinted: false)
    case .references:
      let references = ReferenceExtractor.extract(in: text, citingBody: "Council")
      let length = text.utf8.count
      for reference in references where reference.span.upperBound > length {
        fatalError("reference span \(reference.span) past the end of a \(length)-byte text")
      }
    case .citations:
      _ = CitationParser.resolve(text, in: Self.sample)
      _ = CitationParser.suggestions(for: text, in: Self.sample, limit: 10)
    case .query:
      let query = SearchQuery(parsing: text, lastWordIsPrefix: true)
      for hit in Self.index.search(query, limit: 20) {
        _ = SearchIndex.matchRanges(of: query, in: hit.snippet.text)
      }
    case .theme:
      _ = ThemeDefinition.parse(text: text, name: "fuzz", source: .builtIn, file: "fuzz.toml")
      _ = Config.parse(text: text, file: "config.toml")
    }
  }

  static let sample = Corpus.sample
  static let index = SearchIndex(corpus: sample)
}
