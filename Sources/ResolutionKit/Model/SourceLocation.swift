/// Where a node came from: the file name as given and a 1-based line.
public struct SourceLocation: Hashable, Sendable, Codable {
  public var file: String
  public var line: Int

  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }
}

/// Something the parser could not place, or a problem in the corpus.
/// Never fatal: the rest of the input still parses.
public struct Diagnostic: Hashable, Sendable, Codable {
  public var file: String
  public var line: Int
  public var message: String

  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }
}
