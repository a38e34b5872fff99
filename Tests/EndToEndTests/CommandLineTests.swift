import Foundation
import Testing

/// The commands as scripts use them: real binary, real pipes.
@Suite struct CommandLineTests {
  @Test func listPrintsEveryDocumentOfTheSampleCorpus() throws {
    let result = try BuiltBinary.run(["list"])
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("R1316\t1316\tContinuation of the work") })
    #expect(lines.first?.hasPrefix("fragment-000_aa3928e16e5cb9bf-1\t-\t") == true)
  }

  @Test func exportFollowsTheContract() throws {
    let result = try BuiltBinary.run(["export", "--format", "json"])
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    #expect(object?["format"] as? String == "resbrowse-corpus")
    #expect(object?["version"] as? Int == 1)
    let documents = object?["documents"] as? [[String: Any]] ?? []
    let r1316 = documents.first { $0["id"] as? String == "R1316" }
    #expect(r1316?["authority"] as? String == "The Council")
    #expect(r1316?["kind"] as? String == "resolution")
    // Contract fields are present even when null.
    for key in [
      "body", "number", "revision", "title", "authority", "source", "sections", "references",
      "sources",
    ] {
      #expect(r1316?.keys.contains(key) == true, "missing \(key)")
    }
  }

  @Test func showPrintsAClauseWrappedToTheWidth() throws {
    let result = try BuiltBinary.run(["show", "R1316", "--width", "40"])
    #expect(result.status == 0)
    #expect(result.output.contains("considering"))
    #expect(result.output.split(separator: "\n").allSatisfy { $0.count <= 40 })
  }

  @Test func showFindsTheClauseAWrittenCitationNames() throws {
    let result = try BuiltBinary.run(["show", "--cite", "Council Res. 1316, considering ¶1"])
    #expect(result.status == 0)
    #expect(result.output.hasPrefix("Resolution 1300 of the Council to establish"))
  }

  @Test func citePrintsTheShortCitationThatReadsBack() throws {
    let cited = try BuiltBinary.run(["cite", "1316 considering para 1"])
    #expect(cited.status == 0)
    let citation = cited.output.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(citation == "Res. 1316, considering ¶1")
    let shown = try BuiltBinary.run(["show", "--cite", citation])
    #expect(shown.output.hasPrefix("Resolution 1300 of the Council"))
  }

  @Test func coverageAccountsForEveryWordAndListsRemovedNoise() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("paged.txt")
    try Data("R 1 Test\n\nThe Council,\n\nresolves\n\n1\tto do.\n\n- 7 -\n\n2\tto do more.\n".utf8)
      .write(to: file)
    let result = try BuiltBinary.run(["check", "--coverage", "--strict", file.path])
    #expect(result.status == 0)
    #expect(result.output.contains("100.0% of 13 words"))
    #expect(result.output.contains("line 9 (page number): - 7 -"))
  }

  @Test func refsListsTargetsAndCiters() throws {
    let outgoing = try BuiltBinary.run(["refs", "R1316"])
    #expect(outgoing.status == 0)
    #expect(outgoing.output.contains("Resolution 1300 of the Council"))
    #expect(outgoing.output.contains("R1300"))
    let incoming = try BuiltBinary.run(["refs", "--to", "R1300"])
    #expect(
      incoming.output.split(separator: "\n").contains { $0.hasPrefix("R1316\tconsidering ¶1") })
  }

  @Test func refsJSONGivesTheExportFieldsAndTheSpanInTheClause() throws {
    let result = try BuiltBinary.run(["refs", "R1316", "--json"])
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    let references = object?["references"] as? [[String: Any]] ?? []
    let reference = try #require(references.first { $0["target"] as? String == "R1300" })
    #expect(reference["in"] as? String == "considering ¶1")
    #expect(reference["field"] as? String == "clause")
    #expect(reference["kind"] as? String == "resolution")
    #expect(reference["pinpoints"] as? [String] == [])
    // The span names the reference's bytes in its clause's text.
    let clause = try BuiltBinary.run([
      "show", "R1316", "--path", "considering ¶1", "--width", "400",
    ])
    let span = reference["span"] as? [Int] ?? []
    let text = reference["text"] as? String ?? ""
    #expect(span.count == 2 && span[1] - span[0] == text.utf8.count)
    #expect(clause.output.contains(text))
  }

  @Test func checkReportsDanglingReferencesAndFailsWhenStrict() throws {
    let plain = try BuiltBinary.run(["check"])
    #expect(plain.status == 0)
    #expect(plain.output.contains("Resolution 1312"))
    let strict = try BuiltBinary.run(["check", "--strict"])
    #expect(strict.status == 1)
  }

  @Test func unknownDocumentIsAClearErrorWithStatusOne() throws {
    let result = try BuiltBinary.run(["show", "R999999"])
    #expect(result.status == 1)
    #expect(result.error.contains("no document 'R999999'"))
  }

  @Test func binaryFileIsReportedAndOtherFilesStillLoad() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let binary = folder.appendingPathComponent("binary.txt")
    try Data([0x52, 0x20, 0x31, 0x00, 0x01, 0x02]).write(to: binary)
    let text = folder.appendingPathComponent("good.txt")
    try Data("R 1400 A test resolution\n\nThe Council,\n\nresolves\n\n1\tto test.\n".utf8).write(
      to: text)
    let result = try BuiltBinary.run(["list", binary.path, text.path])
    #expect(result.status == 1)
    #expect(result.error.contains("binary.txt"))
    #expect(result.output.contains("R1400\t1400\tA test resolution"))
  }

  @Test func outputIntoAClosedPipeEndsQuietlyWithStatusZero() throws {
    guard let binary = BuiltBinary.resbrowse else { throw BuiltBinary.MissingBinary() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      "-c", "set -o pipefail; '\(binary.path)' export | head -c 10 >/dev/null; echo status=$?",
    ]
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    process.waitUntilExit()
    let status = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "status=0")
    #expect(message.isEmpty, "stderr: \(message)")
  }
}
