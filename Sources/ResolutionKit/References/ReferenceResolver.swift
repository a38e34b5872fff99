// PLACEHOLDER until the references work lands (issue 3).
public enum ReferenceResolver {
  public static func resolve(_ documents: [Document]) -> ([Document], BacklinkIndex) {
    (documents, BacklinkIndex())
  }
}
