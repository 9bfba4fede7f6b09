package eu.thbstat.model;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * A source record kept out of the harmonised cube, with the rules it broke and the record as it
 * was read, so that nothing rejected disappears.
 *
 * @param column for a wide layout, the value column of the rejected cell ({@code ""} otherwise)
 * @param rawRecord the record's fields as read, one CSV line
 */
public record QuarantinedRecord(
    String country,
    String file,
    long line,
    String column,
    List<String> ruleIds,
    String reason,
    String rawRecord)
    implements Serializable {

  public static final Comparator<QuarantinedRecord> ORDER =
      Comparator.comparing(QuarantinedRecord::file)
          .thenComparingLong(QuarantinedRecord::line)
          .thenComparing(QuarantinedRecord::column);

  public QuarantinedRecord {
    ruleIds = List.copyOf(ruleIds);
  }
}
