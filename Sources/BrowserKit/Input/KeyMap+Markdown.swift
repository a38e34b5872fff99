extension KeyMap {
  /// The key table as a Markdown table, in help order: README's key table
  /// is this text (a test keeps them equal).
  public var markdownTable: String {
    var lines = ["| Keys | Action |", "|---|---|"]
    for entry in helpEntries {
      let keys = keys(for: entry.action).map { "`\($0.displayName)`" }.joined(separator: ", ")
      lines.append("| \(keys) | \(entry.action.summary.replacingPipes) |")
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  fileprivate var replacingPipes: String {
    var result = ""
    for character in self { result += character == "|" ? "\\|" : String(character) }
    return result
  }
}
