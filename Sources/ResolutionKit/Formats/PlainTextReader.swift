import Foundation

/// Text files, decoded by the parser's `SourceDecoder` (UTF-8 with or
/// without BOM, UTF-16 with a BOM, invalid UTF-8 repaired and reported).
/// Old Word and RTF files are refused with advice rather than as "binary".
enum PlainTextReader {
  /// Why a file starting with these bytes is refused (old Word, RTF), if it is.
  static func refusal(startingWith head: some Collection<UInt8>) -> FormatError? {
    if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      return FormatError("Word 97-2003 (.doc) files are not supported: save it as .docx or PDF")
    }
    if head.starts(with: "{\\rtf".utf8) {
      return FormatError("RTF files are not supported: save it as .docx or PDF")
    }
    return nil
  }

  static func text(from data: Data, name: String) -> Result<
    (text: String, diagnostics: [Diagnostic]), FormatError
  > {
    if let refusal = refusal(startingWith: data.prefix(8)) { return .failure(refusal) }
    // Decoded from the Data's own bytes: copying a big file first would
    // cost time and a third buffer at the peak.
    let outcome = data.withUnsafeBytes { raw in
      SourceDecoder.decode(raw.assumingMemoryBound(to: UInt8.self))
    }
    switch outcome {
    case .binary:
      return .failure(
        FormatError("not a text file (binary data)"))
    case .text(let text, let invalidLine):
      guard let invalidLine else { return .success((text, [])) }
      let warning = Diagnostic(
        file: name, line: invalidLine,
        message: "invalid UTF-8 replaced with U+FFFD (first at line \(invalidLine))")
      return .success((text, [warning]))
    }
  }
}
