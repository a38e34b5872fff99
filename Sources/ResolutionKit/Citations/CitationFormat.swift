/// How a clause (or document) is written out as a citation.
public enum CitationFormat: Hashable, Sendable {
  /// `Res. 1316 (C09), resolves 1.1`
  case short
  /// `ITU Council Resolution 1316 (C09), "Continuation of the work …", resolves 1.1`
  case full
  /// `“to continue …” Res. 1316 (C09), resolves 1.1`
  case quote
  /// `[Res. 1316 (C09), resolves 1.1](resbrowse://R1316/resolves%201.1)`
  case markdown
  /// A user template from the config file; see `CitationTemplate`.
  case template(name: String, template: String)

  public static let builtIn: [CitationFormat] = [.short, .full, .quote, .markdown]

  /// What the format is called on the command line and in the picker.
  public var name: String {
    switch self {
    case .short: "short"
    case .full: "full"
    case .quote: "quote"
    case .markdown: "markdown"
    case .template(let name, _): name
    }
  }

  /// The built-in formats, then the user's templates sorted by name (a
  /// template named like a built-in format is ignored: built-ins win).
  public static func all(templates: [String: String]) -> [CitationFormat] {
    let builtInNames = Set(builtIn.map(\.name))
    return builtIn
      + templates.keys.sorted().filter { !builtInNames.contains($0) }.compactMap { name in
        templates[name].map { .template(name: name, template: $0) }
      }
  }

  /// The format with this name (case-insensitive for built-ins), or nil.
  public static func named(_ name: String, templates: [String: String] = [:]) -> CitationFormat? {
    if let builtIn = builtIn.first(where: { $0.name == name.lowercased() }) { return builtIn }
    return templates[name].map { .template(name: name, template: $0) }
  }
}

/// Why a citation could not be written.
public enum CitationError: Error, Hashable, Sendable, CustomStringConvertible {
  case unknownDocument(String)
  case unknownClause(documentID: String, path: String)
  /// A `{name}` in a template that is not one of `CitationTemplate.placeholders`.
  case unknownPlaceholder(template: String, placeholder: String)
  /// A `{` without its `}`.
  case unterminatedPlaceholder(template: String)

  public var description: String {
    switch self {
    case .unknownDocument(let id): "no document \(id)"
    case .unknownClause(let id, let path): "no clause \"\(path)\" in \(id)"
    case .unknownPlaceholder(let template, let placeholder):
      "citation template \(template): unknown placeholder {\(placeholder)}"
    case .unterminatedPlaceholder(let template): "citation template \(template): '{' without '}'"
    }
  }
}
