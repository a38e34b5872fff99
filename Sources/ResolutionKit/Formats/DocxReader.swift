import Foundation

/// Word `.docx` files, read natively: the zip's document, numbering,
/// styles and notes parts.
enum DocxReader {
  /// Parts larger than this are refused, so a zip bomb cannot eat memory.
  static let maximumPartSize = 256 * 1024 * 1024

  static func text(from data: Data) -> Result<String, FormatError> {
    let zip: ZipReader
    do {
      zip = try ZipReader(data)
    } catch .unsupported(let reason) {
      return .failure(FormatError("cannot read this Word file: \(reason)"))
    } catch {
      return .failure(
        FormatError("not a readable Word file: the zip archive is damaged or truncated"))
    }
    guard zip.entries["word/document.xml"] != nil else {
      return .failure(
        FormatError(
          "a zip archive without word/document.xml: not a Word .docx file"
            + " (OpenDocument and other Office files are not supported)"))
    }
    let document: Data
    switch read("word/document.xml", from: zip) {
    case .success(let data): document = data
    case .failure(let error): return .failure(error)
    }
    // The other parts are optional: without them numbers, styles or notes
    // are lost, not the text.
    func optional(_ name: String) -> Data? {
      guard zip.entries[name] != nil else { return nil }
      return try? read(name, from: zip).get()
    }
    let styles = optional("word/styles.xml").map(WordStyles.parse) ?? WordStyles()
    let numbering = optional("word/numbering.xml").map(WordNumbering.parse)
    let footnotes = notes(optional("word/footnotes.xml"), styles: styles)
    let endnotes = notes(optional("word/endnotes.xml"), styles: styles)

    let reader = WordBodyReader(
      mode: .document, styles: styles, numbering: numbering ?? WordNumbering(),
      footnotes: footnotes, endnotes: endnotes)
    if case .failure(let error) = reader.run(on: document, part: "word/document.xml") {
      return .failure(error)
    }
    return .success(reader.paragraphs.map { $0 + "\n" }.joined(separator: "\n"))
  }

  private static func notes(_ data: Data?, styles: WordStyles) -> [String: String] {
    guard let data else { return [:] }
    let reader = WordBodyReader(mode: .notes, styles: styles, numbering: nil)
    _ = reader.run(on: data, part: "notes")
    return reader.notes
  }

  private static func read(_ name: String, from zip: ZipReader) -> Result<Data, FormatError> {
    do {
      return .success(try zip.read(name, limit: maximumPartSize))
    } catch .tooLarge {
      return .failure(FormatError("\(name) unpacks to over 256 MB; refusing to unpack it"))
    } catch .unsupported(let reason) {
      return .failure(FormatError("cannot read this Word file: \(reason)"))
    } catch {
      return .failure(
        FormatError("not a readable Word file: \(name) is damaged or truncated in the zip"))
    }
  }
}
