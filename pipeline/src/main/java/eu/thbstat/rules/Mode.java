package eu.thbstat.rules;

/**
 * VTL 2.1 modes of {@code check_hierarchy} for missing members: how a code item that is not in the
 * data (missing) or not available (null) takes part in a rule, and when the rule gives a result.
 *
 * <ul>
 *   <li>{@link #NON_NULL}: a result only when every item of the rule is present and not null;
 *   <li>{@link #NON_ZERO}: missing items count as 0; a result when at least one item is not zero and
 *       none is null;
 *   <li>{@link #PARTIAL_NULL}: a result when the left item and at least one right item are present
 *       and not null; the other right items are left out of the sum;
 *   <li>{@link #PARTIAL_ZERO}: as partial_null, missing right items counting as 0;
 *   <li>{@link #ALWAYS_NULL}: always evaluated; a missing or null item makes the result null (no
 *       finding);
 *   <li>{@link #ALWAYS_ZERO}: always evaluated, missing items counting as 0 (a null item still makes
 *       the result null).
 * </ul>
 */
public enum Mode {
  NON_NULL,
  NON_ZERO,
  PARTIAL_NULL,
  PARTIAL_ZERO,
  ALWAYS_NULL,
  ALWAYS_ZERO;

  /** The VTL keyword, e.g. {@code non_null}. */
  public String vtl() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Mode of(String text) {
    return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
