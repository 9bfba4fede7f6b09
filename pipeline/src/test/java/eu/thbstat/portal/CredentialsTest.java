package eu.thbstat.portal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
  @TempDir Path dir;

  static User office(String name, String country, String secret) {
    return new User(name, Role.OFFICE, country, Passwords.hash(secret.toCharArray(), 1_000));
  }

  @Test
  void theFileHoldsHashesOnlyAndIsReadAgainWhenItChanges() throws Exception {
    Credentials.put(dir, office("nl-office", "NL", "first-secret-nl"));
    Credentials creds = new Credentials(dir);
    assertThat(creds.check("nl-office", "first-secret-nl".toCharArray()).isPresent(), is(true));
    String text = Files.readString(dir.resolve(Credentials.FILE));
    assertThat(text.contains("first-secret-nl"), is(false));
    assertThat(text, containsString("nl-office,office,NL,pbkdf2-sha256$1000$"));
    assertThat(Files.getPosixFilePermissions(dir.resolve(Credentials.FILE)), is(PosixFilePermissions.fromString("rw-------")));

    // rotation: the same instance sees the new secret, without a restart
    Credentials.put(dir, office("nl-office", "NL", "second-secret-nl"));
    assertThat(creds.check("nl-office", "first-secret-nl".toCharArray()).isPresent(), is(false));
    assertThat(creds.check("nl-office", "second-secret-nl".toCharArray()).isPresent(), is(true));

    Credentials.put(dir, new User("ana", Role.ANALYST, "", Passwords.hash("analyst-secret".toCharArray(), 1_000)));
    assertThat(creds.all().keySet().toString(), is("[ana, nl-office]"));
    assertThat(Credentials.remove(dir, "nl-office"), is(true));
    assertThat(creds.user("nl-office").isPresent(), is(false));
    assertThat(creds.check("nobody", "x".toCharArray()).isPresent(), is(false));
  }

  @Test
  void aBrokenFileLetsNobodyIn() throws Exception {
    Credentials.put(dir, office("nl-office", "NL", "first-secret-nl"));
    Credentials creds = new Credentials(dir);
    assertThat(creds.user("nl-office").isPresent(), is(true));
    Files.writeString(dir.resolve(Credentials.FILE), "name,role,country,secret\nnl-office,office,NL,plaintext\n");
    assertThat(creds.user("nl-office").isPresent(), is(false));
    assertThat(creds.problem(), containsString("users.csv:2: the secret of nl-office is not a pbkdf2-sha256 hash"));
  }

  @Test
  void entriesAreChecked() {
    String h = Passwords.hash("whatever-secret".toCharArray(), 1_000);
    assertThrows(IllegalArgumentException.class, () -> new User("nl", Role.OFFICE, "", h));
    assertThrows(IllegalArgumentException.class, () -> new User("ana", Role.ANALYST, "NL", h));
    assertThrows(IllegalArgumentException.class, () -> new User("../x", Role.ANALYST, "", h));
    User de = new User("de", Role.OFFICE, "DE", h);
    assertThat(de.canRead("DE") && de.canUpload("DE"), is(true));
    assertThat(de.canRead("NL") || de.canUpload("NL"), is(false));
    User ana = new User("ana", Role.ANALYST, "", h);
    assertThat(ana.canRead("NL") && !ana.canUpload("NL"), is(true));
  }
}
