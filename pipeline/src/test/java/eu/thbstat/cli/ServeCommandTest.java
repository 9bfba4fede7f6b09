package eu.thbstat.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import eu.thbstat.portal.Credentials;
import eu.thbstat.portal.Passwords;
import eu.thbstat.portal.Role;
import eu.thbstat.portal.User;
import eu.thbstat.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code thbstat serve --add-user / --remove-user}: the users file, with hashed secrets only. */
class ServeCommandTest {
  @TempDir Path data;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int serve(String stdin, String... args) {
    InputStream before = ServeCommand.stdin;
    ServeCommand.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    try {
      String[] all = new String[args.length + 5];
      all[0] = "serve";
      all[1] = "--data";
      all[2] = data.toString();
      all[3] = "--home";
      all[4] = TestData.home().toString();
      System.arraycopy(args, 0, all, 5, args.length);
      return Thbstat.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
    } finally {
      ServeCommand.stdin = before;
    }
  }

  @Test
  void addUserWritesAHashAndRotatesIt() throws Exception {
    assertThat(err.toString(), serve("greek office secret\n", "--add-user", "el-office", "--role", "office", "--country", "EL", "--password-stdin"), is(0));
    assertThat(out.toString(), containsString("Added el-office (office of EL) in "));
    Map<String, User> users = Credentials.read(data.resolve(Credentials.FILE));
    User el = users.get("el-office");
    assertThat(el.role(), is(Role.OFFICE));
    assertThat(el.country(), is("EL"));
    assertThat(Passwords.verify("greek office secret".toCharArray(), el.secret()), is(true));
    assertThat(Files.readString(data.resolve(Credentials.FILE)).contains("greek office secret"), is(false));

    assertThat(serve("a new greek secret\n", "--add-user", "el-office", "--role", "office", "--country", "EL", "--password-stdin"), is(0));
    assertThat(out.toString(), containsString("Gave a new secret to el-office (office of EL)"));
    User rotated = Credentials.read(data.resolve(Credentials.FILE)).get("el-office");
    assertThat(Passwords.verify("greek office secret".toCharArray(), rotated.secret()), is(false));
    assertThat(Passwords.verify("a new greek secret".toCharArray(), rotated.secret()), is(true));

    assertThat(serve("", "--remove-user", "el-office"), is(0));
    assertThat(Credentials.read(data.resolve(Credentials.FILE)).isEmpty(), is(true));
  }

  @Test
  void badEntriesAreRefusedWithExitTwo() {
    assertThat(serve("long enough secret\n", "--add-user", "gr", "--role", "office", "--country", "GR", "--password-stdin"), is(2));
    assertThat(err.toString(), containsString("an office needs --country with a Eurostat geo code of seeds/geo.csv (EL, not GR)"));
    assertThat(serve("long enough secret\n", "--add-user", "x", "--role", "office", "--password-stdin"), is(2));
    assertThat(serve("long enough secret\n", "--add-user", "ana", "--role", "analyst", "--country", "NL", "--password-stdin"), is(2));
    assertThat(serve("long enough secret\n", "--add-user", "ana", "--role", "boss", "--password-stdin"), is(2));
    assertThat(serve("short\n", "--add-user", "ana", "--role", "analyst", "--password-stdin"), is(2));
    assertThat(err.toString(), containsString("the secret must have at least 12 characters"));
    assertThat(serve("", "--add-user", "ana", "--role", "analyst", "--password-stdin"), is(2));
    assertThat(Files.exists(data.resolve(Credentials.FILE)), is(false));
  }
}
