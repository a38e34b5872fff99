import Testing

@testable import ResolutionKit

/// Extracts from one text and checks the invariant every reference must
/// keep: its text is exactly the UTF-8 byte slice its span names.
private func references(_ text: String, body: String? = nil) -> [Reference] {
  let found = ReferenceExtractor.extract(in: text, citingBody: body)
  let bytes = Array(text.utf8)
  for reference in found {
    #expect(reference.span.upperBound <= bytes.count)
    if reference.span.upperBound <= bytes.count {
      #expect(String(decoding: bytes[reference.span], as: UTF8.self) == reference.text)
    }
  }
  return found
}

private func only(_ text: String, body: String? = nil) -> Reference? {
  let found = references(text, body: body)
  #expect(found.count == 1, "\(text): \(found.map(\.text))")
  return found.first
}

@Suite struct ReferenceExtractorCouncilForms {
  @Test func plainResolution() throws {
    let reference = try #require(only("as set out in Resolution 1300, the Council"))
    #expect(reference.kind == .resolution)
    #expect(reference.text == "Resolution 1300")
    #expect(reference.number == "1300")
    #expect(reference.body == nil)
    #expect(reference.span == 14..<29)
  }

  @Test func abbreviation() throws {
    let reference = try #require(only("see Res. 1300."))
    #expect(reference.text == "Res. 1300")
    #expect(reference.number == "1300")
  }

  @Test func ofTheCouncil() throws {
    let reference = try #require(
      only("Resolution 1300 of the Council to establish a Working Group"))
    #expect(reference.text == "Resolution 1300 of the Council")
    #expect(reference.body == "Council")
  }

  @Test func councilPrefixWithModification() throws {
    let reference = try #require(only("recalling Council Resolution 1282 (Mod. 2008) on"))
    #expect(reference.text == "Council Resolution 1282 (Mod. 2008)")
    #expect(reference.body == "Council")
    #expect(reference.revision == "Mod. 2008")
    #expect(reference.number == "1282")
  }

  @Test func modifiedInheritsTheCitingBody() throws {
    let reference = try #require(only("Resolution 1334 (Modified 2013)", body: "Council"))
    #expect(reference.text == "Resolution 1334 (Modified 2013)")
    #expect(reference.revision == "Modified 2013")
    #expect(reference.body == "Council")
  }

  @Test func sessionCodes() throws {
    let modified = try #require(only("Resolution 1306 (C09 Modified C15)"))
    #expect(modified.body == "Council")
    #expect(modified.revision == "C09 Modified C15")
    let council = try #require(only("Resolution 1306 (Council 2009)"))
    #expect(council.body == "Council")
    #expect(council.revision == "Council 2009")
  }

  @Test func ofCouncilYear() throws {
    let reference = try #require(only("under Resolution 1158 of Council 2000, and"))
    #expect(reference.text == "Resolution 1158 of Council 2000")
    #expect(reference.body == "Council")
    #expect(reference.number == "1158")
    #expect(reference.revision == "Council 2000")
  }

  @Test func bareResolutionInheritsBody() throws {
    #expect(only("Resolution 1300", body: "Council")?.body == "Council")
    #expect(
      only("Resolution 71", body: "Plenipotentiary Conference")?.body
        == "Plenipotentiary Conference")
  }

  @Test func numberWord() throws {
    let reference = try #require(only("Resolution No. 1300 applies"))
    #expect(reference.text == "Resolution No. 1300")
    #expect(reference.number == "1300")
  }

  @Test func upperCaseHeaderForm() throws {
    let reference = try #require(only("RESOLUTION 1396 (C19)"))
    #expect(reference.number == "1396")
    #expect(reference.body == "Council")
  }
}

@Suite struct ReferenceExtractorConferenceForms {
  @Test func revisedPlenipotentiary() throws {
    let reference = try #require(only("Resolution 71 (Rev. Guadalajara, 2010)", body: "Council"))
    #expect(reference.body == "Plenipotentiary Conference")
    #expect(reference.revision == "Rev. Guadalajara, 2010")
    #expect(reference.text == "Resolution 71 (Rev. Guadalajara, 2010)")
  }

