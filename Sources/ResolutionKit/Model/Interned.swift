/// A string property kept as its number in `InternedStrings`: 4 bytes of
/// its record instead of a `String`'s 16, compared and hashed by number
/// (equal numbers, byte-for-byte equal strings). For the strings a corpus
/// holds by the hundred thousand: a reference's, a clause's path and
/// label.
@propertyWrapper
public struct Interned: Hashable, Sendable {
  private var number: UInt32

  public init(wrappedValue: String?) {
    number = InternedStrings.number(of: wrappedValue)
  }

  init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    number = InternedStrings.number(of: bytes)
  }

  public var wrappedValue: String? {
    get { InternedStrings.string(number) }
    set { number = InternedStrings.number(of: newValue) }
  }
}

/// `Interned` for a string that is always there (`""` at the least).
@propertyWrapper
public struct InternedText: Hashable, Sendable {
  private var interned: Interned

  public init(wrappedValue: String) {
    interned = Interned(wrappedValue: wrappedValue)
  }

  /// The string of `bytes` (valid UTF-8), numbered without making a
  /// `String` when it is already held.
  init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    interned = Interned(utf8: bytes)
  }

  public var wrappedValue: String {
    get { interned.wrappedValue ?? "" }
    set { interned.wrappedValue = newValue }
  }
}
