import Foundation
import Testing

@testable import ResolutionKit

/// Reading a file by path takes a fast path for plain UTF-8; every file must
/// read exactly as its bytes do through the general readers.
@Suite struct UTF8FileReaderTests {
  /// What a load gives, comparable: text, format and diagnostics, or the error.
  func outcome(_ result: Result<LoadedSource, LoadError>) -> String {
    switch result {
    case .success(let loaded):
      let diagnostics = loaded.diagnostics.map { "\($0.line) \($0.message)" }
      return "\(loaded.format) \(diagnostics) \(loaded.source.text.debugDescription)"
    case .failure(let error):
      return "error \(error.message)"
    }
  }

  static let cases: [(name: String, bytes: [UInt8])] = [
    ("plain.txt", Array("R 1 First\n\nThe Council,\n".utf8)),
    ("bom.txt", [0xEF, 0xBB, 0xBF] + Array("R 1 First\n".utf8)),
    ("only-bom.txt", [0xEF, 0xBB, 0xBF]),
    ("accents.txt", Array("R 2 Télécommunications — ½\r\n".utf8)),
    ("utf16le.txt", [0xFF, 0xFE, 0x52, 0x00, 0x20, 0x00, 0x31, 0x00]),
    ("utf16be.txt", [0xFE, 0xFF, 0x00, 0x52, 0x00, 0x20, 0x00, 0x31]),
    ("nul.txt", [0x52, 0x20, 0x33, 0x00, 0x01]),
    ("invalid.txt", Array("R 1 ok\nbad ".utf8) + [0xC3, 0x28] + Array("\n".utf8)),
    ("truncated.txt", Array("R 1 ok ".utf8) + [0xE2, 0x82]),
    ("word97.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00]),
    ("letter.rtf", Array("{\\rtf1\\ansi hello}".utf8)),
    ("page.txt", Array("<!DOCTYPE html><html><body><p>R 1 First</p></body></html>".utf8)),
    ("page.html", Array("R 1 First\n".utf8)),
    ("paper.txt", Array("%PDF-1.4 not really".utf8)),
  ]

  @Test(arguments: cases.indices)
  func pathReadsAsTheBytesDo(_ index: Int) throws {
    let (name, bytes) = Self.cases[index]
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "resbrowse-utf8-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: name)
    try Data(bytes).write(to: file)

    let byPath = outcome(SourceReader.load(path: file.path))
    let byBytes = outcome(SourceReader.load(data: Data(bytes), name: file.path))
    // A PDF goes to pdftotext by path; the bytes route reports otherwise.
    if name != "paper.txt" { #expect(byPath == byBytes) }
    let fast = UTF8FileReader.text(atPath: file.path, name: file.path)
    let plain = ["plain.txt", "bom.txt", "only-bom.txt", "accents.txt"].contains(name)
    #expect((fast != nil) == plain, "fast path taken for \(name)")
    if plain { #expect(byPath.hasSuffix(fast!.debugDescription)) }
  }

  @Test func emptyFileAndFolderAreNotTakenByTheFastPath() throws {
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "resbrowse-utf8-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let empty = folder.appending(path: "empty.txt")
    try Data().write(to: empty)
    #expect(UTF8FileReader.text(atPath: empty.path, name: empty.path) == nil)
    #expect(UTF8FileReader.text(atPath: folder.path, name: folder.path) == nil)
    #expect(outcome(SourceReader.load(path: empty.path)) == "text [] \"\"")
  }
  /// A file read and checked in parts reads as in one: parts are cut
  /// inside characters of every length, and a fault in any one part
  /// (invalid byte, NUL, a character cut off at the end) sends the whole
  /// file to the general path.
  @Test(arguments: [2, 3, 5, 8, 13])
  func partsReadAsOne(parts: Int) throws {
    let folder = FileManager.default.temporaryDirectory.appending(
      path: "resbrowse-utf8-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let line = Array("R 1 Télécom — 😀 ½ résolution\n".utf8)
    let plain = [UInt8]((0..<40).flatMap { _ in line })
    var invalid = plain
    invalid[invalid.count - 5] = 0xFF
    var withNUL = plain
    withNUL[plain.count / 2] = 0
    let cutOff = plain + [0xF0, 0x9F, 0x98]
    let bom = [0xEF, 0xBB, 0xBF] + plain
    for (name, bytes, isPlain) in [
      ("plain.txt", plain, true), ("bom.txt", bom, true), ("invalid.txt", invalid, false),
      ("nul.txt", withNUL, false), ("cut-off.txt", cutOff, false),
    ] {
      let file = folder.appending(path: name)
      try Data(bytes).write(to: file)
      let whole = UTF8FileReader.text(atPath: file.path, name: name, parts: 1)
      let split = UTF8FileReader.text(atPath: file.path, name: name, parts: parts)
      #expect((whole != nil) == isPlain, "\(name) in one part")
      #expect(split == whole, "\(name) in \(parts) parts")
    }
  }
}
