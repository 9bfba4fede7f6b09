package eu.thbstat.reference;

import java.io.Serializable;

/**
 * The ages in whole years an age code of the common model covers, read from Eurostat's code
 * syntax: {@code Y_LT18} is 0 to 17, {@code Y14-17} is 14 to 17, {@code Y_GE25} is 25 and over.
 *
 * @param from first age of the band
 * @param to first age after the band ({@link #OPEN} for "and over")
 */
public record AgeBand(int from, int to) implements Serializable {
  /** The end of an open band ("and over"): one more than the oldest age a record may give. */
  public static final int OPEN = 121;

  /** The band of an age code, or null for codes that are not a band of years (TOTAL, UNK). */
  public static AgeBand of(String code) {
    try {
      if (code.startsWith("Y_LT")) {
        return new AgeBand(0, Integer.parseInt(code.substring(4)));
      }
      if (code.startsWith("Y_GE")) {
        return new AgeBand(Integer.parseInt(code.substring(4)), OPEN);
      }
      int dash = code.indexOf('-');
      if (code.startsWith("Y") && dash > 1) {
        return new AgeBand(Integer.parseInt(code.substring(1, dash)), Integer.parseInt(code.substring(dash + 1)) + 1);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  public boolean contains(int age) {
    return age >= from && age < to;
  }
}
