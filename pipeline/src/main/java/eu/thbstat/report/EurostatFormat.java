package eu.thbstat.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as Eurostat prints them in its tables: digits grouped by three with a space ("1 495"),
 * a decimal point, rounded half up to the unit's decimals, the flags after the value separated by a
 * space ("1 495 d"), and ':' for a value that is not available (with its flags, if any: ": c").
 */
public final class EurostatFormat {
  public static final String NOT_AVAILABLE = ":";

  private EurostatFormat() {}

  /** The value rounded half up to {@code decimals}, grouped by three with spaces. */
  public static String number(double value, int decimals) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    String plain = rounded.abs().toPlainString();
    int dot = plain.indexOf('.');
    String integer = dot < 0 ? plain : plain.substring(0, dot);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < integer.length(); i++) {
      if (i > 0 && (integer.length() - i) % 3 == 0) {
        out.append(' ');
      }
      out.append(integer.charAt(i));
    }
    if (dot >= 0) {
      out.append(plain.substring(dot));
    }
    return (rounded.signum() < 0 ? "-" : "") + out;
  }

  /** The value without grouping, as a CSV or a machine reads it ("1495", "1.8"), or ':'. */
  public static String plain(Double value, int decimals) {
    if (value == null) {
      return NOT_AVAILABLE;
    }
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  /** The value as printed ("1 495"), or ':' when not available. */
  public static String value(Double value, int decimals) {
    return value == null ? NOT_AVAILABLE : number(value, decimals);
  }

  /** The value followed by its flags, as in a Eurostat table: "1 495 d", ":", ": c". */
  public static String withFlags(Double value, int decimals, String flags) {
    String v = value(value, decimals);
    return flags == null || flags.isEmpty() ? v : v + " " + flags;
  }

  /** A share in percent for a sentence: "41.4 %". */
  public static String percent(double share, int decimals) {
    return number(share, decimals) + " %";
  }
}
