package eu.thbstat.validation;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.reference.CommonModel;
import eu.thbstat.reference.Dimension;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The count cells of a previous harmonised release (its cube.csv), by country: earlier years for the
 * level-3 checks over time, and the values a submission may revise.
 */
public final class PreviousRelease implements Serializable {
  /** No previous release. */
  public static final PreviousRelease NONE = new PreviousRelease(Map.of(), "");

  private final Map<String, List<Observation>> byCountry;
  private final String source;

  private PreviousRelease(Map<String, List<Observation>> byCountry, String source) {
    this.byCountry = byCountry;
    this.source = source;
  }

  /** The cells of one country (unit NR), empty if none. */
  public List<Observation> cells(String country) {
    return byCountry.getOrDefault(country, List.of());
  }

  /** Where the previous release was read from ("" for none). */
  public String source() {
    return source;
  }

  public boolean isEmpty() {
    return byCountry.isEmpty();
  }

  /**
   * Reads {@code folder}/cube.csv. Throws IllegalArgumentException naming the file and line of the
   * first problem (no such file, a header without the model's dimensions, a value that is not a
   * number).
   */
  public static PreviousRelease read(Path folder, CommonModel model) {
    Path cube = folder.resolve("cube.csv");
    if (!Files.isRegularFile(cube)) {
      throw new IllegalArgumentException(cube + ": no cube.csv in the previous release folder " + folder);
    }
    Map<String, List<Observation>> cells = new HashMap<>();
    int unit = model.index(Dimension.UNIT);
    int geo = model.index(Dimension.GEO);
    try (Reader r = Files.newBufferedReader(cube, StandardCharsets.UTF_8)) {
      Iterable<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
      for (CSVRecord rec : records) {
        List<String> codes = new ArrayList<>();
        for (String d : model.dimensionIds()) {
          if (!rec.isMapped(d)) {
            throw new IllegalArgumentException(cube + ": the header has no column " + d);
          }
          codes.add(rec.get(d));
        }
        if (!codes.get(unit).equals("NR")) {
          continue;
        }
        String text = rec.isMapped("obs_value") ? rec.get("obs_value") : ":";
        Double value;
        try {
          value = text.equals(":") || text.isEmpty() ? null : Double.valueOf(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(cube + ":" + (rec.getRecordNumber() + 1) + ": obs_value \"" + text + "\" is not a number");
        }
        String flags = rec.isMapped("obs_flag") ? rec.get("obs_flag") : "";
        List<String> notes = rec.isMapped("footnotes") && !rec.get("footnotes").isBlank() ? List.of(rec.get("footnotes").split(" ")) : List.of();
        Observation o;
        try {
          o = new Observation(new CellKey(codes), value, flags, notes, Origin.REPORTED, "previous release", rec.getRecordNumber() + 1);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(cube + ":" + (rec.getRecordNumber() + 1) + ": " + e.getMessage());
        }
        cells.computeIfAbsent(codes.get(geo), g -> new ArrayList<>()).add(o);
      }
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new IllegalArgumentException(cube + ": cannot be read as CSV: " + e.getMessage(), e);
    }
    cells.replaceAll((k, v) -> List.copyOf(v));
    return new PreviousRelease(Map.copyOf(cells), folder.toString());
  }
}
