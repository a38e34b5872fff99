import Testing

@testable import ResolutionKit

/// The scanner's cheap rejections (first letters of a keyword, a symbol's
/// second byte, an instrument's first four bytes) and the resolver's
/// integer keys and position-based backlinks must find and resolve exactly
/// what the full comparisons do.
@Suite struct ReferenceFastPathTests {
  typealias F = ReferenceFixtures

  /// Every keyword in every case the scanner accepts, each form of list,
  /// and symbols with and without a dash: still found after the
  /// pre-checks, with the number or symbol they name.
  @Test(arguments: [
    ("Resolution 1300", "1300"), ("resolution 1300", "1300"), ("RESOLUTION 1300", "1300"),
    ("rEsOlUtIoN 1300", "1300"), ("Resolutions 1300", "1300"), ("Res. 1300", "1300"),
    ("Decision 562", "562"), ("decision 562", "562"), ("DECISIONS 562", "562"),
    ("Resolution No. 5", "5"), ("Council Resolution 1282", "1282"),
    ("resolves 2 of Resolution 1306", "1306"),
  ])
  func numberedFormsAreFound(text: String, number: String) throws {
    let found = ReferenceExtractor.extract(in: "as in \(text), noting", citingBody: "Council")
    let reference = try #require(found.first)
    #expect(found.count == 1)
    #expect(reference.number == number)
    #expect(reference.kind == (text.lowercased().contains("dec") ? .decision : .resolution))
  }

  @Test(arguments: [
    ("Document C09/120", "C09/120"), ("document C09/120", "C09/120"),
    ("DOCUMENTS C09/120", "C09/120"), ("C09/120", "C09/120"), ("C-1985/12", "C-1985/12"),
    ("C2001/49(Rev.1)", "C2001/49(Rev.1)"), ("Document C09/108 (Rev.1)", "C09/108(Rev.1)"),
    ("C20/57-E", "C20/57-E"),
  ])
  func documentFormsAreFound(text: String, symbol: String) throws {
    let found = ReferenceExtractor.extract(in: "see \(text) here")
    #expect(found.map(\.symbol) == [symbol])
    #expect(found.first?.kind == .document)
  }

  /// Words that share a keyword's first letters but are none.
  @Test func nearMissesAreNotReferences() {
    let text =
      "resolves decides documents reserves Rescue Decimal C0 Cx/12 Res 5 dec. 5 "
      + "Constitutional Conventions Tunisia Rules Regulations Staff Financial"
    #expect(ReferenceExtractor.extract(in: text).isEmpty)
  }

  /// Every instrument of the vocabulary, by its written name, in the middle
  /// of a clause: the packed first four bytes pick it out.
  @Test func everyInstrumentIsFound() {
    for (written, canonical) in ReferenceVocabulary.instruments {
      let found = ReferenceExtractor.extract(in: "in accordance with the \(written), and")
      #expect(found.map(\.symbol) == [canonical], "\(written)")
      #expect(found.first?.text == written)
    }
  }

  /// Symbols and pinpoints made straight from the bytes when already
  /// normalised, and through the slow path otherwise.
  @Test func normalisationOfSymbolsAndPinpoints() {
    let spaced = ReferenceExtractor.extract(in: "Document C09/108 (Rev. 1)")
    #expect(spaced.first?.symbol == "C09/108(Rev.1)")
    let pinpoint = ReferenceExtractor.extract(in: "resolves  2 of Resolution 7")
    #expect(pinpoint.first?.pinpoint == "resolves 2")
    let plain = ReferenceExtractor.extract(in: "resolves 2 of Resolution 7")
    #expect(plain.first?.pinpoint == "resolves 2")
  }

