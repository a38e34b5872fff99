/// Where a node came from: the file name as given and a 1-based line.
///
/// Eight bytes: every clause, section and footnote carries one (300,000
/// at 10,000 resolutions), and a file name as a `String` took 16 bytes
/// more in each (and a reference count to touch on every copy). The name
/// is held once, in `InternedStrings`; the location keeps its number.
public struct SourceLocation: Hashable, Sendable, Codable {
  private var fileNumber: UInt32
  /// Lines past 4,294,967,295 read as that line.
  private var lineNumber: UInt32

  public init(file: String, line: Int) {
    self.init(fileNumber: InternedStrings.number(of: file), line: line)
  }

  /// For a parser that makes many locations in one file: the name looked
  /// up once (`InternedStrings.number(of:)`), not per location.
  init(fileNumber: UInt32, line: Int) {
    self.fileNumber = fileNumber
    self.lineNumber = UInt32(clamping: line)
  }

  public var file: String {
    get { InternedStrings.string(fileNumber) ?? "" }
    set { fileNumber = InternedStrings.number(of: newValue) }
  }

  public var line: Int {
    get { Int(lineNumber) }
    set { lineNumber = UInt32(clamping: newValue) }
  }

  private enum CodingKeys: String, CodingKey {
    case file
    case line
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      file: try container.decode(String.self, forKey: .file),
      line: try container.decode(Int.self, forKey: .line))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(file, forKey: .file)
    try container.encode(line, forKey: .line)
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
