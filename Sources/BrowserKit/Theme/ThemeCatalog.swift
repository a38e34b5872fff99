import Foundation

/// The themes a user can choose: the built-in ones (embedded from `Themes/`)
/// and the user's own `*.toml` files in `$XDG_CONFIG_HOME/resbrowse/themes/`.
///
/// A user theme with a built-in theme's name replaces it for lookup and
/// cycling; inheriting from its own name then means the built-in one, so
/// `default.toml` with `inherits = "default"` tweaks the default theme.
public struct ThemeCatalog: Sendable {
  /// A theme file not yet parsed.
  public struct Entry: Hashable, Sendable {
    public let name: String
    public let source: ThemeSource
    public let text: String

    public init(name: String, source: ThemeSource, text: String) {
      self.name = name
      self.source = source
      self.text = text
    }

    /// How messages name the file.
    var fileLabel: String {
      switch source {
      case .builtIn: "built-in theme \(name)"
      case .file(let path): path
      }
    }
  }

  public static let defaultThemeName = "default"
  /// The theme whose attributes stand in for colours when there are none.
  public static let monochromeThemeName = "monochrome"
  /// Inheritance longer than this is surely a mistake.
  static let maximumInheritanceDepth = 32

  public let builtIns: [Entry]
  public let userThemes: [Entry]
  /// Problems reading the user theme folder (unreadable files).
  public let warnings: [FileDiagnostic]

  public init(builtIns: [Entry] = ThemeCatalog.embeddedThemes, userThemes: [Entry] = []) {
    self.builtIns = builtIns
    self.userThemes = userThemes
    self.warnings = []
  }

  /// Reads every `*.toml` in `userThemesDirectory` (sorted by name); a
  /// missing folder simply means no user themes.
  public init(builtIns: [Entry] = ThemeCatalog.embeddedThemes, userThemesDirectory: String?) {
    self.builtIns = builtIns
    var userThemes: [Entry] = []
    var warnings: [FileDiagnostic] = []
    if let directory = userThemesDirectory,
      let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
    {
      for fileName in names.sorted() where fileName.hasSuffix(".toml") && !fileName.hasPrefix(".") {
        let path = (directory as NSString).appendingPathComponent(fileName)
        switch TOMLDocument.readText(atPath: path) {
        case .success(let text):
          userThemes.append(
            Entry(name: String(fileName.dropLast(5)), source: .file(path: path), text: text))
        case .failure(let diagnostic):
          warnings.append(FileDiagnostic(.warning, file: path, message: diagnostic.message))
        case nil:
          continue
        }
      }
    }
    self.userThemes = userThemes
    self.warnings = warnings
  }

