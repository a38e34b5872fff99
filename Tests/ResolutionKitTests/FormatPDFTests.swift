import Foundation
import Testing

@testable import ResolutionKit

/// PDF reading runs poppler's pdftotext; without it these tests are
/// skipped with the reason shown (CI installs poppler-utils).
@Suite(
  .enabled(
    if: ExternalTool.find("pdftotext") != nil,
    "pdftotext is not installed: apt-get install poppler-utils"))
struct FormatPDFTests {
  @Test func handWrittenPDFIsRead() throws {
    let pdf = FixturePDFWriter.pdf(lines: [
      "R 1316 Title (C09)", "", "The Council,", "considering – é",
    ])
    let text = try SourceReader.text(from: pdf, name: "r.pdf").get().text
    let lines = text.split(whereSeparator: \.isNewline).map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }
    #expect(lines == ["R 1316 Title (C09)", "The Council,", "considering – é"])
  }

  @Test func fixtureKeepsEveryParagraphsWords() throws {
    let paragraphs = FormatFixtures.lines(numberSeparator: " ")
    let pdf = FixturePDFWriter.pdf(lines: FixturePDFWriter.layout(paragraphs))
    let text = try SourceReader.text(from: pdf, name: "fixture.pdf").get().text
    let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{0C}" })
    let expected = paragraphs.joined(separator: " ").split(separator: " ")
    #expect(words == expected)
  }

  @Test func readingByPathUsesTheFileInPlace() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("resbrowse-test-\(UUID().uuidString).pdf")
    try FixturePDFWriter.pdf(lines: ["R 1 Title"]).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let source = try SourceReader.read(path: url.path).get()
    #expect(source.name == url.path)
    #expect(source.text.contains("R 1 Title"))
  }

  @Test func garbageAfterTheHeaderIsAClearError() {
    let result = SourceReader.text(from: Data("%PDF-1.4\ngarbage\u{0}\u{1}".utf8), name: "bad.pdf")
    guard case .failure(let error) = result else {
      Issue.record("a broken PDF must not load")
      return
    }
    #expect(error.file == "bad.pdf")
    #expect(error.message.contains("not a readable PDF"))
    #expect(error.message.contains("Error"))
  }

  @Test func pdfWithoutTextIsAClearError() {
    let result = SourceReader.text(from: FixturePDFWriter.pdf(lines: []), name: "scan.pdf")
    guard case .failure(let error) = result else {
      Issue.record("a PDF without text must say so")
      return
    }
    #expect(error.message.contains("no text layer"))
  }
}

@Suite struct FormatSubprocessTests {
  @Test func failureMessagesExplainTheCause() {
    let password = PDFReader.failureMessage(
      status: 1, errors: Data("Command Line Error: Incorrect password\n".utf8))
    #expect(password.contains("password-protected"))
    let broken = PDFReader.failureMessage(
      status: 1,
      errors: Data("Syntax Warning: x\nSyntax Error: Couldn't read xref table\nDone\n".utf8))
    #expect(
      broken
        == "not a readable PDF (pdftotext exit status 1: Syntax Error: Couldn't read xref table)")
    #expect(
      PDFReader.failureMessage(status: 3, errors: Data())
        == "not a readable PDF (pdftotext exit status 3)")
  }

  @Test func missingToolMessageNamesThePackage() {
    #expect(PDFReader.missingToolMessage.contains("apt-get install poppler-utils"))
  }

  @Test func largeOutputDoesNotDeadlockAndTimeoutStops() throws {
    let shell = try #require(ExternalTool.find("sh"))
    // More than a pipe buffer on both streams at once.
    let big = try ExternalTool.run(
      shell, arguments: ["-c", "yes line | head -c 2000000; yes err | head -c 300000 >&2"],
      timeout: 60
    ).get()
    #expect(big.standardOutput.count == 2_000_000)
    #expect(big.standardError.count == 300_000)
    #expect(big.status == 0)
    let slow = try ExternalTool.run(shell, arguments: ["-c", "exec sleep 30"], timeout: 0.5).get()
    #expect(slow.timedOut)
    #expect(slow.status != 0)
  }
}
