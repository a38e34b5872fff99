// swift-tools-version:6.0
import Foundation
import PackageDescription

// Scripts/fuzz sets RESBROWSE_FUZZ=1 to build the libFuzzer targets: the
// sanitizer flags then apply to the fuzzed code only, not to build tools.
let fuzzing = ProcessInfo.processInfo.environment["RESBROWSE_FUZZ"] == "1"
let fuzzFlags: [SwiftSetting] =
  fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"]), .define("FUZZING")] : []

let package = Package(
  name: "resbrowse",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "resbrowse", targets: ["resbrowse"]),
    .library(name: "ResolutionKit", targets: ["ResolutionKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
  ],
  targets: [
    // The shared model library: parsing, references, search, citations, export.
    // Foundation only; every front end gets its data from here.
    .target(
      name: "ResolutionKit",
      dependencies: ["ZIPFoundation"],
      exclude: ["SampleCorpus"],
      swiftSettings: fuzzFlags,
      plugins: ["EmbedResources"]
    ),
    // ncursesw, with a shim for what Swift cannot import (macros).
    .systemLibrary(
      name: "CNCursesW",
      providers: [.apt(["libncurses-dev"])]
    ),
    // Thin terminal layer: screen, keys, colours, mouse. The only ncurses user.
    .target(name: "TerminalUI", dependencies: ["CNCursesW"]),
    // Browser layer: state, actions, key map, layout, themes, drawing into a
    // cell grid. No terminal code, so tests drive it directly.
    .target(
      name: "BrowserKit",
      dependencies: ["ResolutionKit", "TOMLKit"],
      swiftSettings: fuzzFlags,
      plugins: ["EmbedResources"]
    ),
    .executableTarget(
      name: "resbrowse",
      dependencies: [
        "ResolutionKit", "BrowserKit", "TerminalUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Corpus generator and benchmark (run in a release build).
    .executableTarget(
      name: "resbrowse-bench",
      dependencies: ["ResolutionKit", "BrowserKit", "CBenchSupport"]
    ),
    // The pseudo-terminal the benchmark starts resbrowse on.
    .target(name: "CBenchSupport"),
    // libFuzzer targets (built by Scripts/fuzz with -sanitize=fuzzer);
    // a normal build gives a replayer that runs inputs through them.
    .executableTarget(
      name: "resbrowse-fuzz",
      dependencies: ["ResolutionKit", "BrowserKit", "CFuzzSupport"],
      swiftSettings: fuzzFlags,
      linkerSettings: fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])] : []
    ),
    .target(name: "CFuzzSupport"),
    // Turns data files (sample corpus, themes) into Swift source at build
    // time, so the installed binary needs no other file and the data files
    // stay the one source.
    .executableTarget(name: "embed-resources"),
    .plugin(
      name: "EmbedResources",
      capability: .buildTool(),
      dependencies: ["embed-resources"]
    ),
    .testTarget(
      name: "ResolutionKitTests",
      dependencies: ["ResolutionKit"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "BrowserKitTests",
      dependencies: ["BrowserKit", "ResolutionKit"]
    ),
    // Drives the real binary in tmux, as a person would.
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["ResolutionKit"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
