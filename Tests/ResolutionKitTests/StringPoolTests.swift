import Testing

@testable import ResolutionKit

/// The pool must give back exactly the string asked for, sharing storage
/// only between byte-equal strings.
struct StringPoolTests {
  /// Where the string's bytes are: equal for two strings only when they
  /// share storage (compared, never read through).
  private func storage(_ string: String) -> UInt {
    var copy = string
    return copy.withUTF8 { UInt(bitPattern: $0.baseAddress) }
  }

  private func pooled(_ string: String, in pool: inout StringPool) -> String {
    var bytes = Array(string.utf8)
    return bytes.withUnsafeMutableBufferPointer { pool.string(UnsafeBufferPointer($0)) }
  }

  @Test func equalBytesShareOneStorage() {
    var pool = StringPool()
    let first = pooled("instructs the Secretary-General 1", in: &pool)
    let second = pooled("instructs the Secretary-General 1", in: &pool)
    let other = pooled("instructs the Secretary-General 2", in: &pool)
    #expect(first == "instructs the Secretary-General 1")
    #expect(other == "instructs the Secretary-General 2")
    #expect(storage(first) == storage(second))
    #expect(storage(first) != storage(other))
    // A string handed in whole is kept as it is, then handed out again.
    let heading = "invites Member States" + String(repeating: "!", count: 3)
    #expect(storage(pool.string(heading)) == storage(heading))
    #expect(storage(pooled(heading, in: &pool)) == storage(heading))
  }

  @Test func canonicallyEquivalentStringsKeepTheirOwnBytes() {
    var pool = StringPool()
    let composed = pooled("considering caf\u{E9} au lait 1", in: &pool)
    let decomposed = pooled("considering cafe\u{301} au lait 1", in: &pool)
    #expect(Array(composed.utf8) == Array("considering caf\u{E9} au lait 1".utf8))
    #expect(Array(decomposed.utf8) == Array("considering cafe\u{301} au lait 1".utf8))
  }

  @Test func shortStringsAndManyStringsComeBackExact() {
    var pool = StringPool()
    #expect(pooled("", in: &pool) == "")
    #expect(pooled("resolves 1", in: &pool) == "resolves 1")
    // Past the first table size, and past the pool's capacity, where new
    // strings are made but no longer kept.
    let all = (0..<(StringPool.capacity + 500)).map { "Annex 1, \($0).1 a) and more" }
    let first = all.map { pooled($0, in: &pool) }
    #expect(first == all)
    let again = all.map { pooled($0, in: &pool) }
    #expect(again == all)
    #expect(storage(again[1_000]) == storage(first[1_000]))
    #expect(storage(again.last!) != storage(first.last!))
  }

  @Test func theParseSharesRepeatedPathsAndHeadings() {
    let document = { (number: Int) in
      """
      R \(number) Title \(number)

      The Council,

      instructs the Secretary-General

      1\tto report;

      2\tto act.

      """
    }
    let parsed = parse(document(1) + "\n" + document(2))
    #expect(parsed.documents.count == 2)
    let sections = parsed.documents.map { $0.sections[0] }
    #expect(sections[0].heading == "instructs the Secretary-General")
    #expect(storage(sections[0].heading) == storage(sections[1].heading))
    let paths = sections.map { $0.clauses.map(\.path) }
    #expect(paths[0] == ["instructs the Secretary-General 1", "instructs the Secretary-General 2"])
    #expect(paths[1] == paths[0])
    #expect(storage(paths[0][1]) == storage(paths[1][1]))
  }
}
