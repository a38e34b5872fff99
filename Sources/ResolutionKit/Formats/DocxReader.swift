import Foundation
import ZIPFoundation

/// Word `.docx` files, read natively: the zip's document, numbering,
/// styles and notes parts.
enum DocxReader {
  /// Parts larger than this are refused, so a zip bomb cannot eat memory.
  static let maximumPartSize = 256 * 1024 * 1024

  static func text(from data: Data) -> Result<String, FormatError> {
    let archive: Archive
    do {
      archive = try Archive(data: data, accessMode: .read)
    } catch {
      return .failure(
        FormatError("not a readable Word file: the zip archive is damaged or truncated"))
    }
    guard let documentEntry = archive["word/document.xml"] else {
      return .failure(
        FormatError(
          "a zip archive without word/document.xml: not a Word .docx file"
            + " (OpenDocument and other Office files are not supported)"))
    }
    let document: Data
    switch read(documentEntry, from: archive) {
    case .success(let data): document = data
    case .failure(let error): return .failure(error)
    }
    // The other parts are optional: without them numbers, styles or notes
    // are lost, not the text.
    let styles = optionalPart("word/styles.xml", of: archive).map(WordStyles.parse) ?? WordStyles()
    let numbering = optionalPart("word/numbering.xml", of: archive).map(WordNumbering.parse)
    let footnotes = notes(optionalPart("word/footnotes.xml", of: archive), styles: styles)
    let endnotes = notes(optionalPart("word/endnotes.xml", of: archive), styles: styles)

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

  private static func optionalPart(_ path: String, of archive: Archive) -> Data? {
    guard let entry = archive[path] else { return nil }
    return try? read(entry, from: archive).get()
  }

  private static func read(_ entry: Entry, from archive: Archive) -> Result<Data, FormatError> {
    guard entry.uncompressedSize <= UInt64(maximumPartSize) else {
      return .failure(FormatError("\(entry.path) is larger than 256 MB; refusing to unpack it"))
    }
    var data = Data()
    do {
      _ = try archive.extract(entry) { chunk in
        data.append(chunk)
        if data.count > maximumPartSize {
          throw FormatError("\(entry.path) unpacks to over 256 MB")
        }
      }
    } catch let error as FormatError {
      return .failure(error)
    } catch {
      return .failure(
        FormatError("not a readable Word file: \(entry.path) is damaged or truncated in the zip"))
    }
    return .success(data)
  }
}
