import Testing

@testable import ResolutionKit

/// A section heading loses a final `,` or `:` only when it is a whole
/// character, as `Character` comparison decides.
struct HeadingPunctuationTests {
  @Test(arguments: [
    ("considering,", "considering"),
    ("resolves:", "resolves"),
    ("resolves", "resolves"),
    ("", ""),
    (",", ""),
    ("décide,", "décide"),
    ("cafe\u{301},", "cafe\u{301}"),
    (",\u{301}", ",\u{301}"),
    ("x\u{600},", "x\u{600},"),
    ("notes,,", "notes,"),
  ])
  func finalCommaOrColon(heading: String, expected: String) {
    let dropped = DocumentAssembler.droppingFinalCommaOrColon(heading)
    #expect(dropped == expected)
    var characters = Substring(heading)
    if let last = characters.last, last == "," || last == ":" { characters = characters.dropLast() }
    #expect(dropped == String(characters))
  }
}
