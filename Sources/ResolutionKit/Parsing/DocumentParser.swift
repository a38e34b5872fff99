// PLACEHOLDER until the parser lands (issue 2): one fragment per file.
public enum DocumentParser {
  public static func parse(_ source: SourceText) -> ParsedFile {
    let location = SourceLocation(file: source.name, line: 1)
    let document = Document(id: "fragment-\(source.name)-1", kind: .fragment, location: location)
    return ParsedFile(
      documents: [document], diagnostics: [],
      file: SourceFile(name: source.name, lineCount: source.text.split(separator: "\n").count))
  }
}

public enum DocumentIdentifier {
  public static func assignUniqueIDs(to documents: inout [Document]) {}
}
