import Foundation
import Testing

/// Footnotes in the full-screen browser, driven in tmux: the mark drawn
/// where the marker stood in a `pdftotext -layout` page, and `f` going to
/// the footnote at the page foot and back.
@Suite(.serialized) struct FootnoteTmuxTests {
  /// R 1400, whose resolves 1 carries `Resolution 1282¹` and whose
  /// footnote sits at the foot of the page inside the clause.
  static var fixture: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("ResolutionKitTests/Fixtures/footnotes_pdftotext.txt").path
  }

  @Test(.enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
  func fGoesFromTheMarkerToTheFootnoteAndBack() throws {
    let tmux = try TmuxSession(command: BrowserTmuxTests.command("'\(Self.fixture)'"))
    defer { tmux.kill() }
    #expect(tmux.waitFor { $0.contains("│") } != nil, "\(tmux.capture())")

    try tmux.send(":")
    try tmux.send("R1400 resolves 1", literal: true)
    try tmux.send("Enter")
    #expect(
      tmux.waitFor { _ in tmux.statusLine().hasPrefix("R1400 › resolves 1") } != nil,
      "\(tmux.capture())")
    // The mark stands right after the word that carried it.
    #expect(tmux.capture().contains("1282[1]"), "\(tmux.capture())")

    try tmux.send("f")
    let atNote = tmux.waitFor { _ in
      tmux.statusLine().contains("Footnote [1] — f or Enter goes back to its marker")
    }
    #expect(atNote != nil, "\(tmux.capture())")
    #expect(tmux.capture().contains("[1] Resolution 1282 was modified"), "\(tmux.capture())")
    let selectedNote = Self.styledLine(containing: "was modified by the Council", in: tmux)
    try tmux.send("f")
    #expect(
      tmux.waitFor { _ in
        tmux.statusLine().contains("Footnote [1]: Resolution 1282 was modified")
      } != nil, "\(tmux.capture())")
    #expect(tmux.capture().contains("1282[1]"))
    // The footnote's mark was drawn in the selection style, and is no more.
    let plainNote = Self.styledLine(containing: "was modified by the Council", in: tmux)
    #expect(selectedNote != nil && plainNote != nil && selectedNote != plainNote)

    // Back in history returns to the footnote, since going there was a jump.
    try tmux.send("BSpace")
    #expect(tmux.waitFor { _ in tmux.statusLine().hasPrefix("R1400 › resolves 1") } != nil)

    try tmux.send("q")
    #expect(tmux.waitFor { $0.contains("EXIT=0") } != nil, "\(tmux.capture())")
  }

  /// The screen line holding `text`, with its colours and attributes.
  static func styledLine(containing text: String, in tmux: TmuxSession) -> String? {
    tmux.captureWithEscapes().split(separator: "\n").first { $0.contains(text) }.map(String.init)
  }
}
