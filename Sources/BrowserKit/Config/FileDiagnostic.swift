import ResolutionKit

/// A problem found in a theme or config file, located as precisely as the
/// file allows, so the message can send the reader to the right line.
public struct FileDiagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: Hashable, Sendable {
    /// The value was still used; something in it was ignored.
    case warning
    /// The file (or the theme it defines) could not be used.
    case error
  }

  public var severity: Severity
  /// A path, or a description such as "built-in theme light".
  public var file: String
  /// 1-based, when known.
  public var line: Int?
  public var column: Int?
  /// The dotted key the problem is about, e.g. `roles.link.fg`.
  public var key: String?
  public var message: String

  public init(
    _ severity: Severity, file: String, line: Int? = nil, column: Int? = nil,
    key: String? = nil, message: String
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.key = key
    self.message = message
  }

  /// `FILE:LINE:COLUMN: error: KEY: message`, the form editors and
  /// terminals recognise. Control characters (escaped) and bidi overrides
  /// (placeholders) from file names or values never act on the terminal.
  public var description: String {
    var location = file
    if let line {
      location += ":\(line)"
      if let column { location += ":\(column)" }
    }
    let label = severity == .error ? "error" : "warning"
    let subject = key.map { "\($0): " } ?? ""
    return "\(location): \(label): \(subject)\(message)".visibleControlCharacters.terminalSafe
  }
}

extension String {
  /// The text with control characters shown as `\u{..}` escapes.
  var visibleControlCharacters: String {
    var out = ""
    for scalar in unicodeScalars {
      if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
        out += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// The text quoted for a message, with control characters made visible.
  var quotedForMessage: String { "\"\(visibleControlCharacters)\"" }
}
