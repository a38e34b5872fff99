import Foundation
import Testing

@testable import ResolutionKit

/// Helpers shared by the parser tests.
enum ParserFixtures {
  static func url(_ name: String) throws -> URL {
    let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
    return try #require(
      Bundle.module.url(forResource: parts[0], withExtension: parts[1], subdirectory: "Fixtures"))
  }

  static func text(_ name: String) throws -> SourceText {
    let data = try Data(contentsOf: url(name))
    guard case .text(let text, _) = SourceDecoder.decode([UInt8](data)) else {
      throw CocoaError(.fileReadCorruptFile)
    }
    return SourceText(name: name, text: text)
  }

  static func parse(_ name: String) throws -> ParsedFile {
    DocumentParser.parse(try text(name))
  }
}

func parse(_ text: String, name: String = "test.txt") -> ParsedFile {
  DocumentParser.parse(SourceText(name: name, text: text))
}

/// A document as text without source lines: every field the parser fills,
/// one line per node, for comparing renderings of the same text.
func outline(_ document: Document) -> [String] {
  var lines = [
    "\(document.id) \(document.kind) body=\(document.body ?? "-") number=\(document.number ?? "-") "
      + "revision=\(document.revision ?? "-") session=\(document.session ?? "-") "
      + "chapter=\(document.chapter ?? "-")",
    "title=\(document.title ?? "-")",
    "authority=\(document.authority ?? "-")",
  ]
  func add(_ clauses: [Clause], depth: Int) {
    var stack = clauses.reversed().map { ($0, depth) }
    while let (clause, level) = stack.popLast() {
      lines.append(
        String(repeating: "  ", count: level)
          + "[\(clause.path)] (\(clause.label ?? "-")) \(clause.text)")
      stack += clause.children.reversed().map { ($0, level + 1) }
    }
  }
  for section in document.sections {
    lines.append("§ \(section.heading) (\(section.role))")
    add(section.clauses, depth: 1)
  }
  for annex in document.annexes {
    lines.append("ANNEX \(annex.heading) / \(annex.title ?? "-")")
    add(annex.clauses, depth: 1)
  }
  lines.append("sources=\(document.sources) line=\(document.sourcesLine ?? "-")")
  return lines
}
