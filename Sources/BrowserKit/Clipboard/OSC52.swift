import Foundation

/// The terminal escape that sets the system clipboard (OSC 52), for
/// terminals that support it, also over SSH.
public enum OSC52 {
  /// `ESC ] 52 ; c ; BASE64 BEL`; inside tmux wrapped for passthrough as
  /// `ESC P tmux; ESC ESC ] 52 ; c ; BASE64 BEL ESC \` (every ESC of the
  /// wrapped sequence doubled). Only base64 of the text is embedded, so
  /// nothing in a document can inject escape sequences.
  public static func sequence(copying text: String, insideTmux: Bool) -> [UInt8] {
    let escape: UInt8 = 0x1B
    let bell: UInt8 = 0x07
    let payload = Array(Data(text.utf8).base64EncodedString().utf8)
    let sequence = [escape] + Array("]52;c;".utf8) + payload + [bell]
    guard insideTmux else { return sequence }
    var wrapped = [escape] + Array("Ptmux;".utf8)
    for byte in sequence {
      if byte == escape { wrapped.append(escape) }
      wrapped.append(byte)
    }
    wrapped += [escape, UInt8(ascii: "\\")]
    return wrapped
  }
}