  @Test func ofThePlenipotentiaryConference() throws {
    let reference = try #require(
      only("Resolution 102 (Rev. Antalya, 2006) of the Plenipotentiary Conference;"))
    #expect(
      reference.text == "Resolution 102 (Rev. Antalya, 2006) of the Plenipotentiary Conference")
    #expect(reference.body == "Plenipotentiary Conference")
    #expect(reference.revision == "Rev. Antalya, 2006")
  }

  @Test func assemblyNamedBeforeWins() throws {
    let reference = try #require(only("WTSA Resolution 75 (Johannesburg, 2008)", body: "Council"))
    #expect(reference.text == "WTSA Resolution 75 (Johannesburg, 2008)")
    #expect(reference.body == "World Telecommunication Standardization Assembly")
    #expect(reference.revision == "Johannesburg, 2008")
  }

  @Test func developmentConferenceInBracket() throws {
    let reference = try #require(only("Resolution 67 (WTDC, Kigali, 2022)"))
    #expect(reference.body == "World Telecommunication Development Conference")
    #expect(reference.revision == "WTDC, Kigali, 2022")
  }

  @Test func radioConferences() throws {
    let revised = try #require(only("Resolution 28 (Rev.WRC-15)", body: "Council"))
    #expect(revised.body == "World Radiocommunication Conference")
    #expect(revised.revision == "Rev.WRC-15")
    let mobile = try #require(only("Resolution 331 (Mob-87)"))
    #expect(mobile.body == "World Radiocommunication Conference")
    #expect(mobile.text == "Resolution 331 (Mob-87)")
  }

  @Test func cityAndYearIsPlenipotentiary() throws {
    #expect(only("Resolution 130 (Busan, 2014)")?.body == "Plenipotentiary Conference")
  }

  @Test func unrelatedBracketIsNotPartOfTheReference() throws {
    let reference = try #require(only("Resolution 1300 (CWG SP-FP) was", body: "Council"))
    #expect(reference.text == "Resolution 1300")
    #expect(reference.revision == nil)
  }
}

@Suite struct ReferenceExtractorLists {
  @Test func twoResolutions() {
    let found = references("Resolutions 1300 and 1305 of the Council")
    #expect(found.map(\.number) == ["1300", "1305"])
    #expect(found.map(\.text) == ["Resolutions 1300", "1305 of the Council"])
    #expect(found.allSatisfy { $0.body == "Council" })
  }

  @Test func threeResolutions() {
    let found = references("Resolutions 1305, 1306 and 1316", body: "Council")
    #expect(found.map(\.number) == ["1305", "1306", "1316"])
    #expect(found.map(\.text) == ["Resolutions 1305", "1306", "1316"])
    #expect(found.allSatisfy { $0.body == "Council" && $0.kind == .resolution })
  }

  @Test func listItemsKeepTheirOwnBrackets() {
    let found = references("Resolutions 1305 (C09) and 71 (Rev. Guadalajara, 2010)")
    #expect(found.map(\.body) == ["Council", "Plenipotentiary Conference"])
    #expect(found.map(\.text) == ["Resolutions 1305 (C09)", "71 (Rev. Guadalajara, 2010)"])
  }

  @Test func decisions() {
    let found = references("Decisions 562 and 563")
    #expect(found.map(\.kind) == [.decision, .decision])
    #expect(found.map(\.number) == ["562", "563"])
  }

  @Test func singularDoesNotTakeAList() {
    let found = references("Resolution 1300 and 12 Member States")
    #expect(found.map(\.text) == ["Resolution 1300"])
  }
}

@Suite struct ReferenceExtractorDecisions {
  @Test func decision() throws {
    let reference = try #require(only("Decision 562 on"))
    #expect(reference.kind == .decision)
    #expect(reference.number == "562")
  }

  @Test func councilDecision() throws {
    let reference = try #require(only("Council Decision 482 (C01, last amended C20)"))
    #expect(reference.kind == .decision)
    #expect(reference.body == "Council")
    #expect(reference.text == "Council Decision 482 (C01, last amended C20)")
    #expect(reference.revision == "C01, last amended C20")
  }
}

@Suite struct ReferenceExtractorDocuments {
  @Test func document() throws {
    let reference = try #require(only("Document C09/120"))
    #expect(reference.kind == .document)
    #expect(reference.symbol == "C09/120")
    #expect(reference.text == "Document C09/120")
  }

  @Test func documentList() {
    let found = references("Documents C09/108 (Rev.1) and C09/120.")
    #expect(found.map(\.symbol) == ["C09/108(Rev.1)", "C09/120"])
    #expect(found.map(\.text) == ["Documents C09/108 (Rev.1)", "C09/120"])
  }

  @Test func revisionWithoutSpace() throws {
    let reference = try #require(only("Document C2001/49(Rev.1)"))
    #expect(reference.symbol == "C2001/49(Rev.1)")
  }

  @Test func bareSymbolWithLanguage() throws {
    let reference = try #require(only("as in C20/57-E, the"))
    #expect(reference.text == "C20/57-E")
    #expect(reference.symbol == "C20/57-E")
  }

  @Test func bareSymbolWithSpacedRevision() throws {
    let reference = try #require(only("C09/108 (Rev.1)"))
    #expect(reference.symbol == "C09/108(Rev.1)")
  }

  @Test func sessionCodeAloneIsNoDocument() {
    #expect(references("Resolution 1306 (C09) and C09 generally").count == 1)
    #expect(references("C09/ and C2009 and C9/1").isEmpty)
  }
}

@Suite struct ReferenceExtractorPinpoints {
  @Test func clauseBefore() throws {
    let reference = try #require(only("in accordance with resolves 2 of Resolution 1306,"))
    #expect(reference.pinpoint == "resolves 2")
    #expect(reference.text == "resolves 2 of Resolution 1306")
    #expect(reference.number == "1306")
  }

  @Test func addresseeBefore() throws {
    let reference = try #require(only("instructs the Secretary-General 3 of Resolution 1300"))
    #expect(reference.pinpoint == "instructs the Secretary-General 3")
  }

