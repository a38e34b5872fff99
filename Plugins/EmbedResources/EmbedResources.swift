import Foundation
import PackagePlugin

/// Embeds data files into the target that uses the plugin, as Swift string
/// literals, so the binary carries them and the files stay the one source.
///
/// - `ResolutionKit` gets `Sources/ResolutionKit/SampleCorpus/*.txt` as
///   `EmbeddedSampleCorpus.files`.
/// - `BrowserKit` gets `Themes/*.toml` as `EmbeddedThemes.files`.
@main
struct EmbedResources: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let package = context.package.directoryURL
    let (folder, suffix, enumName): (URL, String, String)
    switch target.name {
    case "ResolutionKit":
      folder = package.appending(path: "Sources/ResolutionKit/SampleCorpus")
      (suffix, enumName) = (".txt", "EmbeddedSampleCorpus")
    case "BrowserKit":
      folder = package.appending(path: "Themes")
      (suffix, enumName) = (".toml", "EmbeddedThemes")
    default:
      return []
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(suffix) }
      .sorted()
    let inputs = names.map { folder.appending(path: $0) }
    let output = context.pluginWorkDirectoryURL.appending(path: "\(enumName).swift")
    return [
      .buildCommand(
        displayName: "Embedding \(names.count) files as \(enumName)",
        executable: try context.tool(named: "embed-resources").url,
        arguments: [enumName, output.path] + inputs.map(\.path),
        inputFiles: inputs,
        outputFiles: [output]
      )
    ]
  }
}
