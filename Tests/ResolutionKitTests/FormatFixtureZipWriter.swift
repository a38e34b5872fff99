import Foundation
import Testing
import ZIPFoundation

/// Builds zip archives in memory for Word fixtures.
enum FixtureZipWriter {
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

  /// A one-entry zip written byte by byte, sizes and checksum as given, so
  /// tests can describe damage the zip library would never write.
  static func rawArchive(
    name: String, method: UInt16, crc: UInt32, compressed: Data, uncompressedSize: Int
  ) -> Data {
    func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }
    let nameBytes = Array(name.utf8)
    var local: [UInt8] =
      le32(0x0403_4B50) + le16(20) + le16(0) + le16(Int(method)) + le16(0) + le16(0)
    local += le32(Int(crc)) + le32(compressed.count) + le32(uncompressedSize)
    local += le16(nameBytes.count) + le16(0) + nameBytes
    var central: [UInt8] = le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(Int(method))
    central += le16(0) + le16(0) + le32(Int(crc)) + le32(compressed.count) + le32(uncompressedSize)
    central += le16(nameBytes.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(0)
    central += nameBytes
    let directoryOffset = local.count + compressed.count
    var end: [UInt8] = le32(0x0605_4B50) + le16(0) + le16(0) + le16(1) + le16(1)
    end += le32(central.count) + le32(directoryOffset) + le16(0)
    return Data(local) + compressed + Data(central) + Data(end)
  }
}
