package eu.thbstat.reference;

import java.io.Serializable;
import java.util.Map;

/**
 * Conventions of the file formats besides plain CSV (schemas/formats.yaml): SDMX-CSV columns and
 * status codes, and the limits a questionnaire workbook must stay within.
 */
public record Formats(Sdmx sdmx, Xlsx xlsx) implements Serializable {

  /**
   * SDMX-CSV conventions.
   *
   * @param columns the SDMX column of each dimension of the common model
   * @param obsStatus CL_OBS_STATUS code to Eurostat flags ("" none, ":" not available)
   */
  public record Sdmx(
      String structure, String structureId, String action, String freq, Map<String, String> columns, Map<String, String> obsStatus)
      implements Serializable {
    public Sdmx {
      columns = Map.copyOf(columns);
      obsStatus = Map.copyOf(obsStatus);
    }

    /** The SDMX column of a dimension: as configured, else its id in upper case. */
    public String column(String dimension) {
      return columns.getOrDefault(dimension, dimension.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Limits of a questionnaire workbook. */
  public record Xlsx(
      long maxFileBytes, long maxEntryBytes, double minInflateRatio, long maxTextChars, int maxSheets, int maxRows, int maxColumns)
      implements Serializable {}
}
