package eu.thbstat.portal;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the portal keeps about one upload (its metadata file {@code <id>.json}).
 *
 * @param id {@code <UTC time>-<first 12 hex digits of the SHA-256>}, with {@code -2}, {@code -3}
 *     ... when that name was taken; ids sort in upload order
 * @param originalName the file name the office's browser sent (for the report; never a path)
 * @param storedFile the stored copy, relative to the data folder ({@code uploads/XX/<id>.<ext>})
 * @param format the format the content was sniffed as (csv, sdmx-csv, xlsx, json, ndjson), or what
 *     else it was
 * @param mapping id of the mapping that read it ("" when none could)
 * @param years the reference years of the cells it gives, sorted
 * @param reason why a REJECTED upload was rejected ("" otherwise)
 */
public record Upload(
    String id,
    String country,
    String originalName,
    String storedFile,
    String format,
    String mapping,
    String sha256,
    long bytes,
    String uploadedAt,
    String uploader,
    Status status,
    long errors,
    long warnings,
    long notes,
    long recordsRead,
    long quarantined,
    List<String> years,
    String reason) {

  public static final Pattern ID = Pattern.compile("[0-9]{8}T[0-9]{9}Z-[0-9a-f]{12}(-[0-9]{1,4})?");

  /** Upload order: the order of the ids (time first). */
  public static final Comparator<Upload> ORDER = Comparator.comparing(Upload::id);

  public Upload {
    years = List.copyOf(years);
  }

  /** What the validation made of an upload, as the status board shows it. */
  public enum Status {
    /** No error, no warning. */
    ACCEPTED("accepted"),
    /** No error; warnings to read. */
    WARNINGS("accepted with warnings"),
    /** Read, with errors: not taken into a harmonisation run. */
    ERRORS("received with errors"),
    /** Not readable as a submission of the country (content, format, mapping, encoding). */
    REJECTED("rejected");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public boolean accepted() {
      return this == ACCEPTED || this == WARNINGS;
    }
  }

  public boolean covers(String year) {
    return years.contains(year);
  }
}
