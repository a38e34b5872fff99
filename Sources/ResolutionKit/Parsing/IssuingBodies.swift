/// The bodies that adopt resolutions, as named in enacting lines, with the
/// short code used in document ids. One table for the parser and the ids.
enum IssuingBodies {
  struct Body {
    /// The name after "The " in an enacting line.
    let name: String
    /// Prefix of document ids; empty for the Council (`R1316`).
    let code: String
  }

  /// Longer names first so that the most specific one matches.
  static let all: [Body] = [
    Body(name: "Plenipotentiary Conference", code: "PP"),
    Body(name: "World Telecommunication Standardization Assembly", code: "WTSA"),
    Body(name: "World Telecommunication Development Conference", code: "WTDC"),
    Body(name: "World Radiocommunication Conference", code: "WRC"),
    Body(name: "Radiocommunication Assembly", code: "RA"),
    Body(name: "World Conference on International Telecommunications", code: "WCIT"),
    Body(name: "Council", code: ""),
  ]

  static let council = "Council"
  static let plenipotentiary = "Plenipotentiary Conference"

  /// The body an enacting line (`The Council,`) names, if any.
  static func body(inEnactingLine line: Substring) -> String? {
    // The first byte rejects nearly every line before the generic prefix test.
    guard line.utf8.first == UInt8(ascii: "T"), line.utf8.starts(with: "The ".utf8) else {
      return nil
    }
    // After an ASCII byte the first four characters are the first four
    // bytes (a non-ASCII one may join the space): the names compare as bytes.
    let fast = line.withUTF8Bytes { bytes -> String?? in
      if bytes.count > 4 && bytes[4] >= 0x80 { return .none }
      let rest = UnsafeBufferPointer(rebasing: bytes[4...])
      return .some(allBytes.first { rest.starts(with: $0.bytes) }?.name)
    }
    if let fast { return fast }
    let rest = line.dropFirst(4).utf8
    return all.first { rest.starts(with: $0.name.utf8) }?.name
  }

  /// The names, as bytes.
  private static let allBytes: [(name: String, bytes: [UInt8])] = all.map {
    ($0.name, Array($0.name.utf8))
  }

  /// Id prefix for a body: `""` for the Council, `"PP"`, `"WTSA"`, or the
  /// initials of an unknown body's name.
  static func code(for body: String?) -> String {
    guard let body else { return "" }
    if let known = all.first(where: { $0.name == body }) { return known.code }
    return String(body.split(separator: " ").compactMap { $0.first?.uppercased() }.joined())
  }
}
