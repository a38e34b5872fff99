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

  static func main() {
    // The allocator's policy is the whole process's: set before any load.
    FreedMemory.mapLargeBlocks()
    main(nil)
  }
}
