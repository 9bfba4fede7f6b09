package eu.thbstat.portal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

class PasswordsTest {
  @Test
  void aHashChecksItsSecretOnlyAndNeverHoldsIt() {
    String h = Passwords.hash("correct horse battery".toCharArray(), 2_000);
    assertThat(h, startsWith("pbkdf2-sha256$2000$"));
    assertThat(h.contains("correct"), is(false));
    assertThat(Passwords.verify("correct horse battery".toCharArray(), h), is(true));
    assertThat(Passwords.verify("correct horse batterY".toCharArray(), h), is(false));
    assertThat(Passwords.verify("".toCharArray(), h), is(false));
  }

  @Test
  void eachHashHasItsOwnSalt() {
    String a = Passwords.hash("same secret 123".toCharArray(), 2_000);
    String b = Passwords.hash("same secret 123".toCharArray(), 2_000);
    assertThat(a, not(b));
    assertThat(Passwords.verify("same secret 123".toCharArray(), b), is(true));
  }

  @Test
  void malformedOrWeakHashesAreRefused() {
    assertThat(Passwords.wellFormed("plain-text-password"), is(false));
    assertThat(Passwords.wellFormed("pbkdf2-sha256$10$c2FsdHNhbHQ$" + "A".repeat(43)), is(false)); // too few iterations
    assertThat(Passwords.wellFormed("md5$1000$c2FsdA$aGFzaA"), is(false));
    assertThat(Passwords.verify("x".toCharArray(), "pbkdf2-sha256$abc$$"), is(false));
  }
}
