/// A command that cannot do what was asked (unknown id, no such clause):
/// ArgumentParser prints the message and exits with status 1, no usage.
import ResolutionKit

struct CommandFailure: Error, CustomStringConvertible {
  var description: String
  init(_ message: String) { description = message.terminalSafe }
}