  @Test func letterLabelBefore() throws {
    let reference = try #require(only("considering a) of Resolution 1300"))
    #expect(reference.pinpoint == "considering a)")
  }

  @Test func listAfter() throws {
    let reference = try #require(only("Resolution 1312, resolves 3, 4 and 5; and"))
    #expect(reference.text == "Resolution 1312, resolves 3, 4 and 5")
    #expect(reference.pinpoint == "resolves 3")
    #expect(reference.pinpoints == ["resolves 3", "resolves 4", "resolves 5"])
  }

  @Test func linkedListAfterWithTail() throws {
    let reference = try #require(
      only("together with Resolution 1312, in particular resolves 3, 4 and 5 of that resolution."))
    #expect(
      reference.text == "Resolution 1312, in particular resolves 3, 4 and 5 of that resolution")
    #expect(reference.pinpoint == "resolves 3")
    #expect(reference.pinpoints == ["resolves 3", "resolves 4", "resolves 5"])
  }

  @Test func nestedLabelAfter() throws {
    let reference = try #require(only("Resolution 1306 (C09), in resolves 1.1."))
    #expect(reference.pinpoint == "resolves 1.1")
    #expect(reference.text == "Resolution 1306 (C09), in resolves 1.1")
  }

  @Test func noLabelNoPinpoint() throws {
    let reference = try #require(only("Resolution 1300, invites Member States to act in 2010"))
    #expect(reference.pinpoint == nil)
    #expect(reference.text == "Resolution 1300")
  }

  @Test func paragraphOfAnInstrument() throws {
    let reference = try #require(only("paragraph 24 of the Tunis Commitment"))
    #expect(reference.kind == .other)
    #expect(reference.symbol == "Tunis Commitment")
    #expect(reference.pinpoint == "paragraph 24")
    let section = try #require(only("§ 64 of the Geneva Declaration of Principles"))
    #expect(section.pinpoint == "§ 64")
    #expect(section.text == "§ 64 of the Geneva Declaration of Principles")
  }
}

@Suite struct ReferenceExtractorInstruments {
  @Test func namedInstruments() {
    let found = references(
      "as instructed by the Tunis Commitment and the Tunis Agenda for the Information Society, "
        + "the Constitution, the Convention, the Geneva Plan of Action, the Radio Regulations "
        + "and the International Telecommunication Regulations")
    #expect(
      found.map(\.symbol) == [
        "Tunis Commitment", "Tunis Agenda", "Constitution", "Convention", "Geneva Plan of Action",
        "Radio Regulations", "International Telecommunication Regulations",
      ])
    #expect(found.allSatisfy { $0.kind == .other && $0.body == nil })
    #expect(found[1].text == "Tunis Agenda for the Information Society")
  }

  @Test func otherConventionsAreNotTheITUConvention() {
    let found = references(
      "the Convention on Cybercrime, the Budapest Convention, the Convention for the Protection "
        + "of Birds and the Convention on the Rights of the Child")
    #expect(found.map(\.symbol) == ["Convention on the Rights of the Child"])
  }

  @Test func theITUConventionInContext() {
    let found = references(
      "the provisions of the Constitution and the Convention on strategic planning; "
        + "The Constitution of the Union; Constitution and Convention of the International "
        + "Telecommunication Union")
    #expect(
      found.map(\.symbol) == [
        "Constitution", "Convention", "Constitution", "Constitution", "Convention",
      ])
    #expect(found.last?.text == "Convention of the International Telecommunication Union")
  }
}

@Suite struct ReferenceExtractorNonReferences {
  @Test(arguments: [
    "1300 delegates attended",
    "paragraph 1300 of the report",
    "to report to the 2010 Plenipotentiary Conference on the activities",
    "a resolution of the problem",
    "Resolution",
    "the Resolution adopted",
    "Resolutions and Decisions of the Council",
    "Res. 2 / 21",
    "General Assembly resolution 70/125",
    "Resolution 1300abc",
    "Resolution123",
    "national constitution and convention",
    "C09 and C-1985",
  ])
  func isNoReference(_ text: String) {
    #expect(references(text).isEmpty, "\(text)")
  }
}

@Suite struct ReferenceExtractorText {
  @Test func spansAreUTF8ByteOffsets() throws {
    let text = "Considérant la Résolution 1300 — voir Resolution 1305 (C09)"
    let found = references(text)
    let reference = try #require(found.last)
    #expect(reference.text == "Resolution 1305 (C09)")
    #expect(reference.span.lowerBound == Array("Considérant la Résolution 1300 — voir ".utf8).count)
  }

  @Test func nonBreakingSpaces() throws {
    let reference = try #require(only("Resolution\u{00A0}1300 of\u{00A0}the Council"))
    #expect(reference.number == "1300")
    #expect(reference.body == "Council")
  }

  @Test func readingOrderWithinText() {
    let found = references("Resolution 1, Decision 2, Document C09/3 and the Constitution")
    #expect(found.map(\.kind) == [.resolution, .decision, .document, .other])
    #expect(zip(found, found.dropFirst()).allSatisfy { $0.span.upperBound <= $1.span.lowerBound })
  }
}
