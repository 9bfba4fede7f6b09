package eu.thbstat.model;

import java.util.Collection;

/**
 * Eurostat observation flags held as a set of letters, always written in alphabetical order
 * ("bd", never "db"), so that equal sets compare equal. Not available is not a flag: it is a
 * missing value (see {@link Observation#value()}).
 */
public final class Flags {
  /** Every flag Eurostat uses (schemas/flags.yaml). */
  public static final String ALL = "bcdefnprsuz";

  private Flags() {}

  /** Sorted, duplicate-free letters; rejects anything that is not a Eurostat flag. */
  public static String normalise(String flags) {
    if (flags == null || flags.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (char f : ALL.toCharArray()) {
      if (flags.indexOf(f) >= 0) {
        out.append(f);
      }
    }
    for (char c : flags.toCharArray()) {
      if (ALL.indexOf(c) < 0) {
        throw new IllegalArgumentException("not a Eurostat observation flag: '" + c + "' in \"" + flags + "\"");
      }
    }
    return out.toString();
  }

  public static String union(String a, String b) {
    return normalise(a + b);
  }

  public static String union(Collection<String> flagSets) {
    return normalise(String.join("", flagSets));
  }
}
