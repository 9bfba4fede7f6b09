package eu.thbstat.portal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashed secrets: PBKDF2 with HMAC-SHA256 from the JDK, a random 16-byte salt per secret, written as
 * {@code pbkdf2-sha256$iterations$salt$hash} (salt and hash in Base64). Secrets are never stored.
 */
public final class Passwords {
  public static final String SCHEME = "pbkdf2-sha256";
  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256: about 0.25 s per check on a 2-core machine. */
  public static final int DEFAULT_ITERATIONS = 600_000;
  /** Fewest iterations a stored hash may have (tests write cheap hashes; the file check refuses fewer). */
  public static final int MIN_ITERATIONS = 1_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();
  /** A hash checked when the user is unknown, so that a wrong name takes as long as a wrong secret (made on first use). */
  private static final class Dummy {
    static final String HASH = hash("not a secret".toCharArray(), DEFAULT_ITERATIONS);
  }

  private Passwords() {}

  public static String hash(char[] secret, int iterations) {
    if (iterations < MIN_ITERATIONS) {
      throw new IllegalArgumentException("at least " + MIN_ITERATIONS + " iterations");
    }
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derive(secret, salt, iterations));
  }

  /** Whether {@code encoded} is a well-formed hash of this scheme. */
  public static boolean wellFormed(String encoded) {
    return parse(encoded) != null;
  }

  /** Whether the secret matches the stored hash (constant-time comparison). */
  public static boolean verify(char[] secret, String encoded) {
    Parsed p = parse(encoded);
    if (p == null) {
      return false;
    }
    return MessageDigest.isEqual(derive(secret, p.salt, p.iterations), p.hash);
  }

  /** Spends the time of one check, for unknown users. */
  public static void dummyCheck(char[] secret) {
    verify(secret, Dummy.HASH);
  }

  private record Parsed(int iterations, byte[] salt, byte[] hash) {}

  private static Parsed parse(String encoded) {
    if (encoded == null) {
      return null;
    }
    String[] parts = encoded.split("\\$", -1);
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return null;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] hash = Base64.getDecoder().decode(parts[3]);
      if (iterations < MIN_ITERATIONS || iterations > 10_000_000 || salt.length < 8 || hash.length != HASH_BITS / 8) {
        return null;
      }
      return new Parsed(iterations, salt, hash);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] derive(char[] secret, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK always has PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }
}
