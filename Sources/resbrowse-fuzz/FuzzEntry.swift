import CFuzzSupport
import Foundation

// Fuzz build (Scripts/fuzz): libFuzzer drives the target named by
// RESBROWSE_FUZZ_TARGET. Normal build: a replayer,
// `resbrowse-fuzz TARGET FILE|FOLDER...`, that runs saved inputs (the seed
// corpora and every past finding) through the same target.

nonisolated(unsafe) var selectedTarget: FuzzTarget = .parser

@main struct FuzzMain {
  static func main() {
    #if FUZZING
      let name = ProcessInfo.processInfo.environment["RESBROWSE_FUZZ_TARGET"] ?? "parser"
      guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("unknown fuzz target \(name)\n".utf8))
        exit(2)
      }
      selectedTarget = target
      var argc = CommandLine.argc
      var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
      _ = LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) }
    #else
      replay(Array(CommandLine.arguments.dropFirst()))
    #endif
  }

  static func replay(_ arguments: [String]) {
    guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
      print("usage: resbrowse-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE|FOLDER...")
      exit(2)
    }
    var count = 0
    for path in arguments.dropFirst() {
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
      let files =
        isFolder.boolValue
        ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map {
          path + "/" + $0
        } : [path]
      for file in files {
        guard let data = FileManager.default.contents(atPath: file) else { continue }
        data.withUnsafeBytes { target.run($0.bindMemory(to: UInt8.self)) }
        count += 1
      }
    }
    print("replayed \(count) inputs through \(target.rawValue)")
  }
}

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data else { return 0 }
  selectedTarget.run(UnsafeBufferPointer(start: data, count: size))
  return 0
}

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func llvmFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzOne(data, size)
  }
#endif
