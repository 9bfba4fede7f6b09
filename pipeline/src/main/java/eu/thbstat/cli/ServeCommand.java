package eu.thbstat.cli;

import eu.thbstat.portal.Credentials;
import eu.thbstat.portal.Passwords;
import eu.thbstat.portal.Portal;
import eu.thbstat.portal.PortalServer;
import eu.thbstat.portal.Role;
import eu.thbstat.portal.User;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code thbstat serve}: the submission portal, or, with {@code --add-user}/{@code --remove-user},
 * the management of its users file.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the submission portal: national offices sign in, upload their country's files and get",
      "the validation report at once; analysts see every country's status and start harmonisation",
      "runs. Everything is kept under --data DIR (users.csv, uploads/, runs/, audit.log).",
      "With --add-user or --remove-user it only changes DIR/users.csv (a running portal picks the",
      "change up at once) and exits."
    })
final class ServeCommand implements Callable<Integer> {
  /** Where --password-stdin reads from (tests replace it). */
  static InputStream stdin = System.in;

  @Option(names = {"-d", "--data"}, required = true, description = "The portal's data folder (created if needed).")
  Path data;

  @Option(names = {"-p", "--port"}, defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only).")
  String bind;

  @Option(names = "--max-upload-mb", defaultValue = "20", description = "Largest upload taken in, in MB (default: ${DEFAULT-VALUE}).")
  int maxUploadMb;

  @Option(names = "--secure-cookies", description = "Mark cookies Secure (when the portal is reached through an HTTPS proxy).")
  boolean secureCookies;

  @Option(names = "--home", description = "Folder with schemas/, seeds/ and mappings/ (default: found above the jar or the working directory, or $THBSTAT_HOME).")
  Path home;

  @Option(names = "--add-user", paramLabel = "NAME", description = "Add a user to DIR/users.csv, or give an existing one a new secret, and exit.")
  String addUser;

  @Option(names = "--role", description = "Role of the user added: office or analyst.")
  String role;

  @Option(names = "--country", description = "Country of an office user (Eurostat code: EL for Greece, UK for the United Kingdom).")
  String country;

  @Option(names = "--password-stdin", description = "Read the new user's secret from the first line of standard input (else it is asked on the console).")
  boolean passwordStdin;

  @Option(names = "--remove-user", paramLabel = "NAME", description = "Remove a user from DIR/users.csv and exit.")
  String removeUser;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReferenceData ref = ReferenceDataLoader.load(Home.resolve(home));
    if (removeUser != null) {
      boolean removed = Credentials.remove(data, removeUser);
      out.println(removed ? "Removed " + removeUser + " from " + data.resolve(Credentials.FILE) : "No user " + removeUser + " in " + data.resolve(Credentials.FILE));
      out.flush();
      return removed ? Thbstat.OK : Thbstat.CANNOT_RUN;
    }
    if (addUser != null) {
      return addUser(ref, out, err);
    }
    if (maxUploadMb < 1) {
      err.println("thbstat serve: --max-upload-mb must be at least 1");
      return Thbstat.CANNOT_RUN;
    }
    Portal portal = new Portal(new Portal.Config(data.toAbsolutePath().normalize(), maxUploadMb * 1024L * 1024L, secureCookies,
        Math.max(1, Runtime.getRuntime().availableProcessors())), ref, Clock.systemUTC());
    PortalServer server = new PortalServer(portal, bind, port).start();
    if (!java.net.InetAddress.getByName(bind).isLoopbackAddress()) {
      err.println("thbstat serve: listening on " + bind + ", beyond loopback: the portal speaks plain HTTP; put an HTTPS proxy in front and use --secure-cookies");
      err.flush();
    }
    int users = portal.credentials().all().size();
    out.printf("thbstat portal listening on %s (data: %s, %d users%s)%n", server.url(), data.toAbsolutePath().normalize(), users,
        users == 0 ? "; add one with: thbstat serve --data " + data + " --add-user NAME --role office|analyst [--country XX]" : "");
    out.flush();
    server.join();
    portal.close();
    return Thbstat.OK;
  }

  private int addUser(ReferenceData ref, PrintWriter out, PrintWriter err) throws Exception {
    if (role == null) {
      err.println("thbstat serve: --add-user needs --role office or --role analyst");
      return Thbstat.CANNOT_RUN;
    }
    Role r;
    try {
      r = Role.parse(role);
    } catch (IllegalArgumentException e) {
      err.println("thbstat serve: --role is office or analyst, not " + role);
      return Thbstat.CANNOT_RUN;
    }
    String geo = "";
    if (r == Role.OFFICE) {
      geo = country == null ? null : ref.seeds().geoOf(country);
      if (geo == null || !geo.equals(country)) {
        err.println("thbstat serve: an office needs --country with a Eurostat geo code of seeds/geo.csv"
            + (geo != null ? " (" + geo + ", not " + country + ")" : ""));
        return Thbstat.CANNOT_RUN;
      }
    } else if (country != null) {
      err.println("thbstat serve: an analyst sees every country: leave out --country");
      return Thbstat.CANNOT_RUN;
    }
    char[] secret = readSecret(err);
    if (secret == null) {
      return Thbstat.CANNOT_RUN;
    }
    if (secret.length < 12) {
      err.println("thbstat serve: the secret must have at least 12 characters");
      return Thbstat.CANNOT_RUN;
    }
    User user;
    try {
      user = new User(addUser, r, geo, Passwords.hash(secret, Passwords.DEFAULT_ITERATIONS));
    } catch (IllegalArgumentException e) {
      err.println("thbstat serve: " + e.getMessage());
      return Thbstat.CANNOT_RUN;
    } finally {
      Arrays.fill(secret, '\0');
    }
    boolean existed = Credentials.read(data.resolve(Credentials.FILE)).containsKey(addUser);
    Credentials.put(data, user);
    out.printf("%s %s (%s%s) in %s%n", existed ? "Gave a new secret to" : "Added", addUser, r.label(), geo.isEmpty() ? "" : " of " + geo,
        data.resolve(Credentials.FILE));
    out.flush();
    return Thbstat.OK;
  }

  private char[] readSecret(PrintWriter err) throws Exception {
    if (passwordStdin) {
      String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) {
        err.println("thbstat serve: --password-stdin read no secret");
        return null;
      }
      return line.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      err.println("thbstat serve: no console to ask the secret on; pipe it in with --password-stdin");
      return null;
    }
    char[] first = console.readPassword("Secret for %s: ", addUser);
    char[] again = console.readPassword("Same secret again: ");
    if (first == null || !Arrays.equals(first, again)) {
      err.println("thbstat serve: the two secrets differ");
      return null;
    }
    return first;
  }
}
