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
  static let internationalTelecommunicationsConference =
    "World Conference on International Telecommunications"

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

  /// Instrument names that must not be followed by these words.
  static let instrumentExclusions: [String: [String]] = [:]

  /// Bare names that are also common nouns: `Budapest Convention` and
  /// `Convention on Cybercrime` are not the ITU Convention.
  static let genericInstrumentNames: Set<String> = ["Convention", "Constitution"]

  /// Words that may stand between a reference and its pinpoint:
  /// `Resolution 1312, in particular resolves 3`.
  static let linkingWords = [
    "in", "particular", "and", "notably", "especially", "particularly", "under", "its",
  ]

  /// What may follow a pinpoint written after its reference, after `of`:
  /// `Resolution 1312, in particular resolves 3, 4 and 5 of that resolution`.
  static let pinpointTails = ["that resolution", "that decision", "the same resolution"]

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

  /// The body a word names, compared on its stem before any `-`: written
  /// before the keyword (`Council Resolution 1282`, `WTSA-16 Resolution 1`)
  /// or inside the bracket after the number (`(WTDC, Kigali, 2022)`,
  /// `(Rev.WRC-15)`).
  static let bodyWords: [(stem: String, body: String)] = [
    ("Council", council),
    ("WTSA", standardizationAssembly),
    ("WTDC", developmentConference),
    ("WRC", radiocommunicationConference),
    ("WARC", radiocommunicationConference),
    ("WCIT", internationalTelecommunicationsConference),
    ("PP", plenipotentiary),
    ("Plenipotentiary", plenipotentiary),
    ("RA", radiocommunicationAssembly),
  ]

  /// Bracket-only body words: `(Mob-87)` is the 1987 mobile radio conference.
  static let bracketBodyWords: [(stem: String, body: String)] = [
    ("Mob", radiocommunicationConference)
  ]

  /// How a bracket that revises or dates a number starts, lower case
  /// (`(Mod. 2008)`, `(Modified 2013)`, `(last amended C20)`), so that
  /// `(CWG SP-FP)` after a number is not taken as part of the reference.
  static let revisionStarts = ["rev", "mod", "amended", "last amended", "as amended", "revised"]

  /// Words that make a bracket a revision rather than `City, Year`.
  static let revisionWords = ["Mod", "Modified", "Revised", "Amended", "Last"]
}
