import Foundation

/// What the clipboard chain looks at: environment variables and which
/// programs are on PATH. Tests inject both.
public struct ClipboardEnvironment: Sendable {
  public var variables: [String: String]
  /// The absolute path of a program, or nil when it cannot be run.
  public var findExecutable: @Sendable (String) -> String?

  public init(variables: [String: String], findExecutable: @escaping @Sendable (String) -> String?)
  {
    self.variables = variables
    self.findExecutable = findExecutable
  }

  /// This process's environment, programs looked up on its PATH.
  public static var current: ClipboardEnvironment {
    let variables = ProcessInfo.processInfo.environment
    return ClipboardEnvironment(variables: variables, findExecutable: searchPath(variables["PATH"]))
  }

  /// Looks programs up in the directories of a PATH value.
  public static func searchPath(_ path: String?) -> @Sendable (String) -> String? {
    let directories = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(
      String.init)
    return { name in
      for directory in directories where !directory.isEmpty {
        let candidate = directory + "/" + name
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
      return nil
    }
  }

  func isSet(_ name: String) -> Bool {
    guard let value = variables[name] else { return false }
    return !value.isEmpty
  }
}
