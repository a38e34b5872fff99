import Foundation
import ResolutionKit
import Testing

@testable import BrowserKit

@Suite struct OSC52Tests {
  @Test func plainSequenceIsExact() {
    let bytes = OSC52.sequence(copying: "Res. 1316", insideTmux: false)
    // base64("Res. 1316") == "UmVzLiAxMzE2"
    #expect(bytes == [0x1B] + Array("]52;c;UmVzLiAxMzE2".utf8) + [0x07])
  }

  @Test func tmuxPassthroughDoublesEveryEscape() {
    let bytes = OSC52.sequence(copying: "hi", insideTmux: true)
    let expected: [UInt8] =
      [0x1B] + Array("Ptmux;".utf8) + [0x1B, 0x1B] + Array("]52;c;aGk=".utf8) + [0x07, 0x1B]
      + Array("\\".utf8)
    #expect(bytes == expected)
  }

  @Test func documentTextCannotInjectSequences() {
    let hostile = "\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}[2J\u{9B}31m"
    let bytes = OSC52.sequence(copying: hostile, insideTmux: false)
    #expect(bytes.filter { $0 == 0x1B }.count == 1)
    #expect(bytes.filter { $0 == 0x07 }.count == 1)
    let payload = bytes.dropFirst(7).dropLast()
    #expect(
      Data(base64Encoded: Data(payload)).map { String(decoding: $0, as: UTF8.self) } == hostile)
  }
}

/// Records the commands it is asked to run and answers from a table.
final class RecordingRunner: @unchecked Sendable {
  private let lock = NSLock()
  private var calls: [ClipboardCommand] = []
  private let answers: [String: ClipboardCommandOutcome]

  init(answers: [String: ClipboardCommandOutcome] = [:]) { self.answers = answers }

  var names: [String] { lock.withLock { calls.map(\.name) } }
  var commands: [ClipboardCommand] { lock.withLock { calls } }

  var runner: ClipboardCommandRunner {
    { command, _, _ in
      self.lock.withLock {
        self.calls.append(command)
        return self.answers[command.name] ?? .failed("exit 1")
      }
    }
  }
}

@Suite struct ClipboardDeliveryTests {
  static let allTools = ["wl-copy", "xclip", "xsel", "pbcopy", "tmux"]

  func environment(_ variables: [String: String], tools: [String] = allTools)
    -> ClipboardEnvironment
  {
    ClipboardEnvironment(variables: variables) { name in
      tools.contains(name) ? "/opt/bin/" + name : nil
    }
  }

  let everywhere = [
    "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "TMUX": "/tmp/tmux-1/default,1,0",
  ]

  @Test func chainOrderWhenEverythingFails() {
    let recorder = RecordingRunner()
    let delivery = ClipboardDelivery(
      options: ClipboardOptions(command: "my-copy --x"), environment: environment(everywhere),
      runner: recorder.runner)
    let result = delivery.copy("text")
    #expect(recorder.names == ["my-copy --x", "wl-copy", "xclip", "pbcopy", "tmux"])
    #expect(recorder.commands.first?.executable == "/bin/sh")
    #expect(recorder.commands.first?.arguments == ["-c", "my-copy --x"])
    #expect(recorder.commands[2].arguments == ["-selection", "clipboard"])
    #expect(recorder.commands[4].arguments == ["load-buffer", "-w", "-"])
    #expect(
      result.failures.map(\.command) == ["my-copy --x", "wl-copy", "xclip", "pbcopy", "tmux"])
    #expect(result.deliveredTo == ["terminal (OSC 52)"])
    #expect(result.terminalBytes == OSC52.sequence(copying: "text", insideTmux: true))
    #expect(result.statusMessage.contains("wl-copy failed: exit 1"))
  }

  @Test func firstWorkingSystemToolEndsTheSystemPart() {
    let recorder = RecordingRunner(answers: ["wl-copy": .succeeded, "tmux": .succeeded])
    let result = ClipboardDelivery(
      options: ClipboardOptions(command: "broken"), environment: environment(everywhere),
      runner: recorder.runner
    ).copy("text")
    #expect(recorder.names == ["broken", "wl-copy", "tmux"])
    #expect(result.deliveredTo == ["wl-copy", "tmux", "terminal (OSC 52)"])
    #expect(result.failures == [ClipboardFailure(command: "broken", message: "exit 1")])
  }

  @Test func onlyWhatTheEnvironmentOffers() {
    let recorder = RecordingRunner()
    _ = ClipboardDelivery(
      environment: environment(["DISPLAY": ":1"], tools: ["xsel", "tmux"]), runner: recorder.runner
    ).copy("x")
    // No Wayland, no xclip (so xsel), no pbcopy, not inside tmux.
    #expect(recorder.names == ["xsel"])
    #expect(recorder.commands.first?.arguments == ["--clipboard", "--input"])

    let none = RecordingRunner()
    let result = ClipboardDelivery(environment: environment([:]), runner: none.runner).copy("x")
    #expect(none.names == ["pbcopy"])
    #expect(result.terminalBytes == OSC52.sequence(copying: "x", insideTmux: false))
  }

  @Test func optionsTurnLinksOff() {
    let recorder = RecordingRunner()
    let result = ClipboardDelivery(
      options: ClipboardOptions(useSystemTools: false, useTmux: false, useOSC52: false),
      environment: environment(everywhere), runner: recorder.runner
    ).copy("x")
    #expect(recorder.names == [])
    #expect(result.terminalBytes == [])
    #expect(!result.succeeded)
    #expect(result.statusMessage == "Nothing took the text")
  }

  @Test func statusMessageIsPrintable() {
    var result = ClipboardResult(text: "a\u{1B}[31mb")
    result.deliveredTo = ["tmux"]
    result.failures = [ClipboardFailure(command: "x", message: "bad\u{07}")]
    #expect(!result.statusMessage.unicodeScalars.contains { $0.value < 0x20 })
  }
}

