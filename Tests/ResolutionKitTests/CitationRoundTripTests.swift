import Testing

@testable import ResolutionKit

/// Every format of every document and clause reads back to the same place.
@Suite struct CitationRoundTripTests {
  static let formats: [CitationFormat] =
    CitationFormat.builtIn + [
      .template(name: "id-path", template: "{id} {path}"),
      .template(name: "prose", template: "cf. {id} ({session}), {path}"),
    ]

  func roundTrip(_ corpus: Corpus) throws -> Int {
    var checked = 0
    for address in CitationTestCorpus.addresses(of: corpus) {
      for format in Self.formats {
        let citation = try Citation.format(address, in: corpus, as: format)
        let match = CitationParser.resolve(citation, in: corpus)
        #expect(match?.address == address, "\(format.name): \(citation)")
        #expect(match?.pinpointFound == true, "\(format.name): \(citation)")
        checked += 1
      }
    }
    return checked
  }

  @Test func handBuiltCorpus() throws {
    let checked = try roundTrip(CitationTestCorpus.corpus)
    #expect(checked > 100)
  }

  @Test func sampleCorpus() throws {
    _ = try roundTrip(Corpus.sample)
  }
}
