package eu.thbstat.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Every upload, kept for good under {@code DIR/uploads/XX/}: the file as received
 * ({@code <id>.<ext>}, created with CREATE_NEW so that nothing is ever overwritten, then made
 * read-only), its validation report ({@code <id>.report/}) and, written last and atomically, its
 * metadata ({@code <id>.json}): an upload exists once its metadata does. Nothing here deletes or
 * replaces a file.
 */
public final class UploadStore {
  public static final String FOLDER = "uploads";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dataDir;
  private final Path root;
  /** Metadata by country, then id. */
  private final Map<String, ConcurrentSkipListMap<String, Upload>> index = new ConcurrentHashMap<>();

  public UploadStore(Path dataDir) throws IOException {
    this.dataDir = dataDir;
    this.root = dataDir.resolve(FOLDER);
    Files.createDirectories(root);
    load();
  }

  private void load() throws IOException {
    try (DirectoryStream<Path> countries = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path c : countries) {
        String country = c.getFileName().toString();
        if (!User.COUNTRY.matcher(country).matches()) {
          continue;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(c, "*.json")) {
          for (Path f : files) {
            String name = f.getFileName().toString();
            String id = name.substring(0, name.length() - ".json".length());
            if (Upload.ID.matcher(id).matches()) {
              Upload u = JSON.readValue(f.toFile(), Upload.class);
              byCountry(country).put(u.id(), u);
            }
          }
        }
      }
    }
  }

  private ConcurrentSkipListMap<String, Upload> byCountry(String country) {
    return index.computeIfAbsent(country, c -> new ConcurrentSkipListMap<>());
  }

  /** A file claimed for a new upload: its id and where its bytes now are. */
  public record Claim(String id, String country, Path file, String storedFile) {}

  /**
   * Stores the bytes of a new upload under a fresh id: never over another file (CREATE_NEW; a taken
   * name gets a suffix), made read-only once written.
   */
  public Claim claim(String country, Instant when, String sha256, String extension, byte[] content) throws IOException {
    requireCountry(country);
    Path folder = root.resolve(country);
    Files.createDirectories(folder);
    String base = STAMP.format(when) + "-" + sha256.substring(0, 12);
    for (int n = 1; n < 10_000; n++) {
      String id = n == 1 ? base : base + "-" + n;
      Path file = folder.resolve(id + "." + extension);
      if (Files.exists(folder.resolve(id + ".json"))) {
        continue;
      }
      try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        out.write(content);
      } catch (FileAlreadyExistsException e) {
        continue;
      }
      readOnly(file);
      return new Claim(id, country, file, dataDir.relativize(file).toString());
    }
    throw new IOException("no free upload id for " + base);
  }

  /** The folder for the report files of a claimed upload. */
  public Path reportFolder(Claim claim) {
    return claim.file().resolveSibling(claim.id() + ".report");
  }

  /** Writes the report files of a claimed upload (each CREATE_NEW, then read-only). */
  public void writeReport(Claim claim, Map<String, byte[]> files) throws IOException {
    Path folder = reportFolder(claim);
    Files.createDirectories(folder);
    for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
      Path target = folder.resolve(f.getKey());
      Files.createDirectories(target.getParent()); // public/ files of the release
      Files.write(target, f.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      readOnly(target);
    }
  }

  /** Commits an upload: writes its metadata (atomically, never over another) and indexes it. */
  public Upload commit(Upload upload) throws IOException {
    requireCountry(upload.country());
    Path folder = root.resolve(upload.country());
    Path target = folder.resolve(upload.id() + ".json");
    Path tmp = Files.createTempFile(folder, "." + upload.id(), ".tmp");
    Files.write(tmp, JSON.writeValueAsBytes(upload));
    try {
      Files.createLink(target, tmp); // fails if the target exists: metadata is never replaced
    } catch (UnsupportedOperationException | IOException e) {
      if (e instanceof FileAlreadyExistsException) {
        Files.delete(tmp);
        throw (FileAlreadyExistsException) e;
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e2) {
        Files.move(tmp, target);
      }
    }
    Files.deleteIfExists(tmp);
    readOnly(target);
    byCountry(upload.country()).put(upload.id(), upload);
    return upload;
  }

  /** The uploads of a country, newest first. */
  public List<Upload> of(String country) {
    ConcurrentSkipListMap<String, Upload> m = index.get(country);
    return m == null ? List.of() : new ArrayList<>(m.descendingMap().values());
  }

  /** Every upload, in upload order. */
  public List<Upload> all() {
    List<Upload> all = new ArrayList<>();
    index.values().forEach(m -> all.addAll(m.values()));
    all.sort(Upload.ORDER);
    return all;
  }

  /** The countries with at least one upload, sorted. */
  public List<String> countries() {
    return index.keySet().stream().sorted().toList();
  }

  /** The upload of that country and id; empty for a malformed id, another country's id or none. */
  public Optional<Upload> find(String country, String id) {
    if (country == null || id == null || !User.COUNTRY.matcher(country).matches() || !Upload.ID.matcher(id).matches()) {
      return Optional.empty();
    }
    ConcurrentSkipListMap<String, Upload> m = index.get(country);
    return m == null ? Optional.empty() : Optional.ofNullable(m.get(id));
  }

  /** The stored copy of an upload's file. */
  public Path file(Upload u) {
    return inside(dataDir.resolve(u.storedFile()));
  }

  /** A report file of an upload ({@code findings.json}, {@code report.json} ...). */
  public Path reportFile(Upload u, String name) {
    return inside(root.resolve(u.country()).resolve(u.id() + ".report").resolve(name));
  }

  private Path inside(Path p) {
    Path n = p.toAbsolutePath().normalize();
    if (!n.startsWith(root.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("not an upload file: " + p);
    }
    return n;
  }

  private static void requireCountry(String country) {
    if (!User.COUNTRY.matcher(country).matches()) {
      throw new IllegalArgumentException("not a country code: " + country);
    }
  }

  private static void readOnly(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
