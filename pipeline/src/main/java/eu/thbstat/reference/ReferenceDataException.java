package eu.thbstat.reference;

/** A file in schemas/, seeds/ or mappings/ is missing or wrong; the message names file and place. */
public class ReferenceDataException extends RuntimeException {
  private final String file;

  public ReferenceDataException(String file, String reason) {
    super(file + ": " + reason);
    this.file = file;
  }

  public ReferenceDataException(String file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = file;
  }

  public String file() {
    return file;
  }
}
