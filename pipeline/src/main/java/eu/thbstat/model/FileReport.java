package eu.thbstat.model;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to one input file while it was read: the counts the release manifest reconciles
 * (records read = harmonised + quarantined + excluded by the mapping).
 *
 * <p>A record is one value cell: a long-layout row holds one, a wide-layout row one per value
 * column.
 *
 * @param status READ (read to the end), REJECTED (not readable as its mapping says), PARTIAL (read
 *     up to an unreadable point), NO_MAPPING (no mapping applies) or IGNORED (documentation)
 * @param excludedByReason records the mapping leaves out, by the reason it gives
 * @param footnotes footnotes the file gives in its own words (a questionnaire's DEFINITIONS sheet):
 *     text by footnote id
 * @param recordsCounted for case-level records (format microdata), the records counted into the
 *     cube's cells; -1 for files whose records are cells (each harmonised record is one cell)
 */
public record FileReport(
    String file,
    String country,
    String mappingId,
    String sha256,
    long bytes,
    String status,
    long recordsRead,
    long recordsExcluded,
    Map<String, Long> excludedByReason,
    Map<String, String> footnotes,
    long recordsCounted)
    implements Serializable {

  public FileReport {
    excludedByReason = Map.copyOf(new TreeMap<>(excludedByReason));
    footnotes = footnotes == null ? Map.of() : Map.copyOf(new TreeMap<>(footnotes));
  }

  /** The report of a file whose records are cells. */
  public FileReport(String file, String country, String mappingId, String sha256, long bytes, String status,
      long recordsRead, long recordsExcluded, Map<String, Long> excludedByReason) {
    this(file, country, mappingId, sha256, bytes, status, recordsRead, recordsExcluded, excludedByReason, Map.of(), -1);
  }

  /** The report of a file whose records are cells and which gives footnotes of its own. */
  public FileReport(String file, String country, String mappingId, String sha256, long bytes, String status,
      long recordsRead, long recordsExcluded, Map<String, Long> excludedByReason, Map<String, String> footnotes) {
    this(file, country, mappingId, sha256, bytes, status, recordsRead, recordsExcluded, excludedByReason, footnotes, -1);
  }

  /** The report of a file of case-level records, counted into cells. */
  public FileReport(String file, String country, String mappingId, String sha256, long bytes, String status,
      long recordsRead, long recordsExcluded, Map<String, Long> excludedByReason, long recordsCounted) {
    this(file, country, mappingId, sha256, bytes, status, recordsRead, recordsExcluded, excludedByReason, Map.of(), recordsCounted);
  }
}
