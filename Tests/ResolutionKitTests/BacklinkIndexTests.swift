import Testing

@testable import ResolutionKit

@Suite struct BacklinkIndexTests {
  typealias F = ReferenceFixtures

  static let corpus = F.corpus([
    F.document(
      "R1300", number: "1300",
      sections: [
        F.section(
          "resolves",
          [
            F.clause("resolves 1", "to act", children: [F.clause("resolves 1.1", "sub")]),
            F.clause("resolves 2", "to report"),
          ])
      ]),
    F.document(
      "R1316", number: "1316", title: "Following Resolution 1300",
      sections: [
        F.section(
          "considering",
          [
            F.clause("considering a)", "Resolution 1300 of the Council"),
            F.clause("considering b)", "resolves 2 of Resolution 1300"),
          ])
      ]),
    F.document(
      "R1317", number: "1317",
      sections: [
        F.section(
          "recalling",
          [
            F.clause("recalling a)", "Resolution 1300, resolves 1, 2 and 3"),
            F.clause("recalling b)", "resolves 1.1 of Resolution 1300 and Resolution 4444"),
          ])
      ]),
  ])

  @Test func documentBacklinksInCorpusOrder() {
    let links = Self.corpus.backlinks.citing(documentID: "R1300")
    #expect(
      links.map(\.source) == [
        ClauseAddress(documentID: "R1316", path: nil),
        ClauseAddress(documentID: "R1316", path: "considering a)"),
        ClauseAddress(documentID: "R1316", path: "considering b)"),
        ClauseAddress(documentID: "R1317", path: "recalling a)"),
        ClauseAddress(documentID: "R1317", path: "recalling b)"),
      ])
    #expect(links.map(\.field) == [.title, .clause, .clause, .clause, .clause])
    #expect(links.map(\.referenceIndex) == [0, 1, 2, 0, 1])
    // Each backlink leads back to its reference.
    for link in links {
      let reference = Self.corpus.document(id: link.source.documentID)?.references[
        link.referenceIndex]
      #expect(reference?.target == "R1300")
    }
  }

  @Test func clauseBacklinksByPinpoint() {
    let backlinks = Self.corpus.backlinks
    let second = backlinks.citing(ClauseAddress(documentID: "R1300", path: "resolves 2"))
    #expect(second.map(\.source.path) == ["considering b)", "recalling a)"])
    let first = backlinks.citing(ClauseAddress(documentID: "R1300", path: "resolves 1"))
    #expect(first.map(\.source.path) == ["recalling a)"])
    // A citation of `resolves 1` also cites what stands under it.
    let nested = backlinks.citing(ClauseAddress(documentID: "R1300", path: "resolves 1.1"))
    #expect(nested.map(\.source.path) == ["recalling a)", "recalling b)"])
    #expect(backlinks.citing(ClauseAddress(documentID: "R1300", path: "resolves 9")).isEmpty)
  }

  @Test func wholeDocumentAddress() {
    let backlinks = Self.corpus.backlinks
    #expect(
      backlinks.citing(ClauseAddress(documentID: "R1300"))
        == backlinks.citing(documentID: "R1300"))
    #expect(backlinks.citing(documentID: "R4444").isEmpty)
    #expect(backlinks.citing(documentID: "R1316").isEmpty)
  }

  @Test func ownSourcesLineIsNotACitation() {
    let corpus = F.corpus([
      F.document("R1", number: "1", sources: ["C09/120"], sourcesLine: "Document C09/120"),
      F.document("R2", number: "2", sourcesLine: "Document C09/120"),
    ])
    // Both Ref.: lines resolve, but only R2's cites R1.
    #expect(corpus.document(id: "R1")?.references.first?.target == "R1")
    #expect(corpus.backlinks.citing(documentID: "R1").map(\.source.documentID) == ["R2"])
    #expect(corpus.backlinks.citing(documentID: "R1").first?.field == .sources)
  }

  /// The index, grouped by target on all cores, agrees with one plain pass
  /// over the references in corpus order, for every document and every
  /// clause, on a corpus whose documents cite each other with pinpoints.
  @Test func agreesWithAPlainPass() {
    let corpus = F.corpus(
      (1...40).map { number in
        F.document(
          "R\(number)", number: "\(number)",
          sections: [
            F.section(
              "resolves",
              [
                F.clause(
                  "resolves 1", "Resolution \(number * 7 % 40 + 1), resolves 1.1",
                  children: [
                    F.clause("resolves 1.1", "resolves 2 of Resolution \(number * 3 % 40 + 1)")
                  ]),
                F.clause(
                  "resolves 2",
                  "Resolution \(number * 11 % 40 + 1), resolves 1, 2 and 1, and Resolution 999"),
              ])
          ])
      })
    var expected: [String: [Backlink]] = [:]
    for document in corpus.documents {
      for (index, reference) in document.references.enumerated() {
        guard let target = reference.target else { continue }
        expected[target, default: []].append(
          Backlink(
            source: ClauseAddress(
              documentID: document.id, path: reference.path.isEmpty ? nil : reference.path),
            referenceIndex: index, pinpoint: reference.pinpoint, field: reference.field))
      }
    }
    #expect(expected.count > 30)
    #expect(corpus.backlinks.citedDocumentCount == expected.count)
    var pinpointed = 0
    for document in corpus.documents {
      let links = expected[document.id] ?? []
      #expect(corpus.backlinks.citing(documentID: document.id) == links)
      for clause in document.allClauses {
        // A clause is cited by a pinpoint on it or on a clause enclosing it.
        let citing = links.filter { link in
          let reference = corpus.document(id: link.source.documentID)?
            .references[link.referenceIndex]
          return reference?.pinpoints.contains {
            clause.path == $0 || clause.path.hasPrefix($0 + ".")
          } ?? false
        }
        pinpointed += citing.count
        let address = ClauseAddress(documentID: document.id, path: clause.path)
        #expect(corpus.backlinks.citing(address) == citing, "\(document.id) \(clause.path)")
      }
    }
    #expect(pinpointed > 80)
  }
}
