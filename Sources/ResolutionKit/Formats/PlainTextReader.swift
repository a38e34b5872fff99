import Foundation

/// Text files: UTF-8 (BOM dropped), UTF-16 with a BOM, invalid UTF-8
/// repaired. Refuses binary files and Word 97-2003 documents with a reason.
// TODO(after merging the parser): defer to the parser's `SourceDecoder`,
// which also reports where invalid UTF-8 was repaired.
enum PlainTextReader {
  static func text(from data: Data) -> Result<String, FormatError> {
    let bytes = [UInt8](data)
    if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      return .failure(
        FormatError("Word 97-2003 (.doc) files are not supported: save it as .docx or PDF"))
    }
    if bytes.starts(with: Array("{\\rtf".utf8)) {
      return .failure(FormatError("RTF files are not supported: save it as .docx or PDF"))
    }
    if bytes.starts(with: [0xFF, 0xFE]) {
      return .success(decodeUTF16(bytes.dropFirst(2), bigEndian: false))
    }
    if bytes.starts(with: [0xFE, 0xFF]) {
      return .success(decodeUTF16(bytes.dropFirst(2), bigEndian: true))
    }
    if bytes.contains(0) {
      return .failure(
        FormatError("binary file, not text (supported: .txt, .md, .docx, .pdf, .html)"))
    }
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    return .success(String(decoding: body, as: UTF8.self))
  }

  static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
      let first = UInt16(bytes[index])
      let second = UInt16(bytes[index + 1])
      units.append(bigEndian ? first << 8 | second : second << 8 | first)
      index += 2
    }
    return String(decoding: units, as: UTF16.self)
  }
}
