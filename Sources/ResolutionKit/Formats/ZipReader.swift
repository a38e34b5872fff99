import Foundation
import ZIPFoundation

/// Reads named parts of a zip held in memory. The directory is parsed here
/// with every offset checked, and inflating uses ZIPFoundation's zlib
/// wrapper fed from a bounded slice: ZIPFoundation's own `Archive` traps
/// on some damaged zips in memory and loops forever on a deflate stream cut
/// short in a file, and a damaged .docx must only ever give an error.
struct ZipReader {
  struct Entry {
    var name: String
    var method: UInt16
    var crc: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var localHeaderOffset: Int
  }

  enum Failure: Error, Equatable {
    case notAZip
    case damaged(String)
    case tooLarge(String)
    case unsupported(String)
  }

  private let bytes: Data
  private(set) var entries: [String: Entry] = [:]

  init(_ data: Data) throws(Failure) {
    // Rebase so offsets are plain integers from 0.
    bytes = Data(data)
    try readDirectory()
  }

  private func uint16(_ offset: Int) -> Int? {
    guard offset >= 0, offset <= bytes.count - 2 else { return nil }
    return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
  }

  private func uint32(_ offset: Int) -> Int? {
    guard let low = uint16(offset), let high = uint16(offset + 2) else { return nil }
    return low | high << 16
  }

  private mutating func readDirectory() throws(Failure) {
    // The end-of-central-directory record: within the last 64 KB + 22 bytes.
    let lowest = max(0, bytes.count - 22 - 65_535)
    var end: Int?
    var candidate = bytes.count - 22
    while candidate >= lowest {
      if uint32(candidate) == 0x0605_4B50 {
        end = candidate
        break
      }
      candidate -= 1
    }
    guard let end else {
      throw bytes.starts(with: [0x50, 0x4B]) ? .damaged("no zip directory") : .notAZip
    }
    guard let count = uint16(end + 10), let size = uint32(end + 12),
      let start = uint32(end + 16)
    else { throw .damaged("zip directory record cut short") }
    if count == 0xFFFF || start == 0xFFFF_FFFF {
      throw .unsupported("ZIP64 archives are not supported")
    }
    guard start <= bytes.count, size <= bytes.count - start else {
      throw .damaged("zip directory outside the file")
    }
    var offset = start
    for _ in 0..<count {
      guard uint32(offset) == 0x0201_4B50, let method = uint16(offset + 10),
        let crc = uint32(offset + 16), let compressed = uint32(offset + 20),
        let uncompressed = uint32(offset + 24), let nameLength = uint16(offset + 28),
        let extraLength = uint16(offset + 30), let commentLength = uint16(offset + 32),
        let local = uint32(offset + 42), offset + 46 + nameLength <= bytes.count
      else { throw .damaged("zip directory entry damaged") }
      let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
      if entries[name] == nil {
        entries[name] = Entry(
          name: name, method: UInt16(method), crc: UInt32(crc), compressedSize: compressed,
          uncompressedSize: uncompressed, localHeaderOffset: local)
      }
      offset += 46 + nameLength + extraLength + commentLength
    }
  }

  /// The next `size` bytes of a deflate stream for ZIPFoundation, from
  /// `position`, and where the following ones start. ZIPFoundation tells
  /// zlib that `size` bytes are there, however short the chunk, so a
  /// damaged stream read on past its end (an AddressSanitizer run crashed
  /// in zlib there): zeros make up the rest.
  static func inflateInput(_ compressed: Data, from position: Int, size: Int) -> (
    chunk: Data, next: Int
  ) {
    let next = min(compressed.endIndex, position + max(size, 1))
    var chunk = Data(compressed[position..<next])
    if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
    return (chunk, next)
  }

  /// The unpacked content of a part; at most `limit` bytes.
  func read(_ name: String, limit: Int) throws(Failure) -> Data {
    guard let entry = entries[name] else { throw .damaged("\(name) missing") }
    guard entry.uncompressedSize <= limit else { throw .tooLarge(name) }
    let header = entry.localHeaderOffset
    guard uint32(header) == 0x0403_4B50, let nameLength = uint16(header + 26),
      let extraLength = uint16(header + 28)
    else { throw .damaged("\(name): local header damaged") }
    let start = header + 30 + nameLength + extraLength
    guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
      throw .damaged("\(name) is cut short")
    }
    let compressed = bytes[start..<(start + entry.compressedSize)]
    var output = Data()
    let crc: UInt32
    switch entry.method {
    case 0:
      output = Data(compressed)
      crc = output.crc32(checksum: 0)
    case 8:
      var position = compressed.startIndex
      do {
        crc = try Data.decompress(
          size: Int64(entry.compressedSize), bufferSize: 32 * 1024, skipCRC32: false,
          provider: { _, size in
            // Running out means the stream was cut short: an error, not
            // an endless wait for more input.
            guard position < compressed.endIndex else {
              throw Failure.damaged("\(name) is cut short")
            }
            let (chunk, next) = Self.inflateInput(compressed, from: position, size: size)
            position = next
            return chunk
          },
          consumer: { chunk in
            output.append(chunk)
            if output.count > limit { throw Failure.tooLarge(name) }
          })
      } catch let failure as Failure {
        throw failure
      } catch {
        throw .damaged("\(name) does not inflate")
      }
    default:
      throw .unsupported("\(name) uses compression method \(entry.method)")
    }
    guard crc == entry.crc else { throw .damaged("\(name) fails its checksum") }
    return output
  }
}
