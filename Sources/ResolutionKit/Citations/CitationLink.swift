/// The link form that opens a document or clause in resbrowse:
///
///     resbrowse://<document id>[/<clause path>]
///
/// Both parts are percent-encoded as UTF-8: every byte other than ASCII
/// letters, digits and `-._~` becomes `%XX`, so `resolves 1.1` is
/// `resolves%201.1` and `considering a)` is `considering%20a%29` (no bracket
/// left to end a Markdown link early). `resbrowse show --cite URL`, the `:`
/// prompt and `CitationParser` accept it.
public enum CitationLink {
  public static let scheme = "resbrowse://"

  public static func url(for address: ClauseAddress) -> String {
    var url = scheme + percentEncoded(address.documentID)
    if let path = address.path { url += "/" + percentEncoded(path) }
    return url
  }

  /// The address a link names, or nil when `text` is not such a link. A
  /// link inside other text (a Markdown link) is found too; it ends at the
  /// first space, `)`, `]`, `>` or quote.
  public static func address(in text: String) -> ClauseAddress? {
    guard let start = rangeOfScheme(in: text.utf8) else { return nil }
    let rest = text.utf8[start...]
    let end = rest.firstIndex { byte in
      byte <= 0x20 || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]")
        || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"") || byte == 0x7F
    }
    let body = rest[..<(end ?? rest.endIndex)]
    let parts = body.split(
      separator: UInt8(ascii: "/"), maxSplits: 1, omittingEmptySubsequences: false)
    guard let idPart = parts.first, let id = percentDecoded(idPart), !id.isEmpty else { return nil }
    var path: String? = nil
    if parts.count > 1 {
      guard let decoded = percentDecoded(parts[1]) else { return nil }
      if !decoded.isEmpty { path = decoded }
    }
    return ClauseAddress(documentID: id, path: path)
  }

  /// Index just after `resbrowse://` (ASCII case-insensitive), if present.
  private static func rangeOfScheme(in bytes: String.UTF8View) -> String.UTF8View.Index? {
    let pattern = Array(scheme.utf8)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      var probe = index
      var matched = 0
      while matched < pattern.count, probe < bytes.endIndex,
        lowercasedASCII(bytes[probe]) == pattern[matched]
      {
        matched += 1
        probe = bytes.index(after: probe)
      }
      if matched == pattern.count { return probe }
      index = bytes.index(after: index)
    }
    return nil
  }

  private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
    (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
  }

  static func percentEncoded(_ text: String) -> String {
    var result = ""
    for byte in text.utf8 {
      if isUnreserved(byte) {
        result.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        result += "%" + hexDigit(byte >> 4) + hexDigit(byte & 0x0F)
      }
    }
    return result
  }

  static func percentDecoded(_ bytes: some Collection<UInt8>) -> String? {
    var decoded: [UInt8] = []
    decoded.reserveCapacity(bytes.count)
    var iterator = bytes.makeIterator()
    while let byte = iterator.next() {
      if byte == UInt8(ascii: "%") {
        guard let high = iterator.next().flatMap(hexValue),
          let low = iterator.next().flatMap(hexValue)
        else { return nil }
        decoded.append(high << 4 | low)
      } else {
        decoded.append(byte)
      }
    }
    return String(validating: decoded, as: UTF8.self)
  }

  private static func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
      UInt8(ascii: "_"), UInt8(ascii: "~"):
      return true
    default: return false
    }
  }

  private static func hexDigit(_ value: UInt8) -> String {
    String(UnicodeScalar(value < 10 ? value + 48 : value + 55))
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - 48
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - 55
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - 87
    default: nil
    }
  }
}
