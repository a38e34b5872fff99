import ArgumentParser
import ResolutionKit

@main
struct Resbrowse: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resbrowse",
    abstract: "Browse, search and cite the resolutions of intergovernmental bodies.",
    // Each command lives in its own file; register it here.
    subcommands: [
      BrowseCommand.self, ListCommand.self, ShowCommand.self, SearchCommand.self,
      RefsCommand.self, CiteCommand.self, CheckCommand.self, ExportCommand.self,
      ThemesCommand.self,
    ],
    defaultSubcommand: BrowseCommand.self
  )
}