@Suite struct ProcessClipboardRunnerTests {
  func shellCommand(_ script: String) -> ClipboardCommand {
    ClipboardCommand(name: script, executable: "/bin/sh", arguments: ["-c", script], role: .system)
  }

  @Test func realCommandReceivesTheText() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "clip-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: file) }
    let text = "“to continue” Res. 1316 (C09), resolves 1.1\nsecond line"
    let delivery = ClipboardDelivery(
      options: ClipboardOptions(command: "cat > '\(file)'", useSystemTools: false, useTmux: false),
      environment: ClipboardEnvironment(variables: [:]) { _ in nil })
    let result = delivery.copy(text)
    #expect(result.failures == [])
    #expect(result.deliveredTo == ["cat > '\(file)'", "terminal (OSC 52)"])
    let written = try #require(FileManager.default.contents(atPath: file))
    #expect(String(decoding: written, as: UTF8.self) == text)
  }

  @Test func failingCommandIsReportedWithItsMessage() {
    let outcome = ProcessClipboardRunner.run(
      shellCommand("echo 'no display' >&2; exit 3"), input: Data("x".utf8), timeout: 2)
    #expect(outcome == .failed("exit 3: no display"))
  }

  @Test func commandThatIgnoresStdinStillSucceeds() {
    let big = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(
      ProcessClipboardRunner.run(shellCommand("exit 0"), input: big, timeout: 2) == .succeeded)
  }

  @Test func hangingCommandTimesOut() {
    let start = Date()
    let outcome = ProcessClipboardRunner.run(shellCommand("sleep 30"), input: Data(), timeout: 0.3)
    #expect(outcome == .timedOut)
    #expect(Date().timeIntervalSince(start) < 10)
  }

  @Test func missingProgramIsAFailureNotACrash() {
    let command = ClipboardCommand(
      name: "nope", executable: "/nonexistent/nope", arguments: [], role: .system)
    guard case .failed = ProcessClipboardRunner.run(command, input: Data(), timeout: 1) else {
      Issue.record("expected a failure")
      return
    }
  }
}

@Suite struct ClipboardCitationTests {
  let corpus = Corpus(documents: [
    Document(
      id: "R1316", kind: .resolution, body: "Council", number: "1316", session: "C09",
      location: SourceLocation(file: "t", line: 1),
      sections: [
        Section(
          heading: "resolves", role: .operative, location: SourceLocation(file: "t", line: 2),
          clauses: [
            Clause(
              label: "1", path: "resolves 1", text: "to continue",
              location: SourceLocation(file: "t", line: 3))
          ])
      ])
  ])

  @Test func copiesTheCitationText() throws {
    let recorder = RecordingRunner(answers: ["tmux": .succeeded])
    let delivery = ClipboardDelivery(
      environment: ClipboardEnvironment(variables: ["TMUX": "x"]) {
        $0 == "tmux" ? "/bin/tmux" : nil
      },
      runner: recorder.runner)
    let result = try delivery.copyCitation(
      of: ClauseAddress(documentID: "R1316", path: "resolves 1"), in: corpus, as: .short
    ).get()
    #expect(result.text == "Res. 1316 (C09), resolves 1")
    #expect(result.deliveredTo == ["tmux", "terminal (OSC 52)"])
  }

  @Test func templateErrorCopiesNothing() {
    let recorder = RecordingRunner()
    let delivery = ClipboardDelivery(
      environment: ClipboardEnvironment(variables: [:]) { _ in "/bin/true" },
      runner: recorder.runner)
    let result = delivery.copyCitation(
      of: ClauseAddress(documentID: "R1316"), in: corpus,
      as: .template(name: "t", template: "{nope}"))
    #expect(result == .failure(.unknownPlaceholder(template: "t", placeholder: "nope")))
    #expect(recorder.names == [])
  }
}
