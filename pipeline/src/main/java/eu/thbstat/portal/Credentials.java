package eu.thbstat.portal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The portal's users, from {@code DIR/users.csv} (columns {@code name,role,country,secret}; the
 * secret is a PBKDF2 hash, never the secret itself). The file is read again whenever it changes
 * (its modification time, size or inode), so secrets are rotated and users added or removed without
 * a restart. A file that cannot be read lets nobody in (fail closed) until it is fixed.
 */
public final class Credentials {
  public static final String FILE = "users.csv";
  private static final List<String> HEADER = List.of("name", "role", "country", "secret");
  private static final String COMMENT =
      "thbstat portal users; secrets are PBKDF2 hashes written by: thbstat serve --data DIR --add-user NAME ...";

  private final Path file;
  private Stamp stamp;
  private Map<String, User> users = Map.of();
  private String problem = "";

  public Credentials(Path dataDir) {
    this.file = dataDir.resolve(FILE);
  }

  private record Stamp(Object key, long modified, long size) {}

  /** The user of that name in the file as it is now. */
  public synchronized Optional<User> user(String name) {
    refresh();
    return Optional.ofNullable(users.get(name));
  }

  /** The users as the file holds them now, by name. */
  public synchronized Map<String, User> all() {
    refresh();
    return users;
  }

  /** Why the file could not be used ("" when it could). */
  public synchronized String problem() {
    refresh();
    return problem;
  }

  /**
   * The user if the name and secret match; an unknown name costs as much time as a wrong secret.
   */
  public Optional<User> check(String name, char[] secret) {
    Optional<User> user = user(name);
    if (user.isEmpty()) {
      Passwords.dummyCheck(secret);
      return Optional.empty();
    }
    return Passwords.verify(secret, user.get().secret()) ? user : Optional.empty();
  }

  private void refresh() {
    Stamp now;
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      now = new Stamp(a.fileKey(), a.lastModifiedTime().toMillis(), a.size());
    } catch (NoSuchFileException e) {
      now = new Stamp(null, -1, -1);
    } catch (IOException e) {
      now = new Stamp("unreadable", -2, -2);
    }
    if (now.equals(stamp)) {
      return;
    }
    stamp = now;
    try {
      users = read(file);
      problem = "";
    } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
      users = Map.of();
      problem = e.getMessage();
      System.err.println("thbstat serve: nobody can sign in until " + file + " is fixed: " + problem);
    }
  }

  /** Reads a credentials file; a missing file has no users. */
  public static Map<String, User> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Map.of();
    }
    Map<String, User> users = new TreeMap<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = format.parse(in)) {
      if (!parser.getHeaderNames().equals(HEADER)) {
        throw new IllegalArgumentException(file + ": the header must be " + String.join(",", HEADER));
      }
      for (CSVRecord r : parser) {
        String where = file.getFileName() + ":" + r.getParser().getCurrentLineNumber() + ": ";
        if (r.size() != HEADER.size()) {
          throw new IllegalArgumentException(where + "expected " + HEADER.size() + " fields, found " + r.size());
        }
        try {
          User u = new User(r.get(0).trim(), Role.parse(r.get(1)), r.get(2).trim(), r.get(3).trim());
          if (users.put(u.name(), u) != null) {
            throw new IllegalArgumentException("user " + u.name() + " is listed twice");
          }
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(where + e.getMessage(), e);
        }
      }
    }
    return users;
  }

  /**
   * Adds a user, or replaces the entry of a user of that name (rotating its secret): the whole file
   * is written anew and moved into place atomically, so the running server reads either the old or
   * the new file, never half of one.
   */
  public static void put(Path dataDir, User user) throws IOException {
    update(dataDir, users -> users.put(user.name(), user));
  }

  /** Removes a user; returns whether there was one of that name. */
  public static boolean remove(Path dataDir, String name) throws IOException {
    boolean[] removed = {false};
    update(dataDir, users -> removed[0] = users.remove(name) != null);
    return removed[0];
  }

  private static void update(Path dataDir, java.util.function.Consumer<Map<String, User>> change) throws IOException {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve(FILE);
    try (FileChannel lock = FileChannel.open(dataDir.resolve(FILE + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = lock.lock()) {
      Map<String, User> users = new TreeMap<>(read(file));
      change.accept(users);
      StringWriter text = new StringWriter();
      try (CSVPrinter out = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setCommentMarker('#').setRecordSeparator('\n').get())) {
        out.printComment(COMMENT);
        out.printRecord(HEADER);
        for (User u : users.values()) {
          out.printRecord(u.name(), u.role().label(), u.country(), u.secret());
        }
      }
      Path tmp = Files.createTempFile(dataDir, ".users-", ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: keep the default permissions
      }
      Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
