import Foundation

/// A table derived from a corpus, built on first use from any thread and
/// shared by copies of the corpus (a class, so copies share the one built).
final class BuiltOnce<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var built: Value?

  func value(_ make: () -> Value) -> Value {
    lock.lock()
    defer { lock.unlock() }
    if let built { return built }
    let made = make()
    built = made
    return made
  }
}
