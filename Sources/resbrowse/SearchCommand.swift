import ArgumentParser
import Foundation
import ResolutionKit

struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Ranked full-text search: id, clause path, score and snippet of each hit.",
    discussion: """
      Query language (quote the whole query in the shell):
        child online          every word in the same clause (or title, heading)
        "exact phrase"        words adjacent and in order
        protect*              words starting with "protect"
        -word  -"a phrase"    leave out clauses containing it
        in:resolves           only under headings containing the word(s);
                              in:"instructs the secretary-general"
        doc:1316  doc:R1316   only in that document (number, id or symbol)
        kind:decision         resolution, decision or fragment
        body:council          only documents of that issuing body
      Case and accents are ignored (resolution finds Résolution).
      Secretary-General, C09/108 and 2012-2015 are found whole, spaced, or by
      either part. Common words (the, of, to, ...) count only inside phrases.
      A lone number or symbol (1300, C09/120) lists that document first.
      Punctuation, including regular-expression characters, is plain text.
      An unknown filter (foo:bar) is searched as the words "foo bar".
      """)

  @Argument(help: "The query.") var query: String
  @Option(help: "Most hits to show.") var limit: Int = 20
  @Flag(
    help:
      "Write a JSON array of {id, path, heading, field, score, snippet, highlights, documentMatch}."
  )
  var json = false
  @OptionGroup var source: SourceOptions

  func run() throws {
    StandardOutput.prepare()
    // The index reads no references: finding and resolving them would
    // only delay the answer.
    let (corpus, failed) = source.loadCorpusDeferringReferences()
    let parsed = SearchQuery(parsing: query)
    for filter in parsed.unknownFilters {
      warn("unknown filter '\(filter)': searched as text (filters: in:, doc:, kind:, body:)")
    }
    for filter in parsed.invalidFilters {
      warn("filter '\(filter)' selects nothing")
    }
    let hits = SearchIndex(corpus: corpus).search(parsed, limit: max(0, limit))
    if json {
      try writeJSON(hits)
    } else {
      for hit in hits {
        StandardOutput.writeRaw(Self.line(for: hit, bold: StandardOutput.isTerminal) + "\n")
      }
    }
    StandardOutput.flush()
    if failed { throw ExitCode(1) }
  }

  /// `id <tab> place <tab> score <tab> snippet`; the snippet's matches in
  /// bold when `bold`. Document text is always made terminal-safe, and no
  /// escape code is written unless `bold`.
  static func line(for hit: SearchHit, bold: Bool) -> String {
    let place: String
    switch hit.field {
    case .document: place = "[document]"
    case .title: place = "[title]"
    case .heading: place = "[heading] " + (hit.heading ?? "")
    case .clause, .footnote:
      place = (hit.path ?? "") + (hit.field == .footnote ? " [footnote]" : "")
    }
    let score = String(format: "%.2f", hit.score)
    return [
      hit.documentID.terminalSafe, place.terminalSafe, score, snippet(hit.snippet, bold: bold),
    ]
    .joined(separator: "\t")
  }

  /// The snippet with its highlights wrapped in bold/normal escapes.
  static func snippet(_ snippet: Snippet, bold: Bool) -> String {
    guard bold, !snippet.highlights.isEmpty else { return snippet.text.terminalSafe }
    let characters = Array(snippet.text)
    var result = ""
    var cursor = 0
    for highlight in snippet.highlights {
      let lower = min(max(highlight.lowerBound, cursor), characters.count)
      let upper = min(max(highlight.upperBound, lower), characters.count)
      result += String(characters[cursor..<lower]).terminalSafe
      result += "\u{1B}[1m" + String(characters[lower..<upper]).terminalSafe + "\u{1B}[0m"
      cursor = upper
    }
    return result + String(characters[cursor...]).terminalSafe
  }

  private func writeJSON(_ hits: [SearchHit]) throws {
    struct Record: Encodable {
      var id: String
      var path: String?
      var heading: String?
      var field: SearchField
      var score: Double
      var snippet: String
      var highlights: [[Int]]
      var documentMatch: Bool
    }
    let records = hits.map {
      Record(
        id: $0.documentID, path: $0.path, heading: $0.heading, field: $0.field,
        score: ($0.score * 10_000).rounded() / 10_000, snippet: $0.snippet.text,
        highlights: $0.snippet.highlights.map { [$0.lowerBound, $0.upperBound] },
        documentMatch: $0.isDocumentMatch)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    StandardOutput.writeRaw(CorpusJSON.escapingTerminalControls(try encoder.encode(records)) + "\n")
  }

  private func warn(_ message: String) {
    FileHandle.standardError.write(Data("resbrowse: \(message.terminalSafe)\n".utf8))
  }
}
