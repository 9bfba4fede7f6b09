package eu.thbstat.portal;

import java.util.regex.Pattern;

/**
 * One entry of the credentials file.
 *
 * @param country Eurostat geo code of an office's country; empty for an analyst
 * @param secret the PBKDF2 hash of the user's secret (see {@link Passwords})
 */
public record User(String name, Role role, String country, String secret) {
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  public static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  public User {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("user name \"" + name + "\": letters, digits and . _ @ - only, at most 64");
    }
    if (role == Role.OFFICE && !COUNTRY.matcher(country).matches()) {
      throw new IllegalArgumentException("an office user needs a two-letter country code (EL for Greece), not \"" + country + "\"");
    }
    if (role == Role.ANALYST && !country.isEmpty()) {
      throw new IllegalArgumentException("an analyst sees every country: leave the country empty");
    }
    if (!Passwords.wellFormed(secret)) {
      throw new IllegalArgumentException("the secret of " + name + " is not a " + Passwords.SCHEME + " hash");
    }
  }

  /** Whether this user may see the data of a country. */
  public boolean canRead(String geo) {
    return role == Role.ANALYST || country.equals(geo);
  }

  /** Whether this user may upload for a country: only that country's office. */
  public boolean canUpload(String geo) {
    return role == Role.OFFICE && country.equals(geo);
  }

  public boolean isAnalyst() {
    return role == Role.ANALYST;
  }
}
