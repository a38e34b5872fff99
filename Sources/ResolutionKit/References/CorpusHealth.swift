/// What is wrong with a loaded corpus: references that lead nowhere or to
/// several documents, documents that share an id or a number, and what the
/// parser could not place. `resbrowse check` prints `rendered()`.
public struct CorpusHealth: Hashable, Sendable {
  /// Where a reference stands, and its text.
  public struct Place: Hashable, Sendable {
    public var documentID: String
    /// Clause path or heading; nil for the title and the `Ref.:` line.
    public var path: String?
    public var field: ReferenceField
    public var text: String

    /// `R1316 considering a)`, `R1316 (title)`, `R1316 (Ref.:)`.
    public var description: String {
      switch field {
      case .title: "\(documentID) (title)"
      case .sources: "\(documentID) (Ref.:)"
      default: "\(documentID) \(path ?? "")"
      }
    }
  }

  /// Every reference to one thing that is not in the corpus.
  public struct DanglingTarget: Hashable, Sendable {
    /// What the references name: `Resolution 1300 (Council)`, `Document C09/999`.
    public var name: String
    public var places: [Place]
  }

  public struct AmbiguousReference: Hashable, Sendable {
    public var place: Place
    public var candidates: [String]
  }

  /// Documents that share an id, or a kind, body and number.
  public struct Duplicate: Hashable, Sendable {
    /// `R1300`, or `Resolution 1300 (Council)`.
    public var name: String
    public var ids: [String]
  }

  public var documentCount: Int
  public var referenceCount: Int
  public var resolvedCount: Int
  /// Most cited first, then by name.
  public var dangling: [DanglingTarget]
  public var ambiguous: [AmbiguousReference]
  public var duplicateIDs: [Duplicate]
  public var duplicateNumbers: [Duplicate]
  /// Parser diagnostics about numbering (`2.` after `4.`), then the rest.
  public var numberingJumps: [Diagnostic]
  public var otherDiagnostics: [Diagnostic]

  public init(corpus: Corpus) {
    documentCount = corpus.documents.count
    var referenceCount = 0
    var resolvedCount = 0
    var danglingByName: [String: [Place]] = [:]
    var ambiguous: [AmbiguousReference] = []
    for document in corpus.documents {
      for reference in document.references {
        referenceCount += 1
        let place = Place(
          documentID: document.id, path: reference.path.isEmpty ? nil : reference.path,
          field: reference.field, text: reference.text)
        if reference.target != nil {
          resolvedCount += 1
        } else if !reference.candidates.isEmpty {
          ambiguous.append(AmbiguousReference(place: place, candidates: reference.candidates))
        } else if let name = Self.name(of: reference) {
          danglingByName[name, default: []].append(place)
        }
      }
    }
    self.referenceCount = referenceCount
    self.resolvedCount = resolvedCount
    self.ambiguous = ambiguous
    dangling = danglingByName.map { DanglingTarget(name: $0.key, places: $0.value) }
      .sorted { ($0.places.count, $1.name) > ($1.places.count, $0.name) }

    var idsByID: [String: [String]] = [:]
    var idsByNumber: [String: [String]] = [:]
    var idOrder: [String] = []
    var numberOrder: [String] = []
    for document in corpus.documents {
      if idsByID[document.id] == nil { idOrder.append(document.id) }
      idsByID[document.id, default: []].append(document.id)
      guard document.kind != .fragment, let number = document.number else { continue }
      let name = Self.name(kind: document.kind.rawValue, number: number, body: document.body)
      if idsByNumber[name] == nil { numberOrder.append(name) }
      idsByNumber[name, default: []].append(document.id)
    }
    duplicateIDs = idOrder.compactMap { id in
      idsByID[id].flatMap { $0.count > 1 ? Duplicate(name: id, ids: $0) : nil }
    }
    duplicateNumbers = numberOrder.compactMap { name in
      idsByNumber[name].flatMap { $0.count > 1 ? Duplicate(name: name, ids: $0) : nil }
    }
    numberingJumps = corpus.diagnostics.filter(Self.isNumberingJump)
    otherDiagnostics = corpus.diagnostics.filter { !Self.isNumberingJump($0) }
  }

  public var danglingCount: Int { dangling.reduce(0) { $0 + $1.places.count } }

