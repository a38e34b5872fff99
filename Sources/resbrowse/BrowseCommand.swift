import ArgumentParser
import BrowserKit
import Foundation
import ResolutionKit
import TerminalUI

struct BrowseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "browse",
    abstract:
      "Browse the corpus full-screen: tree, reader, links, backlinks, search, citations (the default command).",
    discussion:
      "Press ? inside for the keys. Needs a terminal; for text output use `show` or `export`.")

  @Option(
    name: .customLong("theme"),
    help: ArgumentHelp(
      "A theme name or a path to a theme .toml file (default: the config file's, else default).",
      valueName: "NAME|PATH"))
  var theme: String?

  @Option(
    name: .customLong("clipboard-command"),
    help: ArgumentHelp(
      "A shell command that takes copied text on standard input (default: the config file's, else wl-copy/xclip/xsel/pbcopy, tmux and OSC 52).",
      valueName: "COMMAND"))
  var clipboardCommand: String?

  @OptionGroup var source: SourceOptions

  func run() throws {
    // Refuse before loading or drawing anything.
    do {
      try Screen.checkTerminal()
    } catch {
      FileHandle.standardError.write(
        Data(
          ("resbrowse: \(error); the browser needs an interactive terminal.\n"
            + "Use `resbrowse show ID` or `resbrowse export` for text output.\n").utf8))
      throw ExitCode(2)
    }
    // References are resolved after the first frame (BrowserLoop).
    let (corpus, failed) = source.loadCorpusDeferringReferences()
    if failed && corpus.documents.isEmpty { throw ExitCode(1) }
    let settings = BrowserSettings.load(themeOption: theme, clipboardOption: clipboardCommand)
    let screen: Screen
    do {
      screen = try Screen()
    } catch {
      FileHandle.standardError.write(Data("resbrowse: \(error)\n".utf8))
      throw ExitCode(2)
    }
    var loop = BrowserLoop(screen: screen, corpus: corpus, settings: settings)
    let status = loop.run()
    screen.end()
    if status != 0 { throw ExitCode(status) }
  }
}

/// Config file, theme catalog and options, read before the screen starts.
struct BrowserSettings {
  var catalog: ThemeCatalog
  var theme: Theme
  var config: Config
  var clipboard: ClipboardOptions
  var citationFormat: CitationFormat
  /// Problems with the config or theme files, shown in the status line.
  var warnings: [String]

  static func load(themeOption: String?, clipboardOption: String?) -> BrowserSettings {
    let configFile = ConfigLocations().configFile
    let (config, configWarnings) = Config.loadStandard()
    let catalog = ThemeCatalog.standard()
    let chosen = catalog.chooseTheme(
      commandLine: themeOption, config: config, configFile: configFile)
    var warnings = (configWarnings + catalog.warnings + chosen.warnings).map(\.description)
    var format = CitationFormat.short
    if let name = config.defaultCitation {
      if let named = CitationFormat.named(name, templates: config.citationTemplates) {
        format = named
      } else {
        warnings.append(
          "\(configFile ?? "config"): default_citation: no citation format “\(name)”; using short")
      }
    }
    return BrowserSettings(
      catalog: catalog, theme: chosen.theme, config: config,
      clipboard: ClipboardOptions(command: clipboardOption ?? config.clipboardCommand),
      citationFormat: format, warnings: warnings)
  }
}