  /// The built-in themes plus the user's, from the standard folder.
  public static func standard(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> ThemeCatalog {
    ThemeCatalog(userThemesDirectory: ConfigLocations(environment: environment).userThemesDirectory)
  }

  /// The themes in `Themes/`, default first, then by name.
  public static let embeddedThemes: [Entry] = EmbeddedThemes.files
    .filter { $0.name.hasSuffix(".toml") }
    .map { Entry(name: String($0.name.dropLast(5)), source: .builtIn, text: $0.text) }
    .sorted {
      ($0.name == defaultThemeName ? 0 : 1, $0.name) < (
        $1.name == defaultThemeName ? 0 : 1, $1.name
      )
    }

  // MARK: Listing and cycling

  /// Every entry: built-ins, then user themes.
  public var entries: [Entry] { builtIns + userThemes }

  /// Theme names in cycling order: built-ins, then user themes whose names
  /// are new. Each name appears once.
  public var names: [String] {
    var seen = Set<String>()
    return entries.map(\.name).filter { seen.insert($0).inserted }
  }

  /// The theme after `name` in `names`, wrapping round; the first theme when
  /// `name` is not in the list (e.g. a theme loaded by path).
  public func nextThemeName(after name: String) -> String {
    let names = names
    guard let index = names.firstIndex(of: name) else {
      return names.first ?? Self.defaultThemeName
    }
    return names[(index + 1) % names.count]
  }

  /// The next theme after `current` that loads, skipping (and reporting)
  /// broken ones, for a "cycle theme" key. A theme loaded by path is
  /// followed by the first theme in the list.
  public func nextTheme(after current: Theme) -> (theme: Theme, warnings: [FileDiagnostic]) {
    let names = names
    let start: Int
    if case .file(let path) = current.source,
      entry(named: current.name)?.source != .file(path: path)
    {
      start = 0
    } else {
      start = names.firstIndex(of: current.name).map { $0 + 1 } ?? 0
    }
    var warnings: [FileDiagnostic] = []
    for offset in 0..<names.count {
      let name = names[(start + offset) % names.count]
      switch theme(name) {
      case .success(let loaded): return (loaded.theme, warnings + loaded.warnings)
      case .failure(let error): warnings += error.diagnostics
      }
    }
    return (fallbackTheme, warnings)
  }

  /// Whether a user theme replaces the built-in theme called `name`.
  public func isShadowed(_ entry: Entry) -> Bool {
    entry.source == .builtIn && userThemes.contains { $0.name == entry.name }
  }

  /// The entry a name refers to: the user's theme before the built-in one.
  public func entry(named name: String, excluding excluded: Entry? = nil) -> Entry? {
    (userThemes + builtIns).first { $0.name == name && $0 != excluded }
  }

  /// Whether `--theme` got a path rather than a name.
  public static func isPath(_ reference: String) -> Bool {
    reference.contains("/") || reference.hasSuffix(".toml")
  }

  // MARK: Loading

  /// The built-in default theme (never a user's replacement, which might be
  /// broken), or `Theme.unstyled` if even that cannot be read.
  public var fallbackTheme: Theme {
    guard let entry = builtIns.first(where: { $0.name == Self.defaultThemeName }),
      case .success(let loaded) = resolve(entry)
    else { return .unstyled }
    return loaded.theme
  }

  /// The theme `reference` names (a name, or a path to a `.toml` file), with
  /// inheritance applied. Fails with diagnostics naming file, line and key.
  public func theme(_ reference: String, requestedBy origin: String = "--theme") -> Result<
    (theme: Theme, warnings: [FileDiagnostic]), ThemeLoadError
  > {
    if Self.isPath(reference) {
      switch Self.fileEntry(atPath: reference) {
      case .success(let entry): return resolve(entry)
      case .failure(let diagnostic): return .failure(ThemeLoadError(diagnostics: [diagnostic]))
      }
    }
    guard let entry = entry(named: reference) else {
      return .failure(
        ThemeLoadError(diagnostics: [
          FileDiagnostic(
            .error, file: origin,
            message:
              "no theme named \(reference.quotedForMessage) (themes: \(names.joined(separator: ", ")); or give a path to a .toml file)"
          )
        ]))
    }
    return resolve(entry)
  }

  /// The theme to use: `reference`'s, or the built-in default when it is
  /// `nil` or cannot be loaded. Never fails; problems come back as
  /// diagnostics to show the user.
  public func loadTheme(_ reference: String?, requestedBy origin: String = "--theme") -> (
    theme: Theme, warnings: [FileDiagnostic]
  ) {
    guard let reference, !reference.isEmpty else { return (fallbackTheme, []) }
    switch theme(reference, requestedBy: origin) {
    case .success(let loaded):
      return loaded
    case .failure(let error):
      let fallback = fallbackTheme
      let note = FileDiagnostic(
        .warning, file: origin,
        message: "theme \(reference.quotedForMessage) not used; using the \(fallback.name) theme")
      return (fallback, error.diagnostics + [note])
    }
  }

  /// The theme chosen on the command line, else in the config file, else
  /// the default.
  public func chooseTheme(commandLine: String?, config: Config, configFile: String?) -> (
    theme: Theme, warnings: [FileDiagnostic]
  ) {
    if let commandLine { return loadTheme(commandLine, requestedBy: "--theme") }
    return loadTheme(config.theme, requestedBy: configFile ?? "config")
  }

  static func fileEntry(atPath path: String) -> Result<Entry, FileDiagnostic> {
    switch TOMLDocument.readText(atPath: path) {
    case .success(let text):
      let fileName = (path as NSString).lastPathComponent
      let name = fileName.hasSuffix(".toml") ? String(fileName.dropLast(5)) : fileName
      return .success(Entry(name: name, source: .file(path: path), text: text))
    case .failure(let diagnostic):
      return .failure(diagnostic)
    case nil:
      return .failure(FileDiagnostic(.error, file: path, message: "no such theme file"))
    }
  }

  /// The theme an entry defines, with inheritance applied (for listing
  /// every entry, including a built-in a user theme replaces).
  public func theme(for entry: Entry) -> Result<
    (theme: Theme, warnings: [FileDiagnostic]), ThemeLoadError
  > {
    resolve(entry)
  }

  /// Parses `start` and the themes it inherits from (iteratively, so a long
  /// chain cannot exhaust the stack), then layers them root first.
  func resolve(_ start: Entry) -> Result<(theme: Theme, warnings: [FileDiagnostic]), ThemeLoadError>
  {
    var chain: [(entry: Entry, definition: ThemeDefinition)] = []
    var diagnostics: [FileDiagnostic] = []
    var current = start
    while true {
      let (parsed, problems) = ThemeDefinition.parse(
        text: current.text, name: current.name, source: current.source, file: current.fileLabel)
      diagnostics += problems
      guard let definition = parsed else {
        if let child = chain.last {
          diagnostics.append(
            FileDiagnostic(
              .error, file: child.entry.fileLabel, line: child.definition.inheritsLine,
              key: "inherits",
              message: "inherits from theme \(current.name.quotedForMessage), which has errors"))
        }
        return .failure(ThemeLoadError(diagnostics: diagnostics))
      }
      chain.append((current, definition))
      guard let parentReference = definition.inherits else { break }
      let problem = { (message: String) in
        FileDiagnostic(
          .error, file: current.fileLabel, line: definition.inheritsLine, key: "inherits",
          message: message)
      }
      let parent: Entry
      if Self.isPath(parentReference) {
        let path = Self.path(parentReference, relativeTo: current.source)
        switch Self.fileEntry(atPath: path) {
        case .success(let entry): parent = entry
        case .failure(let diagnostic):
          diagnostics.append(problem("cannot read \(path.quotedForMessage): \(diagnostic.message)"))
          return .failure(ThemeLoadError(diagnostics: diagnostics))
        }
      } else if let entry = entry(named: parentReference, excluding: current) {
        parent = entry
      } else {
        diagnostics.append(
          problem(
            "no theme named \(parentReference.quotedForMessage) to inherit from (themes: \(names.joined(separator: ", ")))"
          ))
        return .failure(ThemeLoadError(diagnostics: diagnostics))
      }
      if chain.contains(where: { $0.entry.name == parent.name && $0.entry.source == parent.source })
      {
        let cycle = (chain.map(\.entry.name) + [parent.name]).joined(separator: " → ")
        diagnostics.append(problem("inheritance cycle: \(cycle)"))
        return .failure(ThemeLoadError(diagnostics: diagnostics))
      }
      if chain.count >= Self.maximumInheritanceDepth {
        diagnostics.append(
          problem("inherits through more than \(Self.maximumInheritanceDepth) themes"))
        return .failure(ThemeLoadError(diagnostics: diagnostics))
      }
      current = parent
    }

    var styles: [ThemeRole: TextStyle] = [:]
    for link in chain.reversed() {
      for (role, override) in link.definition.roles {
        styles[role] = override.applied(to: styles[role] ?? TextStyle())
      }
    }
    let definition = chain[0].definition
    let theme = Theme(
      name: definition.name, source: definition.source, inherits: definition.inherits,
      summary: definition.summary, roleStyles: styles)
    return .success((theme, diagnostics))
  }

  /// A relative `inherits` path is relative to the inheriting file's folder.
  static func path(_ reference: String, relativeTo source: ThemeSource) -> String {
    let expanded = (reference as NSString).expandingTildeInPath
    guard !expanded.hasPrefix("/"), case .file(let path) = source else { return expanded }
    return ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
      expanded)
  }
}

/// Why a theme could not be loaded: every problem found, each with its file,
/// line and key where known.
public struct ThemeLoadError: Error, Hashable, Sendable, CustomStringConvertible {
  public var diagnostics: [FileDiagnostic]

  public init(diagnostics: [FileDiagnostic]) { self.diagnostics = diagnostics }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
