package eu.thbstat.reference;

import java.io.Serializable;

/**
 * A fixed-width date pattern of {@code yyyy}, {@code MM} and {@code dd} with separators (e.g.
 * {@code yyyy-MM-dd}, {@code dd.MM.yyyy}, {@code yyyyMMdd}), read without a regular expression or
 * a formatter per value: case-level files have millions of dates. A value may go on after the date
 * with a time ({@code 2022-04-18T10:15:00Z}, {@code 2022-04-18 10:15}), which is ignored.
 */
public final class DatePattern implements Serializable {
  private final String pattern;
  private final int year;
  private final int month;
  private final int day;

  private DatePattern(String pattern, int year, int month, int day) {
    this.pattern = pattern;
    this.year = year;
    this.month = month;
    this.day = day;
  }

  /** The pattern, or null if it is not yyyy, MM and dd once each with non-letter separators. */
  public static DatePattern parse(String pattern) {
    if (pattern == null) {
      return null;
    }
    int y = pattern.indexOf("yyyy");
    int m = pattern.indexOf("MM");
    int d = pattern.indexOf("dd");
    if (y < 0 || m < 0 || d < 0 || pattern.indexOf("yyyy", y + 1) >= 0 || pattern.indexOf("MM", m + 1) >= 0 || pattern.indexOf("dd", d + 1) >= 0) {
      return null;
    }
    for (int i = 0; i < pattern.length(); i++) {
      boolean field = (i >= y && i < y + 4) || (i >= m && i < m + 2) || (i >= d && i < d + 2);
      if (!field && Character.isLetterOrDigit(pattern.charAt(i))) {
        return null;
      }
      if (field && "yMd".indexOf(pattern.charAt(i)) < 0) {
        return null;
      }
    }
    return new DatePattern(pattern, y, m, d);
  }

  public String pattern() {
    return pattern;
  }

  /**
   * The date as {@code yyyy * 10000 + MM * 100 + dd} (e.g. 20220418), or -1 if the value is not a
   * valid date of the pattern.
   */
  public int read(String value) {
    int n = pattern.length();
    if (value.length() < n) {
      return -1;
    }
    if (value.length() > n) {
      char next = value.charAt(n);
      if (next != 'T' && next != ' ') {
        return -1;
      }
    }
    for (int i = 0; i < n; i++) {
      char p = pattern.charAt(i);
      char c = value.charAt(i);
      if (p == 'y' || p == 'M' || p == 'd') {
        if (c < '0' || c > '9') {
          return -1;
        }
      } else if (c != p) {
        return -1;
      }
    }
    int yyyy = digits(value, year, 4);
    int mm = digits(value, month, 2);
    int dd = digits(value, day, 2);
    if (mm < 1 || mm > 12 || dd < 1 || dd > daysIn(yyyy, mm) || yyyy < 1) {
      return -1;
    }
    return yyyy * 10000 + mm * 100 + dd;
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  static int daysIn(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /**
   * Age in completed years on {@code on} of a person born on {@code born} (both yyyymmdd): the
   * birthday of someone born on 29 February is 1 March in other years.
   */
  public static int ageOn(int born, int on) {
    int age = on / 10000 - born / 10000;
    if (on % 10000 < born % 10000) {
      age--;
    }
    return age;
  }
}
