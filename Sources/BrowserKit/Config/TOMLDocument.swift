import Foundation
import TOMLKit

extension FileDiagnostic: Error {}

/// A parsed TOML file together with its text, so that semantic problems
/// (which TOMLKit cannot place) can still be reported with a line number.
struct TOMLDocument {
  /// Theme and config files are a few kilobytes; anything far larger is a
  /// mistake (a wrong path), not something to parse.
  static let maximumFileSize = 1 << 20

  let file: String
  let text: String
  let table: TOMLTable

  /// Parses `text`; a syntax error becomes a diagnostic with TOMLKit's line
  /// and column.
  static func parse(_ text: String, file: String) -> Result<TOMLDocument, FileDiagnostic> {
    // TOMLKit passes keys and strings through C strings, which end at a NUL,
    // and its table iterator traps when a key then cannot be found again.
    if let line = lineContainingNULEscape(in: text) {
      return .failure(
        FileDiagnostic(
          .error, file: file, line: line, message: "NUL characters (\\u0000) are not allowed"))
    }
    if let line = lineWithMalformedTableHeader(in: text) {
      return .failure(
        FileDiagnostic(
          .error, file: file, line: line,
          message:
            "a table header must start with a name: letters, digits, _ or -, or a quoted name"))
    }
    do {
      let table = try TOMLTable(string: text)
      return .success(TOMLDocument(file: file, text: text, table: table))
    } catch let error as TOMLParseError {
      return .failure(
        FileDiagnostic(
          .error, file: file, line: error.source.begin.line, column: error.source.begin.column,
          message: "TOML syntax error: \(error.description)"))
    } catch {
      return .failure(FileDiagnostic(.error, file: file, message: "cannot parse: \(error)"))
    }
  }

  /// Every key of `table` with its value, skipping any key TOMLKit cannot
  /// look up again (safe where TOMLKit's own iterator would trap).
  static func entries(of table: TOMLTable) -> [(key: String, value: TOMLValueConvertible)] {
    table.keys.compactMap { key in table[key].map { (key, $0) } }
  }

  /// toml++ (inside TOMLKit) asserts, aborting the process, on a table
  /// header whose name starts with a character no key can start with
  /// (`[%roles.link]`, `[[ %a]]`, a `[` alone on its line; found by
  /// fuzzing). Such a header is a
  /// syntax error anyway, so it is reported here before TOMLKit sees it.
  static func lineWithMalformedTableHeader(in text: String) -> Int? {
    // Unicode scalars, not Characters: a combining mark after `[` makes one
    // Character of the two (`[` + U+07F0, found by fuzzing), and toml++
    // sees the bracket all the same.
    var openArrays = 0  // brackets of a value still open from earlier lines
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      // toml++ skips a byte-order mark at the start of the file.
      let trimmed = line.unicodeScalars.drop {
        $0 == " " || $0 == "\t" || (index == 0 && $0 == "\u{FEFF}")
      }
      if openArrays == 0, trimmed.first == "[" {
        var rest = trimmed.dropFirst()
        if rest.first == "[" { rest = rest.dropFirst() }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        guard let first = rest.first else { return index + 1 }
        let startsName =
          first.isASCII
          && (first.properties.isAlphabetic || ("0"..."9").contains(first) || first == "_"
            || first == "-" || first == "\"" || first == "'")
        if !startsName { return index + 1 }
        continue
      }
      openArrays = max(0, openArrays + bracketBalance(of: trimmed))
    }
    return nil
  }

  /// `[` minus `]` outside quoted strings and comments.
  private static func bracketBalance(of line: Substring.UnicodeScalarView.SubSequence) -> Int {
    var balance = 0
    var quote: Unicode.Scalar?
    for scalar in line {
      if let open = quote {
        if scalar == open { quote = nil }
      } else if scalar == "\"" || scalar == "'" {
        quote = scalar
      } else if scalar == "#" {
        break
      } else if scalar == "[" {
        balance += 1
      } else if scalar == "]" {
        balance -= 1
      }
    }
    return balance
  }

  private static func lineContainingNULEscape(in text: String) -> Int? {
    guard text.contains("\\u0000") || text.contains("\\U00000000") || text.contains("\0") else {
      return nil
    }
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where line.contains("\\u0000") || line.contains("\\U00000000") || line.contains("\0") {
      return index + 1
    }
    return nil
  }

  /// The text of the file at `path`: `nil` when there is no such file, a
  /// diagnostic when it exists but cannot be read as a small text file.
  static func readText(atPath path: String) -> Result<String, FileDiagnostic>? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return nil
    }
    if isDirectory.boolValue {
      return .failure(FileDiagnostic(.error, file: path, message: "is a directory, not a file"))
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(FileDiagnostic(.error, file: path, message: "cannot be read"))
    }
    guard data.count <= maximumFileSize else {
      return .failure(
        FileDiagnostic(
          .error, file: path,
          message: "is \(data.count) bytes, larger than any theme or config file"))
    }
    return .success(String(decoding: data, as: UTF8.self))
  }

  /// A diagnostic about the key at `path` (e.g. `["roles", "link", "fg"]`),
  /// placed on the line where the file sets it.
  func diagnostic(
    _ severity: FileDiagnostic.Severity, key path: [String], _ message: String
  ) -> FileDiagnostic {
    FileDiagnostic(
      severity, file: file, line: TOMLKeyLocator.line(of: path, in: text),
      key: path.joined(separator: "."), message: message)
  }
}

/// Finds the line on which a TOML text sets a key, by reading table headers
/// and `key = value` lines. Good enough for the hand-written files it serves;
/// it never fails, it may only return `nil`.
enum TOMLKeyLocator {
  static func line(of target: [String], in text: String) -> Int? {
    var table: [String] = []
    var enclosing: Int?
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let path: [String]
      if line.hasPrefix("[") {
        let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
        table = keyPath(String(inner))
        path = table
      } else if let equals = indexOfEquals(in: line) {
        path = table + keyPath(String(line[..<equals]))
      } else {
        continue
      }
      if path == target { return lineNumber }
      if enclosing == nil, !path.isEmpty, target.starts(with: path), path.count < target.count,
        !line.hasPrefix("[")
      {
        // An inline table or dotted parent that holds the key.
        enclosing = lineNumber
      }
    }
    return enclosing
  }

  /// The position of the first `=` outside quotes.
  private static func indexOfEquals(in line: String) -> String.Index? {
    var quote: Character?
    for index in line.indices {
      let character = line[index]
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == "=" {
        return index
      }
    }
    return nil
  }

  /// `a."b.c".d` → `["a", "b.c", "d"]`.
  private static func keyPath(_ key: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var quote: Character?
    for character in key {
      if let open = quote {
        if character == open { quote = nil } else { current.append(character) }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == "." {
        parts.append(current.trimmingCharacters(in: .whitespaces))
        current = ""
      } else {
        current.append(character)
      }
    }
    parts.append(current.trimmingCharacters(in: .whitespaces))
    return parts
  }
}
