import Foundation

/// One program the clipboard chain runs, with the text on its stdin.
public struct ClipboardCommand: Hashable, Sendable {
  /// Which link of the chain it is.
  public enum Role: Hashable, Sendable {
    /// Sets the system clipboard; the first that succeeds ends this part.
    case system
    /// Sets tmux's paste buffer (and, with `-w`, the clipboard through tmux).
    case tmux
  }

  /// How the status line names it: `wl-copy`, `xclip`, `tmux`, or the
  /// user's command.
  public var name: String
  public var executable: String
  public var arguments: [String]
  public var role: Role

  public init(name: String, executable: String, arguments: [String], role: Role) {
    self.name = name
    self.executable = executable
    self.arguments = arguments
    self.role = role
  }
}

/// How the user configured copying (`--clipboard-command`, config file).
public struct ClipboardOptions: Hashable, Sendable {
  /// Run with `/bin/sh -c`, the text on stdin; tried before the tools found.
  public var command: String?
  /// Whether to look for wl-copy, xclip, xsel and pbcopy.
  public var useSystemTools: Bool
  /// Whether to load the text into tmux's buffer when inside tmux.
  public var useTmux: Bool
  /// Whether to return the OSC 52 sequence for the terminal.
  public var useOSC52: Bool
  /// Seconds a command may take before it is stopped.
  public var timeout: Double

  public init(
    command: String? = nil, useSystemTools: Bool = true, useTmux: Bool = true,
    useOSC52: Bool = true, timeout: Double = 2
  ) {
    self.command = command
    self.useSystemTools = useSystemTools
    self.useTmux = useTmux
    self.useOSC52 = useOSC52
    self.timeout = timeout
  }
}

/// Which commands to try, in order.
public enum ClipboardPlan {
  /// The user's command; `wl-copy` under Wayland; `xclip` (else `xsel`)
  /// under X; `pbcopy` when on PATH; then `tmux load-buffer -w -` inside
  /// tmux. Tools not on PATH are left out.
  public static func commands(
    options: ClipboardOptions, environment: ClipboardEnvironment
  ) -> [ClipboardCommand] {
    var commands: [ClipboardCommand] = []
    if let command = options.command, !command.trimmingCharacters(in: .whitespaces).isEmpty {
      commands.append(
        ClipboardCommand(
          name: command, executable: "/bin/sh", arguments: ["-c", command], role: .system))
    }
    if options.useSystemTools {
      if environment.isSet("WAYLAND_DISPLAY"), let path = environment.findExecutable("wl-copy") {
        commands.append(
          ClipboardCommand(name: "wl-copy", executable: path, arguments: [], role: .system))
      }
      if environment.isSet("DISPLAY") {
        if let path = environment.findExecutable("xclip") {
          commands.append(
            ClipboardCommand(
              name: "xclip", executable: path, arguments: ["-selection", "clipboard"], role: .system
            ))
        } else if let path = environment.findExecutable("xsel") {
          commands.append(
            ClipboardCommand(
              name: "xsel", executable: path, arguments: ["--clipboard", "--input"], role: .system))
        }
      }
      if let path = environment.findExecutable("pbcopy") {
        commands.append(
          ClipboardCommand(name: "pbcopy", executable: path, arguments: [], role: .system))
      }
    }
    if options.useTmux, environment.isSet("TMUX"), let path = environment.findExecutable("tmux") {
      commands.append(
        ClipboardCommand(
          name: "tmux", executable: path, arguments: ["load-buffer", "-w", "-"], role: .tmux))
    }
    return commands
  }
}
