import Foundation
import Testing
import ZIPFoundation

/// Builds zip archives in memory for Word fixtures.
enum ZipWriter {
  static func archive(_ parts: [(path: String, text: String)]) -> Data {
    archive(data: parts.map { ($0.path, Data($0.text.utf8)) })
  }

  static func archive(data parts: [(path: String, data: Data)]) -> Data {
    do {
      let archive = try Archive(accessMode: .create)
      for (path, data) in parts {
        try archive.addEntry(
          with: path, type: .file, uncompressedSize: Int64(data.count),
          compressionMethod: .deflate
        ) { position, size in
          data.subdata(in: Int(position)..<(Int(position) + size))
        }
      }
      return archive.data ?? Data()
    } catch {
      Issue.record("cannot build the zip fixture: \(error)")
      return Data()
    }
  }
}
