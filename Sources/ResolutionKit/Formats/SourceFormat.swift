import Foundation

/// The kind of file a source is, decided by its content first: users rename
/// files, save HTML as `.doc`, and download PDFs without an extension.
public enum SourceFormat: String, Hashable, Sendable, CaseIterable {
  case text
  case docx
  case pdf
  case html

  /// Extensions a folder scan picks up (lowercased, without the dot).
  /// `.doc` is included so a folder of old Word files is reported (Word
  /// 97-2003 is refused with advice; a `.doc` that is really HTML reads).
  public static let supportedExtensions: Set<String> = [
    "txt", "text", "md", "docx", "pdf", "html", "htm", "xhtml", "doc",
  ]

  /// Whether a folder scan should pick up this file (by extension; hidden
  /// files and Word's `~$` lock files are skipped).
  public static func isSupported(fileName: String) -> Bool {
    let base = (fileName as NSString).lastPathComponent
    guard !base.hasPrefix("."), !base.hasPrefix("~$") else { return false }
    return supportedExtensions.contains((base as NSString).pathExtension.lowercased())
  }

  /// What the bytes are. Magic numbers win over the extension (`PK\3\4` is a
  /// Word file, `%PDF-` in the first KB a PDF); markup near the start, or an
  /// HTML extension, makes HTML; everything else is text.
  public static func detect(data: Data, fileName: String) -> SourceFormat {
    detect(head: [UInt8](data.prefix(1024)), fileName: fileName)
  }

  /// `detect(data:fileName:)` from the file's first kilobyte.
  static func detect(head: [UInt8], fileName: String) -> SourceFormat {
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
    if contains(head, Array("%PDF-".utf8)) { return .pdf }
    if looksLikeHTML(head) { return .html }
    let fileExtension = (fileName as NSString).pathExtension.lowercased()
    if ["html", "htm", "xhtml"].contains(fileExtension) { return .html }
    return .text
  }

  /// Markup at the start of the text (after a BOM, blanks, an XML
  /// declaration or comments) that only HTML pages begin with.
  private static func looksLikeHTML(_ head: [UInt8]) -> Bool {
    var bytes = head[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    // UTF-16 pages: keep the ASCII bytes only, enough to see tags.
    if SourceDecoder.hasUTF16ByteOrderMark(bytes) {
      bytes = ArraySlice(bytes.dropFirst(2).filter { $0 != 0 })
    }
    let lowered = String(decoding: bytes, as: UTF8.self).lowercased()
    let trimmed = lowered.drop { $0.isWhitespace }
    guard trimmed.hasPrefix("<") else { return false }
    let markers = [
      "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<p>", "<p ", "<div",
      "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<table", "<ul", "<ol",
    ]
    return markers.contains { trimmed.contains($0) }
  }

  private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    for start in 0...(haystack.count - needle.count)
    where haystack[start..<(start + needle.count)].elementsEqual(needle) {
      return true
    }
    return false
  }
}
