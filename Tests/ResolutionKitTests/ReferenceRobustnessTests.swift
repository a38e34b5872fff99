import Testing

@testable import ResolutionKit

/// Random mixtures of reference pieces, punctuation and non-ASCII text:
/// extraction never traps and every span is an in-order, non-overlapping
/// slice of the text that matches the reference's text.
@Suite struct ReferenceRobustnessTests {
  static let pieces = [
    "Resolution", "Resolutions", "Res.", "Decision", "Document", "Documents", "RESOLUTION", " ",
    " ", " ", ",", ", ", " and ", " of ", " of the ", "the Council", "Council", "WTSA", "(", ")",
    "(Rev. Antalya, 2006)", "(Mod. 2008)", "(C09", "1300", "1", "12345", "123456", "C09/", "120",
    "C2001/49", "(Rev.1)", "-E", "resolves", " 2", "a)", "1.1", "Tunis Commitment", "Convention",
    "§", "paragraph", "é", "\u{00A0}", "\n", "—", "/", ".", "2010", "Secretary-General", "in",
    "particular", "that resolution", "\u{1B}[31m", "\u{202E}",
  ]

  /// A small deterministic generator, so a failure can be replayed.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state
    }
  }

  @Test(arguments: 0..<20)
  func randomTextKeepsSpanInvariants(seed: Int) {
    var generator = Generator(state: UInt64(seed) &+ 1)
    var text = ""
    for _ in 0..<2_000 {
      text += Self.pieces.randomElement(using: &generator) ?? ""
    }
    let bytes = Array(text.utf8)
    let found = ReferenceExtractor.extract(in: text, citingBody: "Council")
    // 2,000 random pieces always contain some well-formed reference.
    #expect(!found.isEmpty)
    var previousEnd = 0
    for reference in found {
      #expect(reference.span.lowerBound >= previousEnd)
      #expect(reference.span.upperBound <= bytes.count)
      #expect(!reference.span.isEmpty)
      guard reference.span.lowerBound >= previousEnd, reference.span.upperBound <= bytes.count
      else { return }
      #expect(String(decoding: bytes[reference.span], as: UTF8.self) == reference.text)
      previousEnd = reference.span.upperBound
      switch reference.kind {
      case .resolution, .decision: #expect(reference.number?.isEmpty == false)
      case .document, .other: #expect(reference.symbol?.isEmpty == false)
      }
    }
  }

  @Test func truncatedFormsAtTheEndOfText() {
    for text in [
      "Resolution", "Resolution ", "Resolution 1", "Resolution 1 (", "Resolution 1 (Rev.",
      "Resolution 1 of", "Resolution 1 of the", "Resolution 1,", "Resolution 1, resolves",
      "Resolution 1, resolves 2,", "resolves 2 of Resolution", "C09/", "C09/1 (", "C09/1 (Rev.",
      "C09/1-", "Documents C09/1 and", "§", "of Resolution 5", "Res.", "Res.5", "(",
    ] {
      let found = ReferenceExtractor.extract(in: text)
      let bytes = Array(text.utf8)
      #expect(found.allSatisfy { $0.span.upperBound <= bytes.count }, "\(text)")
    }
  }
}
