/// One input as text, named as the user gave it.
public struct SourceText: Hashable, Sendable {
  public var name: String
  public var text: String

  public init(name: String, text: String) {
    self.name = name
    self.text = text
  }

  /// The text, left empty here: hands it over without a second holder.
  mutating func takeText() -> String {
    let taken = text
    text = ""
    return taken
  }
}

/// What the parser made of one file.
public struct ParsedFile: Sendable {
  public var documents: [Document]
  public var diagnostics: [Diagnostic]
  public var file: SourceFile

  public init(documents: [Document], diagnostics: [Diagnostic], file: SourceFile) {
    self.documents = documents
    self.diagnostics = diagnostics
    self.file = file
  }
}

/// A source that could not be read at all (not text, missing, unreadable).
/// The other sources still load.
public struct LoadError: Error, Hashable, Sendable, CustomStringConvertible {
  public var file: String
  public var message: String

  public init(file: String, message: String) {
    self.file = file
    self.message = message
  }

  public var description: String { "\(file): \(message)" }
}
