import Foundation

/// Turns a file of any supported format into the plain text the parser
/// reads: one paragraph per line, blank lines between paragraphs.
public enum SourceReader {
  /// Reads the file at `path` and converts it. PDFs are handed to
  /// `pdftotext` by path, so they are not copied.
  public static func read(path: String) -> Result<SourceText, LoadError> {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return .failure(LoadError(file: path, message: "no such file"))
    }
    guard !isDirectory.boolValue else {
      return .failure(LoadError(file: path, message: "is a folder"))
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(LoadError(file: path, message: "cannot read (permission denied?)"))
    }
    let converted: Result<String, FormatError>
    switch SourceFormat.detect(data: data, fileName: path) {
    case .pdf: converted = PDFReader.text(ofFileAt: path)
    case .docx: converted = DocxReader.text(from: data)
    case .html, .text: return text(from: data, name: path)
    }
    return converted.map { SourceText(name: path, text: $0) }
      .mapError { LoadError(file: path, message: $0.message) }
  }

  /// Converts bytes already read. `name` is kept as the source's name (and
  /// its extension helps when the content is ambiguous).
  public static func text(from data: Data, name: String) -> Result<SourceText, LoadError> {
    let converted: Result<String, FormatError>
    switch SourceFormat.detect(data: data, fileName: name) {
    case .docx: converted = DocxReader.text(from: data)
    case .pdf: converted = PDFReader.text(from: data)
    case .html: converted = HTMLReader.text(from: data)
    case .text: converted = PlainTextReader.text(from: data)
    }
    return converted.map { SourceText(name: name, text: $0) }
      .mapError { LoadError(file: name, message: $0.message) }
  }
}

/// Why a reader could not produce text; becomes a `LoadError` with the
/// file name added.
struct FormatError: Error, Equatable {
  var message: String
  init(_ message: String) { self.message = message }
}
