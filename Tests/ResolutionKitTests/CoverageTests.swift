import Foundation
import Testing

@testable import ResolutionKit

/// Nothing lost (issue 9): every input word reaches the model, is on a
/// removed noise line, or is named in a diagnostic.
@Suite struct CoverageTests {
  func report(_ sources: [SourceText]) -> (CoverageReport, Corpus) {
    let corpus = Corpus.build(from: sources)
    return (CoverageReport(corpus: corpus, sources: sources), corpus)
  }

  /// The property: full coverage, or every unaccounted word appears in a
  /// diagnostic of its file.
  func expectAccounted(
    _ sources: [SourceText], sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    let (coverage, corpus) = report(sources)
    for file in coverage.files where file.share < 1 {
      let messages = corpus.diagnostics.filter { $0.file == file.file }.map(\.message)
      for word in file.unaccounted {
        let bare = word.word.trimmingCharacters(in: .punctuationCharacters)
        #expect(
          messages.contains { $0.contains(word.word) || (!bare.isEmpty && $0.contains(bare)) },
          "\(file.file):\(word.line) \(word.word)",
          sourceLocation: sourceLocation)
      }
    }
  }

  @Test func shippedTextsAreFullyCovered() throws {
    var sources = EmbeddedSampleCorpus.files.map { SourceText(name: $0.name, text: $0.text) }
    for name in [
      "seed.txt", "seed_pdftotext.txt", "seed_word.txt", "renderings_blank_lines.txt",
      "renderings_pdftotext.txt", "renderings_word.txt", "footnotes_pdftotext.txt",
    ] {
      sources.append(try ParserFixtures.text(name))
    }
    let (coverage, _) = report(sources)
    for file in coverage.files {
      #expect(file.inputWords > 100, "\(file.file)")
      #expect(file.unaccounted == [], "\(file.file)")
    }
    expectAccounted(sources)
  }

  @Test func generatedTextsAreAccounted() {
    var random = ParserFuzzTests.SplitMix(state: 11)
    for round in 0..<200 {
      var text = ""
      for _ in 0..<Int.random(in: 1...80, using: &random) {
        text += ParserFuzzTests.pieces.randomElement(using: &random)!
        text += Bool.random(using: &random) ? "\n" : " "
      }
      expectAccounted([SourceText(name: "generated\(round).txt", text: text)])
    }
  }

  @Test func lostWordsAreFound() {
    // A document with words, measured against an empty model.
    let source = SourceText(
      name: "a.txt", text: "R 1 Title\n- 7 -\nThe Council,\nresolves\n1. to act;\n")
    let coverage = CoverageReport(corpus: Corpus(documents: []), sources: [source])
    let file = coverage.files[0]
    // `- 7 -` was not removed here (empty corpus): its dashes are debris,
    // `7` is a list marker; `1.` too.
    let lost: [String] = file.unaccounted.map(\.word)
    #expect(lost == ["R", "Title", "The", "Council,", "resolves", "to", "act;"])
    #expect(file.share < 0.5)
    let rendered: String = coverage.rendered
    #expect(rendered.contains("a.txt: "))
    #expect(rendered.contains("not in the model: line 1: Title"))
  }

  @Test func hyphenatedWordsCountOnceAndReportListsRemovedLines() throws {
    let sources = [try ParserFixtures.text("renderings_pdftotext.txt")]
    let (coverage, _) = report(sources)
    let file = coverage.files[0]
    #expect(file.share == 1)
    #expect(!file.removedLines.isEmpty)
    let rendered: String = coverage.rendered
    #expect(rendered.contains("removed: line"))
    #expect(rendered.contains("(page number)"))
  }
}
