/// The words and names the reference scanner recognises, kept as data so
/// that adding an instrument or a body is a one-line change.
enum ReferenceVocabulary {
  // Issuing bodies, spelled exactly as the parser spells `Document.body`.
  static let council = "Council"
  static let plenipotentiary = "Plenipotentiary Conference"
  static let standardizationAssembly = "World Telecommunication Standardization Assembly"
  static let developmentConference = "World Telecommunication Development Conference"
  static let radiocommunicationConference = "World Radiocommunication Conference"
  static let radiocommunicationAssembly = "Radiocommunication Assembly"

  /// Named instruments: how they are written → canonical name (the
  /// reference's `symbol`). Longer spellings come first so that the longest
  /// one wins where several start alike.
  static let instruments: [(written: String, canonical: String)] = [
    ("Constitution of the International Telecommunication Union", "Constitution"),
    ("Convention of the International Telecommunication Union", "Convention"),
    ("Convention on the Rights of the Child", "Convention on the Rights of the Child"),
    ("ITU Constitution", "Constitution"),
    ("ITU Convention", "Convention"),
    ("Constitution", "Constitution"),
    ("Convention", "Convention"),
    ("Tunis Commitment", "Tunis Commitment"),
    ("Tunis Agenda for the Information Society", "Tunis Agenda"),
    ("Tunis Agenda", "Tunis Agenda"),
    ("Geneva Declaration of Principles", "Geneva Declaration of Principles"),
    ("Geneva Plan of Action", "Geneva Plan of Action"),
    ("Radio Regulations", "Radio Regulations"),
    ("International Telecommunication Regulations", "International Telecommunication Regulations"),
    ("General Rules of Conferences, Assemblies and Meetings of the Union", "General Rules"),
    ("General Rules of conferences, assemblies and meetings of the Union", "General Rules"),
    ("Rules of Procedure of the Council", "Rules of Procedure of the Council"),
    ("Financial Regulations and Financial Rules", "Financial Regulations"),
    ("Financial Regulations", "Financial Regulations"),
    ("Staff Regulations and Staff Rules", "Staff Regulations"),
    ("Staff Regulations", "Staff Regulations"),
    ("Universal Declaration of Human Rights", "Universal Declaration of Human Rights"),
    ("United Nations Millennium Declaration", "United Nations Millennium Declaration"),
    ("Millennium Declaration", "United Nations Millennium Declaration"),
  ]

  /// Bare instrument names that are not the instrument when followed by
  /// these words (`Convention on Cybercrime` is not the ITU Convention).
  static let instrumentExclusions: [String: [String]] = [
    "Convention": [" on ", " for ", " against "]
  ]

  /// First words of section headings, used to recognise clause pinpoints
  /// (`resolves 2 of Resolution 1306`, `instructs the Secretary-General 3`).
  static let headingVerbs: Set<String> = [
    "considering", "noting", "recalling", "recognizing", "recognising", "bearing", "having",
    "taking", "emphasizing", "emphasising", "welcoming", "aware", "convinced", "mindful",
    "resolves", "decides", "instructs", "invites", "requests", "encourages", "urges", "calls",
    "appeals", "authorizes", "authorises", "charges", "recommends", "observing",
    "acknowledging", "reaffirming", "expressing", "stressing", "underlining", "highlighting",
  ]

  /// Words that introduce a paragraph pinpoint in another instrument
  /// (`paragraph 24 of the Tunis Commitment`, `§ 64 of …`, `Article 8 of …`).
  static let paragraphWords: Set<String> = [
    "paragraph", "paragraphs", "para.", "§", "§§", "Article", "article", "Articles", "No.", "Nos.",
  ]

  /// `of …` after a number, stating the body.
  static let bodyPhrases: [(written: String, body: String)] = [
    ("the Plenipotentiary Conference", plenipotentiary),
    ("the World Telecommunication Standardization Assembly", standardizationAssembly),
    ("the World Telecommunication Development Conference", developmentConference),
    ("the World Radiocommunication Conference", radiocommunicationConference),
    ("the Radiocommunication Assembly", radiocommunicationAssembly),
    ("the ITU Council", council),
    ("the Council", council),
    ("Council", council),
  ]

  /// The body named by one word written before `Resolution`/`Decision`
  /// (`Council Resolution 1282`, `WTSA Resolution 75`, `WTSA-16 Resolution 1`).
  static func body(forPrefixWord word: Substring) -> String? {
    let stem = word.split(separator: "-", maxSplits: 1).first ?? word
    switch stem {
    case "Council": return council
    case "WTSA": return standardizationAssembly
    case "WTDC": return developmentConference
    case "WRC", "WARC": return radiocommunicationConference
    case "PP", "Plenipotentiary": return plenipotentiary
    case "RA": return radiocommunicationAssembly
    default: return nil
    }
  }

  /// The body a bracket after a number names, e.g. `Rev. Guadalajara, 2010`
  /// (a Plenipotentiary Conference), `WTDC, Kigali, 2022`, `C09 Modified C15`,
  /// `Rev.WRC-15`, `Mob-87`; nil when it says nothing of the body
  /// (`Mod. 2008`).
  static func body(forQualifier qualifier: String) -> String? {
    let tokens = qualifier.split(whereSeparator: { " ,.;:/".contains($0) })
    for token in tokens {
      let stem = token.split(separator: "-", maxSplits: 1).first ?? token
      switch stem {
      case "WTSA": return standardizationAssembly
      case "WTDC": return developmentConference
      case "WRC", "WARC", "Mob": return radiocommunicationConference
      case "RA": return radiocommunicationAssembly
      case "PP", "Plenipotentiary": return plenipotentiary
      case "Council": return council
      default: if isCouncilSession(token) { return council }
      }
    }
    return isCityAndYear(tokens) ? plenipotentiary : nil
  }

  /// Whether a bracket says something about a revision or a session, so that
  /// `(CWG SP-FP)` after a number is not taken as part of the reference.
  static func isQualifier(_ qualifier: String) -> Bool {
    if body(forQualifier: qualifier) != nil { return true }
    let lowered = qualifier.lowercased()
    for start in ["rev", "mod", "amended", "last amended", "as amended", "revised"]
    where lowered.hasPrefix(start) {
      return true
    }
    return qualifier.count == 4 && qualifier.allSatisfy(\.isASCIIDigitCharacter)
  }

  /// `C09`, `C19`, `C2001`, `C-1985`: a Council session code.
  static func isCouncilSession(_ token: Substring) -> Bool {
    var rest = token.utf8[...]
    guard rest.first == UInt8(ascii: "C") else { return false }
    rest = rest.dropFirst()
    if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
    return (rest.count == 2 || rest.count == 4) && rest.allSatisfy { $0 &- 48 < 10 }
  }

  /// `Guadalajara, 2010`, `Rev. Antalya, 2006`, `Marrakesh 2002`: a place
  /// and a year, the way Plenipotentiary Conferences are dated.
  private static func isCityAndYear(_ tokens: [Substring]) -> Bool {
    var words = tokens[...]
    if words.first == "Rev" { words = words.dropFirst() }
    guard let year = words.last, year.count == 4, year.allSatisfy(\.isASCIIDigitCharacter),
      words.count >= 2
    else { return false }
    let revisionWords: Set<Substring> = ["Mod", "Modified", "Revised", "Amended", "Last"]
    return words.dropLast().allSatisfy { word in
      !revisionWords.contains(word) && word.first.map { $0.isUppercase } == true
        && word.allSatisfy { $0.isLetter || $0 == "-" }
    }
  }
}

extension Character {
  fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