/// Work done on a background thread (the search index, a clipboard
/// command); the event loop, which wakes at least every quarter second,
/// picks the result up.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value?

  init(_ work: @escaping @Sendable () -> Value) {
    let thread = Thread { [self] in
      let result = work()
      lock.lock()
      value = result
      lock.unlock()
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// The result once it is ready (once only).
  func take() -> Value? {
    lock.lock()
    defer { lock.unlock() }
    let result = value
    value = nil
    return result
  }
}

/// The event loop: draw, wait for input, hand it to the state.
struct BrowserLoop {
  let screen: Screen
  var state: BrowserState
  var themes: ThemeSelection
  var styles: [ThemeRole: ScreenStyle]
  let clipboard: ClipboardDelivery
  var indexing: BackgroundWork<SearchIndex>?
  /// References being resolved for a corpus loaded with them pending.
  var resolving: BackgroundWork<Corpus>?
  /// A copy in progress: clipboard commands may take up to their timeout.
  var copying: BackgroundWork<ClipboardResult>?

  init(screen: Screen, corpus: Corpus, settings: BrowserSettings) {
    self.screen = screen
    let size = screen.size
    state = BrowserState(corpus: corpus, columns: size.columns, rows: size.rows)
    state.goToService = .citations
    state.citationTemplates = settings.config.citationTemplates
    state.defaultCitationFormat = settings.citationFormat
    if let first = settings.warnings.first {
      let more = settings.warnings.count > 1 ? " (+\(settings.warnings.count - 1) more)" : ""
      state.statusMessage = StatusMessage(first + more, isError: true)
    }
    themes = ThemeSelection(
      catalog: settings.catalog, theme: settings.theme, colorCount: screen.colorCount,
      noColor: isNoColorRequested(environment: ProcessInfo.processInfo.environment))
    styles = TerminalBridge.styles(themes.styles)
    clipboard = ClipboardDelivery(options: settings.clipboard)
  }

  /// Small corpora resolve in milliseconds: no point showing them half
  /// ready (and the first keys would race with it).
  static let resolveAtOnceBelow = 200

  /// Resolution and the search index, started once the first frame is on
  /// screen so they do not delay it.
  private mutating func startBackgroundWork() {
    // The first frame's parse is over: its scratch need not stay resident
    // (at 10,000 resolutions the peak is 18 MB lower with it given back:
    // the holes it leaves do not fit what the background work allocates).
    FreedMemory.returnToSystem()
    let corpus = state.corpus
    if corpus.referencesPending {
      if corpus.documents.count < Self.resolveAtOnceBelow {
        state.referencesResolved(corpus.resolvingReferences())
      } else {
        resolving = BackgroundWork {
          let resolved = corpus.resolvingReferences()
          _ = resolved.referenceKeys  // ready before the first link is followed
          return resolved
        }
      }
    }
    indexing = BackgroundWork {
      let index = SearchIndex(corpus: corpus)
      // The load is over (resolution is much shorter): its scratch would
      // otherwise stay resident for the whole session.
      FreedMemory.returnToSystem()
      return index
    }
  }

  /// Runs until quit; returns the exit status (128 + signal when killed).
  mutating func run() -> Int32 {
    // Whatever way the loop ends, the terminal is given back.
    defer { screen.end() }
    var needsDraw = true
    var backgroundStarted = false
    if state.corpus.documents.count < Self.resolveAtOnceBelow {
      startBackgroundWork()
      backgroundStarted = true
    }
    while true {
      if let signal = screen.pendingSignal { return 128 + signal }
      if let resolved = resolving?.take() {
        state.referencesResolved(resolved)
        resolving = nil
        needsDraw = true
      }
      if let index = indexing?.take() {
        state.searchIndexReady(index)
        indexing = nil
        needsDraw = true
      }
      if let result = copying?.take() {
        copying = nil
        finishCopy(result)
        needsDraw = true
      }
      if needsDraw {
        screen.draw(TerminalBridge.frame(Renderer.render(state), styles: styles))
        needsDraw = false
      }
      if !backgroundStarted {
        startBackgroundWork()
        backgroundStarted = true
      }
      guard let event = screen.nextEvent() else { continue }
      needsDraw = true
      switch event {
      case .key(let key):
        switch state.handle(key: TerminalBridge.key(key)) {
        case .none: break
        case .quit: return 0
        case .redraw: screen.invalidate()
        case .suspend:
          screen.suspend()
          let size = screen.size
          state.resize(columns: size.columns, rows: size.rows)
        case .copy(let request): copy(request)
        case .unhandled(let action): handleExtension(action)
        }
      case .click(let x, let y): state.handle(mouse: .click(x: x, y: y))
      case .wheelUp(let x, let y): state.handle(mouse: .wheelUp(x: x, y: y))
      case .wheelDown(let x, let y): state.handle(mouse: .wheelDown(x: x, y: y))
      case .resize:
        let size = screen.size
        state.resize(columns: size.columns, rows: size.rows)
      }
    }
  }

  /// Runs the clipboard chain in the background (each command has a 2 s
  /// limit), so the browser stays responsive.
  private mutating func copy(_ request: CopyRequest) {
    guard copying == nil else {
      state.statusMessage = StatusMessage("Still copying the last citation…")
      return
    }
    let clipboard = clipboard
    let text = request.text
    copying = BackgroundWork { clipboard.copy(text) }
    state.statusMessage = StatusMessage("Copying the \(request.description)…")
  }

  /// The chain is done: the OSC 52 sequence goes to the terminal from here
  /// (the one thread that writes to it), and the status line says where
  /// the text went.
  private mutating func finishCopy(_ result: ClipboardResult) {
    screen.writeRaw(result.terminalBytes)
    state.statusMessage = StatusMessage(result.statusMessage, isError: !result.failures.isEmpty)
  }

  /// Actions that need the terminal: cycling themes.
  private mutating func handleExtension(_ action: Action) {
    switch action {
    case .cycleTheme:
      state.statusMessage = themes.cycle()
      styles = TerminalBridge.styles(themes.styles)
      screen.invalidate()
    default:
      state.statusMessage = StatusMessage("“\(action.rawValue)” is not available here")
    }
  }
}