  /// Numbers compare without leading zeros, as text otherwise: `0071` is
  /// `71`, `00` is not `0`, `5bis` is itself, a long run of zeros before
  /// the digits still drops.
  @Test func numberKeys() throws {
    var documents = [
      F.document("R0071", number: "0071"),
      F.document("R00", number: "00"),
      F.document("R5bis", number: "5bis"),
      F.document("R-long", number: String(repeating: "0", count: 25) + "42"),
      F.document("R-huge", number: String(repeating: "9", count: 30)),
      F.document(
        "R9000", number: "9000",
        sections: [
          F.section(
            "resolves",
            [
              F.clause("resolves 1", "Resolution 71"),
              F.clause("resolves 2", "Resolution 0"),
              F.clause("resolves 3", "Resolution 00"),
              F.clause("resolves 4", "Resolution 42"),
            ])
        ]),
    ]
    ReferenceExtractor.extractEach(into: &documents)
    documents[5].references.append(
      Reference(
        kind: .resolution, text: "5bis", number: "5bis", field: .clause, path: "", span: 0..<4))
    documents[5].references.append(
      Reference(
        kind: .resolution, text: "huge", number: String(repeating: "9", count: 30),
        field: .clause, path: "", span: 0..<4))
    _ = ReferenceResolver.resolve(&documents)
    #expect(
      documents[5].references.map(\.target) == ["R0071", nil, "R00", "R-long", "R5bis", "R-huge"])
  }

  /// The backlinks the resolver builds from target positions equal those
  /// built from the references' target ids, duplicate ids and a `Ref.:`
  /// line citing its own sources included.
  @Test func resolverBacklinksAgreeWithIndexFromIds() {
    var documents = (1...30).map { number in
      F.document(
        number == 7 ? "R3" : "R\(number)", number: "\(number)",
        sections: [
          F.section(
            "resolves",
            [
              F.clause(
                "resolves 1", "Resolution \(number * 7 % 30 + 1), resolves 1, 2 and 3",
                children: [
                  F.clause("resolves 1.1", "resolves 2 of Resolution \(number * 3 % 30 + 1)")
                ]),
              F.clause("resolves 2", "Document C09/\(number * 5 % 30 + 1) and Resolution 999"),
            ])
        ], sources: ["C09/\(number)"], sourcesLine: "Document C09/\(number)")
    }
    ReferenceExtractor.extractEach(into: &documents)
    let fromResolver = ReferenceResolver.resolve(&documents)
    let fromIds = BacklinkIndex(documents: documents)
    #expect(fromResolver.citedDocumentCount == fromIds.citedDocumentCount)
    #expect(fromResolver.citedDocumentCount > 20)
    for document in documents {
      #expect(
        fromResolver.citing(documentID: document.id) == fromIds.citing(documentID: document.id))
      for clause in document.allClauses {
        let address = ClauseAddress(documentID: document.id, path: clause.path)
        #expect(fromResolver.citing(address) == fromIds.citing(address))
      }
    }
  }

  /// The chunked scan finds exactly what the word-by-word loop finds, on
  /// texts stitched from keywords, numbers, symbols, instruments, no-break
  /// spaces, other non-ASCII bytes and punctuation, at every alignment.
  @Test func chunkedScanAgreesWithWordByWord() {
    let pieces = [
      "Resolution", "Resolutions", "Res.", "Decision", "document", "Documents", "resolves",
      "RESOLUTION", "1300", "71", "2", "C09/120", "C-1985/12", "(Rev.1)", "(C09)", "of the Council",
      "Constitution", "Convention", "Tunis Agenda", "Radio Regulations", "Budapest", "on", "and",
      ",", ".", " ", "  ", "\u{A0}", "\u{A0}\u{A0}", "\u{A7}", "é", "Ré", "xRes", "§", "\n",
      "paragraph", "1.1", "a)", "instructs the Secretary-General", "3", "(", ")", "/", "-", "of",
    ]
    var generator = SeededGenerator(seed: 20_261_129)
    var compared = 0
    var references = 0
    for length in 0..<400 {
      var text = ""
      for _ in 0..<(length % 40) {
        text += pieces[Int(generator.next() % UInt64(pieces.count))]
        if generator.next() % 3 == 0 { text += " " }
      }
      var chunked: [Reference] = []
      var wordByWord: [Reference] = []
      ReferenceScanner.scan(
        text, citingBody: "Council", field: .clause, path: InternedText(wrappedValue: "p"),
        footnote: nil, into: &chunked)
      ReferenceScanner.scan(
        text, citingBody: "Council", field: .clause, path: InternedText(wrappedValue: "p"),
        footnote: nil, into: &wordByWord,
        wordByWord: true)
      #expect(chunked == wordByWord, "\(text.debugDescription)")
      compared += 1
      references += chunked.count
    }
    #expect(compared == 400)
    #expect(references > 200)
  }

  /// Symbols that are keys already come back as they are; any space,
  /// lower-case letter or language suffix still goes through the full key.
  @Test func symbolKeysThatNeedNoChange() {
    #expect(ReferenceResolver.symbolKey("C09/120") == "C09/120")
    #expect(ReferenceResolver.symbolKey("C2001/49(REV.1)") == "C2001/49(REV.1)")
    #expect(ReferenceResolver.symbolKey("C20/57-1") == "C20/57-1")
    #expect(ReferenceResolver.symbolKey("") == "")
    #expect(ReferenceResolver.symbolKey("C20/57-E") == "C20/57")
    #expect(ReferenceResolver.symbolKey("C2001/49(Rev.1)") == "C2001/49(REV.1)")
    #expect(ReferenceResolver.symbolKey("C09/ 120") == "C09/120")
    // Non-ASCII: the full (Unicode) key, which drops the no-break space.
    #expect(ReferenceResolver.symbolKey("C09/120\u{A0}") == "C09/120")
  }

  @Test func candidateMaskMarksCapitalsAndRAndDOnly() {
    for value in 0..<256 {
      for offset in 0..<8 {
        let word = UInt64(value) << (8 * offset) | 0x2020_2020_2020_2020 & ~(0xFF << (8 * offset))
        let mask = ReferenceScanner.candidateMask(word)
        let expected = (0x41...0x5A).contains(value) || value == 0x72 || value == 0x64
        #expect(mask == (expected ? 0x80 << (8 * offset) : 0), "byte \(value) at \(offset)")
      }
    }
  }
}