  /// Nothing to report: what `check --strict` requires.
  public var isHealthy: Bool {
    dangling.isEmpty && ambiguous.isEmpty && duplicateIDs.isEmpty && duplicateNumbers.isEmpty
      && numberingJumps.isEmpty && otherDiagnostics.isEmpty
  }

  /// One line: `Summary: 7 dangling references (3 targets), 1 ambiguous, …`.
  public var summary: String {
    var parts: [String] = []
    func add(_ count: Int, _ singular: String, _ plural: String) {
      if count > 0 { parts.append("\(count) \(count == 1 ? singular : plural)") }
    }
    if !dangling.isEmpty {
      parts.append(
        "\(Self.counted(danglingCount, "dangling reference", "dangling references"))"
          + " (\(Self.counted(dangling.count, "target", "targets")))")
    }
    add(ambiguous.count, "ambiguous reference", "ambiguous references")
    add(duplicateIDs.count, "duplicate id", "duplicate ids")
    add(duplicateNumbers.count, "duplicate number", "duplicate numbers")
    add(numberingJumps.count, "numbering jump", "numbering jumps")
    add(otherDiagnostics.count, "other parser diagnostic", "other parser diagnostics")
    return "Summary: " + (parts.isEmpty ? "no problems found" : parts.joined(separator: ", "))
  }

  /// The report as lines of plain text, document text made terminal-safe.
  /// At most `placesPerTarget` places are listed under each dangling target.
  public func rendered(placesPerTarget: Int = 5) -> [String] {
    var lines = [
      "Corpus: \(Self.counted(documentCount, "document", "documents")), "
        + "\(Self.counted(referenceCount, "reference", "references")) "
        + "(\(resolvedCount) resolved, \(ambiguous.count) ambiguous, \(danglingCount) dangling)"
    ]
    func section(_ title: String, _ count: Int, _ body: () -> [String]) {
      guard count > 0 else { return }
      lines.append("")
      lines.append("\(title) (\(count)):")
      lines += body().map { "  " + $0.terminalSafe }
    }
    section("Dangling references", danglingCount) {
      dangling.flatMap { target in
        ["\(target.name): \(Self.counted(target.places.count, "reference", "references"))"]
          + target.places.prefix(placesPerTarget).map { "  \($0.description): \($0.text)" }
          + (target.places.count > placesPerTarget
            ? ["  … and \(target.places.count - placesPerTarget) more"] : [])
      }
    }
    section("Ambiguous references", ambiguous.count) {
      ambiguous.map {
        "\($0.place.description): \($0.place.text) → one of \($0.candidates.joined(separator: ", "))"
      }
    }
    section("Duplicate document ids", duplicateIDs.count) {
      duplicateIDs.map { "\($0.name): \($0.ids.count) documents" }
    }
    section("Duplicate document numbers", duplicateNumbers.count) {
      duplicateNumbers.map { "\($0.name): \($0.ids.joined(separator: ", "))" }
    }
    section("Numbering jumps", numberingJumps.count) {
      numberingJumps.map { "\($0.file):\($0.line): \($0.message)" }
    }
    section("Other parser diagnostics", otherDiagnostics.count) {
      otherDiagnostics.map { "\($0.file):\($0.line): \($0.message)" }
    }
    lines.append("")
    lines.append(summary.terminalSafe)
    return lines
  }

  /// What a dangling reference names; nil for named instruments, which are
  /// outside the corpus by nature.
  static func name(of reference: Reference) -> String? {
    switch reference.kind {
    case .resolution, .decision:
      reference.number.map {
        name(kind: reference.kind.rawValue, number: $0, body: reference.body)
      }
    case .document: reference.symbol.map { "Document \($0)" }
    case .other: nil
    }
  }

  static func name(kind: String, number: String, body: String?) -> String {
    let word = kind.prefix(1).uppercased() + kind.dropFirst()
    return "\(word) \(number)" + (body.map { " (\($0))" } ?? "")
  }

  static func isNumberingJump(_ diagnostic: Diagnostic) -> Bool {
    let message = diagnostic.message.lowercased()
    return message.contains("numbering") || message.contains("jump")
      || message.contains("out of order")
  }

  private static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
    "\(count) \(count == 1 ? singular : plural)"
  }
}
