package eu.thbstat.portal;

import java.util.Locale;

/** What a portal user may do: a national office works on its own country, an analyst sees all. */
public enum Role {
  OFFICE,
  ANALYST;

  public static Role parse(String text) {
    return Role.valueOf(text.trim().toUpperCase(Locale.ROOT));
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
