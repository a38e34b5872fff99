/// Whether a section recites (preamble) or acts (operative part).
public enum SectionRole: String, Hashable, Sendable, Codable {
  case preambular
  case operative
}

/// A heading phrase (`considering`, `instructs the Secretary-General`) and
/// the clauses under it until the next heading.
public struct Section: Hashable, Sendable {
  /// The phrase as written, whitespace-normalised.
  public var heading: String
  public var role: SectionRole
  public var location: SourceLocation
  public var clauses: [Clause]

  public init(heading: String, role: SectionRole, location: SourceLocation, clauses: [Clause]) {
    self.heading = heading
    self.role = role
    self.location = location
    self.clauses = clauses
  }
}

/// An annex, attachment or appendix after the operative part.
public struct Annex: Hashable, Sendable {
  /// As printed: `"Annex 1"`, `"ANNEX TO RESOLUTION 1306 (C09)"`.
  public var heading: String
  public var title: String?
  public var location: SourceLocation
  /// Items nested like clauses, with paths such as `"Annex 1, 3.2"`.
  public var clauses: [Clause]

  public init(heading: String, title: String?, location: SourceLocation, clauses: [Clause]) {
    self.heading = heading
    self.title = title
    self.location = location
    self.clauses = clauses
  }
}
