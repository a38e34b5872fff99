import Dispatch
import Testing

@testable import ResolutionKit

/// The process-wide string table behind `Reference`: one number per byte
/// string, read back exactly, from any thread.
@Suite struct InternedStringsTests {
  @Test func equalBytesShareANumberAndOthersDoNot() {
    let built = ["interned-tests", "Council"].joined(separator: " ")
    let first = InternedStrings.number(of: "interned-tests Council")
    #expect(InternedStrings.number(of: built) == first)
    #expect(InternedStrings.number(of: "interned-tests council") != first)
    // Canonically equivalent strings are equal `String`s, but not equal bytes.
    let composed = InternedStrings.number(of: "interned-tests é")
    let decomposed = InternedStrings.number(of: "interned-tests e\u{301}")
    #expect(composed != decomposed)
    #expect(
      Array(InternedStrings.string(decomposed)!.utf8) == Array("interned-tests e\u{301}".utf8))
  }

  @Test func noneIsNilAndTheEmptyStringIsAString() {
    #expect(InternedStrings.number(of: nil as String?) == InternedStrings.none)
    #expect(InternedStrings.string(InternedStrings.none) == nil)
    let empty = InternedStrings.number(of: "")
    #expect(empty != InternedStrings.none)
    #expect(InternedStrings.string(empty) == "")
  }

  @Test func bytesAndStringsAgree() {
    let text = "interned-tests Resolution 71 (Rev. Dubai, 2018) of the Plenipotentiary"
    let fromBytes = Array(text.utf8).withUnsafeBufferPointer { InternedStrings.number(of: $0) }
    #expect(fromBytes == InternedStrings.number(of: text))
  }

  /// Enough strings to fill several chunks of every shard: each reads back
  /// as given, and asking again gives the same number.
  @Test func manyStringsReadBack() {
    let strings = (0..<20_000).map {
      "interned-tests many \($0)" + ($0 % 3 == 0 ? " long tail text" : "")
    }
    let numbers = strings.map { InternedStrings.number(of: $0) }
    #expect(Set(numbers).count == strings.count)
    for (string, number) in zip(strings, numbers) {
      #expect(InternedStrings.string(number) == string)
    }
    #expect(strings.map { InternedStrings.number(of: $0) } == numbers)
  }

  /// Threads adding the same strings at once agree on every number.
  @Test func threadsAgreeOnNumbers() {
    let strings = (0..<4_000).map { "interned-tests threads \($0 * 7919 % 4_000)" }
    let results = Slots<[UInt32]>(count: 4)
    DispatchQueue.concurrentPerform(iterations: 4) { thread in
      let order = thread % 2 == 0 ? strings : strings.reversed()
      let numbers = order.map { InternedStrings.number(of: $0) }
      results.set(thread, thread % 2 == 0 ? numbers : numbers.reversed())
    }
    let all = results.takeValues()
    #expect(all.count == 4)
    for numbers in all { #expect(numbers == all[0]) }
    for (string, number) in zip(strings, all[0]) {
      #expect(InternedStrings.string(number) == string)
    }
  }

  /// Short digit strings are numbered by value, without the table: each
  /// reads back exactly (leading zeros too), equal digits give equal
  /// numbers, and anything else takes a table number.
  @Test func digitStringsAreNumberedByValue() {
    let digits = ["0", "7", "00", "007", "1300", "99999", "12345678", "00000000", "99999999"]
    let numbers = digits.map { InternedStrings.number(of: $0) }
    #expect(Set(numbers).count == digits.count)
    for (string, number) in zip(digits, numbers) {
      #expect(number & InternedStrings.Digits.flag != 0, "\(string)")
      #expect(InternedStrings.string(number) == string)
      #expect(InternedStrings.number(of: String(string)) == number)
    }
    for other in ["123456789", "12a", "1.1", "-1", "\u{0661}", "１２"] {
      let number = InternedStrings.number(of: other)
      #expect(number & InternedStrings.Digits.flag == 0, "\(other)")
      #expect(InternedStrings.string(number) == other)
    }
  }

  /// Stored copies hold their bytes and index exactly, across blocks, and
  /// a string longer than a block gets one of its own.
  @Test func storedBytesKeepEveryCopy() {
    var stored = StoredBytes()
    let strings =
      (0..<5_000).map { String(repeating: "x", count: $0 % 40) + "\($0)" }
      + [String(repeating: "long ", count: 20_000), "after the long one"]
    var places: [(UInt32, UnsafeRawPointer)] = []
    for (index, string) in strings.enumerated() {
      places.append(Array(string.utf8).withUnsafeBufferPointer { stored.store($0, index: index) })
    }
    #expect(Set(places.map(\.0)).count == strings.count)
    #expect(!places.contains { $0.0 == 0 })
    for (index, (place, address)) in places.enumerated() {
      #expect(stored.address(of: place) == address)
      #expect(StoredBytes.index(address) == index)
      let bytes = Array(strings[index].utf8)
      #expect(bytes.withUnsafeBufferPointer { StoredBytes.equal(address, $0) })
      let other = Array((strings[index] + "!").utf8)
      #expect(!other.withUnsafeBufferPointer { StoredBytes.equal(address, $0) })
    }
  }
}
