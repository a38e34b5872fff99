import Testing

@testable import ResolutionKit

/// The reference-key index must answer "who else cites this" exactly as
/// the scan over every reference it replaced in the browser.
@Suite struct ReferenceKeyIndexTests {
  typealias F = ReferenceFixtures

  /// The browser's former scan, kept here as the reference answer.
  static func scan(_ reference: Reference, in documents: [Document]) -> [ReferencePosition] {
    var result: [ReferencePosition] = []
    for (d, document) in documents.enumerated() {
      for (r, other) in document.references.enumerated() where other.kind == reference.kind {
        let same: Bool
        if let number = reference.number {
          same =
            other.number == number
            && (reference.body == nil || other.body == nil || other.body == reference.body)
        } else if let symbol = reference.symbol {
          same = other.symbol == symbol
        } else {
          same = other.text == reference.text
        }
        if same { result.append(ReferencePosition(document: d, reference: r)) }
      }
    }
    return result
  }

  /// Dangling and ambiguous references of every shape: by number with and
  /// without a body, by document symbol, named instruments.
  static let corpus = F.corpus([
    F.document(
      "R1300", number: "1300",
      sections: [
        F.section(
          "recalling",
          [
            F.clause("recalling a)", "Resolution 9999 of the Council and Resolution 1300"),
            F.clause("recalling b)", "Resolution 9999 (Antalya, 2006) and Document C09/999"),
            F.clause("recalling c)", "the Constitution of ITU and Resolution 77"),
          ])
      ]),
    F.document("PP-R77", body: "Plenipotentiary Conference", number: "77"),
    F.document("R77", number: "77"),
    F.document(
      "R1316", number: "1316",
      sections: [
        F.section(
          "noting",
          [
            F.clause("noting a)", "Resolution 9999 of the Plenipotentiary Conference"),
            F.clause("noting b)", "Document C09/999 and the Constitution of ITU"),
            F.clause("noting c)", "Resolution 77 and Decision 9999"),
          ])
      ]),
  ])

  @Test func sameAnswersAsTheScanForEveryReference() {
    let documents = Self.corpus.documents
    let index = ReferenceKeyIndex(documents: documents)
    var unresolved = 0
    for document in documents {
      for reference in document.references {
        if reference.target == nil { unresolved += 1 }
        #expect(
          index.references(sameAs: reference, in: documents) == Self.scan(reference, in: documents),
          "\(document.id): \(reference.text)")
      }
    }
    // The fixture must exercise the index, not only the fallback.
    #expect(unresolved >= 6)
  }

  @Test func sameAnswersOnTheSampleCorpus() {
    let corpus = Corpus.sample
    for document in corpus.documents {
      for reference in document.references {
        #expect(
          corpus.references(sameAs: reference) == Self.scan(reference, in: corpus.documents),
          "\(document.id): \(reference.text)")
      }
    }
  }

  @Test func bodiesMustAgreeWhenBothAreStated() {
    let documents = Self.corpus.documents
    guard
      let r1316 = documents.firstIndex(where: { $0.id == "R1316" }),
      let plenipotentiary = documents[r1316].references.first(where: {
        $0.number == "9999" && $0.kind == .resolution
      })
    else {
      Issue.record("fixture lost its references")
      return
    }
    #expect(plenipotentiary.body == "Plenipotentiary Conference")
    let found = Self.corpus.references(sameAs: plenipotentiary).map {
      documents[$0.document].references[$0.reference]
    }
    // Not the Council's 9999; the one without a body, and itself.
    #expect(!found.contains { $0.body == "Council" })
    #expect(found.contains { $0.body == "Plenipotentiary Conference" })
    #expect(!found.contains { $0.kind == .decision })
  }

  @Test func emptyWithoutReferences() {
    let index = ReferenceKeyIndex(documents: [F.document("R1")])
    let reference = Reference(
      kind: .resolution, text: "Resolution 5", number: "5", field: .clause, path: "", span: 0..<12)
    #expect(index.references(sameAs: reference, in: []).isEmpty)
  }
}

/// A corpus loaded with its references pending, then resolved, is the
/// corpus loaded at once.
@Suite struct DeferredResolutionTests {
  @Test func resolvingLaterGivesTheSameCorpus() {
    let sources = Corpus.sampleSources
    let atOnce = Corpus.build(from: sources)
    let pending = Corpus.buildDeferringReferences(from: sources)
    #expect(pending.referencesPending)
    #expect(pending.documents.allSatisfy { $0.references.isEmpty })
    #expect(pending.documents.map(\.id) == atOnce.documents.map(\.id))
    #expect(pending.backlinks.citedDocumentCount == 0)

    let resolved = pending.resolvingReferences()
    #expect(!resolved.referencesPending)
    #expect(!atOnce.referencesPending)
    #expect(resolved.documents == atOnce.documents)
    #expect(resolved.documents.contains { !$0.references.isEmpty })
    #expect(resolved.backlinks.citedDocumentCount == atOnce.backlinks.citedDocumentCount)
    for document in atOnce.documents {
      #expect(
        resolved.backlinks.citing(documentID: document.id)
          == atOnce.backlinks.citing(documentID: document.id))
    }
    #expect(resolved.diagnostics == atOnce.diagnostics)
    // Resolving a resolved corpus changes nothing.
    #expect(resolved.resolvingReferences().documents == resolved.documents)
  }

  @Test func pendingCorpusHasNoSameReferences() {
    let pending = Corpus.buildDeferringReferences(from: Corpus.sampleSources)
    let resolved = pending.resolvingReferences()
    guard let reference = resolved.documents.lazy.flatMap(\.references).first else {
      Issue.record("the sample corpus has no references")
      return
    }
    #expect(pending.references(sameAs: reference).isEmpty)
    #expect(!resolved.references(sameAs: reference).isEmpty)
  }
}
