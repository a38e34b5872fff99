import Foundation
import Testing

@testable import ResolutionKit

@Suite struct CitationParserTests {
  let corpus = CitationTestCorpus.corpus

  func address(_ text: String) -> ClauseAddress? {
    guard let match = CitationParser.resolve(text, in: corpus), match.pinpointFound else {
      return nil
    }
    return match.address
  }

  @Test(arguments: [
    ("Res. 1316 (C09), resolves 1.1", "R1316", "resolves 1.1"),
    ("Council Res. 1316, resolves 1.1", "R1316", "resolves 1.1"),
    ("Resolution 1316 resolves 1.1", "R1316", "resolves 1.1"),
    ("res 1316 resolves para 1.1", "R1316", "resolves 1.1"),
    ("R1316 §resolves 1.1", "R1316", "resolves 1.1"),
    ("resolves 1.1 of Resolution 1316", "R1316", "resolves 1.1"),
    ("1316 resolves 1.1", "R1316", "resolves 1.1"),
    ("1316 RESOLVES 1.1.", "R1316", "resolves 1.1"),
    ("Resolution 1316 of the Council, resolves paragraph 1.1", "R1316", "resolves 1.1"),
    ("Res.1316 resolves 1 a", "R1316", "resolves 1 a)"),
    ("R 1316, Considering (b)(ii)", "R1316", "considering b) ii)"),
    ("Res 1316 C09 considering a)", "R1316", "considering a)"),
    ("Res. 1316, invites the Secretary General ¶ 2", "R1316", "invites the Secretary-General ¶2"),
    ("Res. 1316, invites the Secretary-General 2", "R1316", "invites the Secretary-General ¶2"),
    ("Res 1316 invites Secretary-General ¶1", "R1316", "invites the Secretary-General ¶1"),
    ("Resolution No. 1316, resolves 2", "R1316", "resolves 2"),
    ("Res 1316/C09 resolves 2", "R1316", "resolves 2"),
    ("Res. 1316 resolves 2, para. 1", "R1316", "resolves 2 ¶1"),
    (
      "Res. 1316 resolves to instruct the secretary-general ¶1", "R1316",
      "resolves to instruct the Secretary-General ¶1"
    ),
    ("Res. 71 (Rev. Dubai, 2018), resolves 2", "PP-R71", "resolves 2"),
    ("Resolution 71 (Rev. Dubai, 2018) resolves 2", "PP-R71", "resolves 2"),
    ("PP Resolution 71, resolves 2", "PP-R71", "resolves 2"),
    ("Resolution 71 of the Plenipotentiary Conference, resolves 1", "PP-R71", "resolves 1"),
    ("PP-R71 resolves 1", "PP-R71", "resolves 1"),
    ("Res. 1306 (C09), Annex 1, 3.2", "R1306", "Annex 1, 3.2"),
    ("Resolution 1306 annex 1 3.2", "R1306", "Annex 1, 3.2"),
    ("R1306 Annex, 3", "R1306", "Annex, 3"),
    ("Dec. 482 (C20), decides 1", "D482", "decides 1"),
    ("fragment-notes-3, resolves 1", "fragment-notes-3", "resolves 1"),
    ("“to report to the Council;” Res. 1316 (C09), resolves 1.2", "R1316", "resolves 1.2"),
    ("\"to hold \"two\" meetings;\" Res. 1316 (C09), resolves 1.1", "R1316", "resolves 1.1"),
    ("[Res. 1316 (C09), resolves 1.1](resbrowse://R1316/resolves%201.1)", "R1316", "resolves 1.1"),
    ("resbrowse://r1316/considering%20b%29%20i%29", "R1316", "considering b) i)"),
  ])
  func writtenFormsReachTheClause(text: String, id: String, path: String) {
    #expect(address(text) == ClauseAddress(documentID: id, path: path), "\(text)")
  }

  @Test(arguments: [
    ("Decision 482", "D482"), ("D482", "D482"), ("R1316", "R1316"), ("1316", "R1316"),
    ("Res 71", "R71"), ("Res. 71 (C-1950)", "R71"), ("PP-R71", "PP-R71"), ("C09/120", "R1306"),
    ("Document C09/108 (Rev.1)", "R1306"), ("c09/120-E", "R1306"), ("r1400-2", "R1400-2"),
    ("Res. 1400 (C19) [R1400-2]", "R1400-2"), ("fragment-notes-3", "fragment-notes-3"),
    ("resbrowse://D482", "D482"), ("Res 1000", "R1000"),
  ])
  func documentForms(text: String, id: String) {
    #expect(address(text) == ClauseAddress(documentID: id), "\(text)")
  }

  @Test func decisionAndResolutionNumbersAreSeparate() {
    #expect(CitationParser.resolve("Decision 1316", in: corpus) == nil)
    #expect(CitationParser.resolve("Resolution 482", in: corpus) == nil)
  }

  @Test(arguments: [
    "", "   ", "hello world", "Res. 9999, resolves 1", "9999", "R9999", "D1316", "C10/999",
    "resolves 1.1", "((((", "resbrowse://", "resbrowse://R9999/resolves%201", "fragment-notes-9",
  ])
  func junkAndUnknownNumbersMatchNothing(text: String) {
    #expect(CitationParser.resolve(text, in: corpus) == nil, "\(text)")
  }

