import Foundation

/// Where resbrowse looks for its config file and user themes:
/// `$XDG_CONFIG_HOME/resbrowse/` (XDG base directories), or
/// `~/.config/resbrowse/` when that variable is unset, empty or relative.
public struct ConfigLocations: Hashable, Sendable {
  /// `nil` when neither XDG_CONFIG_HOME nor HOME gives a place.
  public let directory: String?

  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
      directory = (xdg as NSString).appendingPathComponent("resbrowse")
    } else if let home = environment["HOME"], home.hasPrefix("/") {
      directory = (home as NSString).appendingPathComponent(".config/resbrowse")
    } else {
      directory = nil
    }
  }

  public var configFile: String? {
    directory.map { ($0 as NSString).appendingPathComponent("config.toml") }
  }

  public var userThemesDirectory: String? {
    directory.map { ($0 as NSString).appendingPathComponent("themes") }
  }
}
