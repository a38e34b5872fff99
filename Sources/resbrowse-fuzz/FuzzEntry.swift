import CFuzzSupport
import ResolutionKit

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  guard let data else { return 0 }
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = Corpus.build(from: [SourceText(name: "fuzz", text: text)])
  return 0
}

@main struct FuzzMain {
  static func main() {
    #if FUZZING
      var argc = CommandLine.argc
      var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
      _ = LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) }
    #else
      print("replay")
    #endif
  }
}

#if FUZZING
  @_cdecl("LLVMFuzzerTestOneInput")
  public func llvmFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzOne(data, size)
  }
#endif