  @Test func missingPinpointFallsBackToNearestAncestor() throws {
    let deeper = try #require(CitationParser.resolve("Res. 1316 resolves 1.7", in: corpus))
    #expect(deeper.pinpointFound == false)
    #expect(deeper.address == ClauseAddress(documentID: "R1316", path: "resolves 1"))
    #expect(deeper.pinpoint == "resolves 1.7")

    let nested = try #require(CitationParser.resolve("R1316 considering b) iv)", in: corpus))
    #expect(nested.pinpointFound == false)
    #expect(nested.address == ClauseAddress(documentID: "R1316", path: "considering b)"))

    let heading = try #require(
      CitationParser.resolve("R1316 invites the Secretary-General", in: corpus))
    #expect(heading.pinpointFound == false)
    #expect(
      heading.address
        == ClauseAddress(documentID: "R1316", path: "invites the Secretary-General ¶1"))

    let none = try #require(CitationParser.resolve("R1316 decides 4", in: corpus))
    #expect(none.pinpointFound == false)
    #expect(none.address == ClauseAddress(documentID: "R1316"))
  }

  @Test func candidatesRankConferenceAndCouncilTexts() {
    let plain = CitationParser.candidates("Resolution 71", in: corpus).map(\.address.documentID)
    #expect(plain == ["R71", "PP-R71"])
    let dubai = CitationParser.candidates("Resolution 71 (Rev. Dubai, 2018)", in: corpus).map(
      \.address.documentID)
    #expect(dubai == ["PP-R71", "R71"])
  }

  @Test func showCiteReportsWhatIsMissing() {
    #expect(
      CitationParser.address(forCitation: "1316 resolves 1.1", in: corpus)
        == .success(ClauseAddress(documentID: "R1316", path: "resolves 1.1")))
    #expect(
      CitationParser.address(forCitation: "nothing", in: corpus) == .failure(.noDocument("nothing"))
    )
    let missing = CitationParser.address(forCitation: "R1316 resolves 1.9", in: corpus)
    #expect(
      missing
        == .failure(
          .noClause(
            pinpoint: "resolves 1.9", documentID: "R1316",
            nearest: ClauseAddress(documentID: "R1316", path: "resolves 1"))))
  }

  @Test func garbageInputReturnsQuickly() {
    var inputs: [String] = []
    inputs.append(String(repeating: "Res. 1316 (", count: 10_000))
    inputs.append(String(repeating: "a-", count: 50_000))
    inputs.append(String(repeating: "(((resolves 1.1 ¶", count: 6_000))
    inputs.append(String(repeating: "“", count: 50_000) + "R1316")
    inputs.append(String(repeating: "1.", count: 50_000))
    inputs.append(String(repeating: "C09/1 ", count: 17_000))
    inputs.append("resbrowse://" + String(repeating: "%41", count: 30_000))
    inputs.append("{" + String(repeating: "x ", count: 50_000))
    var generator = SystemRandomNumberGenerator()
    inputs.append(
      String(
        (0..<100_000).map { _ in
          Character(Unicode.Scalar(UInt8.random(in: 0...127, using: &generator)))
        }))
    for input in inputs {
      let start = Date()
      _ = CitationParser.resolve(input, in: corpus)
      _ = CitationParser.suggestions(for: input, in: corpus, limit: 10)
      #expect(Date().timeIntervalSince(start) < 5, "input starting \(input.prefix(20))")
    }
  }
}

@Suite struct CitationParserMutationTests {
  /// Whatever the reader makes of a damaged citation, it names something
  /// that exists: a document of the corpus and, when given, one of its clauses.
  @Test func damagedCitationsNameOnlyExistingPlaces() throws {
    let corpus = CitationTestCorpus.corpus
    var generator = SeededGenerator(seed: 1316)
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789 .,;:()[]¶§\"“”-/%\u{1B}\u{0}é")
    for address in CitationTestCorpus.addresses(of: corpus) {
      for format in CitationFormat.builtIn {
        let citation = Array(try Citation.format(address, in: corpus, as: format))
        for _ in 0..<8 {
          var damaged = citation
          for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = Int.random(in: 0...damaged.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0 where position < damaged.count: damaged.remove(at: position)
            case 1: damaged.insert(alphabet.randomElement(using: &generator) ?? " ", at: position)
            default:
              if position < damaged.count {
                damaged[position] = alphabet.randomElement(using: &generator) ?? " "
              }
            }
          }
          let text = String(damaged)
          for match in CitationParser.candidates(text, in: corpus) {
            let document = try #require(corpus.document(id: match.address.documentID), "\(text)")
            if let path = match.address.path {
              #expect(document.clause(atPath: path) != nil, "\(text)")
            }
          }
          for suggestion in CitationParser.suggestions(for: text, in: corpus, limit: 5) {
            #expect(corpus.document(id: suggestion.address.documentID) != nil, "\(text)")
          }
        }
      }
    }
  }
}

/// A small deterministic generator (SplitMix64) so failures repeat.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
