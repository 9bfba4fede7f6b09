package eu.thbstat.model;

import java.io.Serializable;
import java.util.List;

/**
 * One cell of the harmonised cube.
 *
 * @param value the value, or {@code null} when not available (':' in Eurostat tables); zero means
 *     known to be none
 * @param flags Eurostat observation flags as a set, see {@link Flags}
 * @param footnotes ids of the footnotes that apply (texts in the release's footnotes.csv)
 * @param file source file relative to the input folder (for a derived cell, its first component's)
 * @param line line of the source record in that file (0 for derived cells)
 */
public record Observation(
    CellKey key,
    Double value,
    String flags,
    List<String> footnotes,
    Origin origin,
    String file,
    long line)
    implements Serializable {

  public Observation {
    flags = Flags.normalise(flags);
    footnotes = List.copyOf(footnotes);
  }

  public boolean available() {
    return value != null;
  }

  /**
   * "file:line" of the source record; "derived" for a total derived from its components; the file
   * for a cell counted from its case records.
   */
  public String location() {
    return origin == Origin.DERIVED ? "derived" : origin == Origin.COUNTED ? file : file + ":" + line;
  }

  public Observation withKey(CellKey newKey) {
    return new Observation(newKey, value, flags, footnotes, origin, file, line);
  }
}
