import Foundation
import Testing

@testable import ResolutionKit

@Suite struct FormatDetectionTests {
  @Test func contentWinsOverTheExtension() {
    #expect(SourceFormat.detect(data: Data("%PDF-1.4\n".utf8), fileName: "a.txt") == .pdf)
    #expect(
      SourceFormat.detect(data: Data([0x50, 0x4B, 0x03, 0x04, 0]), fileName: "a.pdf") == .docx)
    #expect(SourceFormat.detect(data: Data("<!DOCTYPE html><p>x".utf8), fileName: "a.txt") == .html)
    #expect(SourceFormat.detect(data: Data("\u{FEFF}  <p>R 1316</p>".utf8), fileName: "a") == .html)
    #expect(SourceFormat.detect(data: Data("R 1316 Title".utf8), fileName: "a.pdf") == .text)
    #expect(SourceFormat.detect(data: Data("R 1316 Title".utf8), fileName: "a.docx") == .text)
  }

  @Test func pdfHeaderMayFollowJunk() {
    let data = Data((String(repeating: " ", count: 100) + "%PDF-1.7").utf8)
    #expect(SourceFormat.detect(data: data, fileName: "x") == .pdf)
  }

  @Test func htmlExtensionOrMarkup() {
    #expect(SourceFormat.detect(data: Data("plain words".utf8), fileName: "page.HTM") == .html)
    #expect(
      SourceFormat.detect(data: Data("<resolves> is not html".utf8), fileName: "x.txt") == .text)
    #expect(SourceFormat.detect(data: Data("resolves <p>".utf8), fileName: "x.txt") == .text)
    #expect(SourceFormat.detect(data: Data(), fileName: "empty.txt") == .text)
  }

  @Test func supportedExtensionsCoverEveryFormat() {
    for name in ["txt", "md", "docx", "pdf", "html", "htm"] {
      #expect(SourceFormat.supportedExtensions.contains(name))
    }
  }

  @Test func folderScanSkipsLockAndHiddenFiles() {
    #expect(SourceFormat.isSupported(fileName: "/x/R1316.DOCX"))
    #expect(SourceFormat.isSupported(fileName: "council.pdf"))
    #expect(!SourceFormat.isSupported(fileName: "~$council.docx"))
    #expect(!SourceFormat.isSupported(fileName: ".hidden.txt"))
    #expect(!SourceFormat.isSupported(fileName: "image.png"))
    #expect(!SourceFormat.isSupported(fileName: "README"))
  }

  @Test func plainTextDecoding() throws {
    let utf16 = Data(
      [0xFF, 0xFE] + Array("R 1".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    #expect(try SourceReader.text(from: utf16, name: "a.txt").get().text == "R 1")
    #expect(
      try SourceReader.text(from: Data([0xEF, 0xBB, 0xBF, 0x41]), name: "a.txt").get().text == "A")
    let repaired = try SourceReader.load(data: Data([0x41, 0x0A, 0x42, 0xFF]), name: "a.txt").get()
    #expect(repaired.source.text == "A\nB\u{FFFD}")
    #expect(repaired.format == .text)
    #expect(repaired.diagnostics.map(\.line) == [2])
  }

  @Test func binaryAndOldWordFilesAreRefusedWithAReason() {
    let doc = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])
    guard case .failure(let error) = SourceReader.text(from: doc, name: "old.doc") else {
      Issue.record("a .doc must be refused")
      return
    }
    #expect(error.message.contains(".docx"))
    guard case .failure(let binary) = SourceReader.text(from: Data([1, 0, 2]), name: "x.bin") else {
      Issue.record("binary must be refused")
      return
    }
    #expect(binary.message.contains("binary"))
    guard
      case .failure(let rtf) = SourceReader.text(from: Data("{\\rtf1\\ansi x}".utf8), name: "r.rtf")
    else {
      Issue.record("RTF must be refused")
      return
    }
    #expect(rtf.message.contains("RTF"))
  }

  @Test func readingByPathReportsMissingFilesAndFolders() {
    guard case .failure(let missing) = SourceReader.read(path: "/nonexistent/r.pdf") else {
      Issue.record("missing file must fail")
      return
    }
    #expect(missing.message == "no such file")
    guard case .failure(let named) = SourceReader.read(path: "/nonexistent/r.pdf", name: "r.pdf")
    else {
      Issue.record("missing file must fail")
      return
    }
    #expect(named.file == "r.pdf")
    guard case .failure(let folder) = SourceReader.read(path: NSTemporaryDirectory()) else {
      Issue.record("a folder is not a file")
      return
    }
    #expect(folder.message == "is a folder")
  }
}
