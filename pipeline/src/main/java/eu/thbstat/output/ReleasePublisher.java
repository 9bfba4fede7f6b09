package eu.thbstat.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Publishes a release so that it is never seen half-written: the files go to a temporary folder
 * beside the releases ({@code DIR/.tmp-<id>}), are flushed to disk, and the folder is renamed to
 * {@code DIR/<id>} in one atomic step; then {@code DIR/latest} (a one-line text file naming the
 * newest release) is replaced atomically. A run killed at any point leaves every earlier release as
 * it was and no partial release under its name; a temporary folder it leaves is removed by the
 * next publication. An existing release is never written to.
 *
 * <p>Atomicity holds on a local file system (java.nio rename). On other Beam file systems (object
 * stores have no atomic folder rename) the files are written into {@code DIR/<id>/} with
 * manifest.json last and {@code latest} after it: a partial folder can be seen by listing, but it
 * has no manifest and {@code latest} never names it.
 */
public final class ReleasePublisher {
  public static final String LATEST = "latest";
  public static final String TEMP_PREFIX = ".tmp-";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  /** Called before each step of a publication (tests inject failures here). */
  public interface Steps {
    Steps NONE = step -> {};

    void before(String step) throws IOException;
  }

  /** Where a release was published, and whether this publication created it. */
  public record Published(String id, String location, boolean created) {}

  private final Steps steps;

  public ReleasePublisher() {
    this(Steps.NONE);
  }

  public ReleasePublisher(Steps steps) {
    this.steps = steps;
  }

  /** Whether a release id is a plain folder name (no separators, no "..", not "latest"). */
  public static boolean validId(String id) {
    return id != null && ID.matcher(id).matches() && !id.equals(LATEST) && !id.contains("..");
  }

  static boolean isLocal(String path) {
    return !path.contains("://") || path.startsWith("file://");
  }

  private static Path local(String path) {
    return path.startsWith("file://") ? Path.of(java.net.URI.create(path)) : Path.of(path);
  }

  /**
   * Publishes {@code files} as release {@code id} under {@code parent} and makes it the latest. If a
   * release of that id exists with the same files, it is left as it is and made the latest; with
   * other files, nothing is written and an exception says so.
   */
  public Published publish(String parent, String id, Map<String, byte[]> files) throws IOException {
    if (!validId(id)) {
      throw new IllegalArgumentException("\"" + id + "\" is not a usable release id: letters, digits, '.', '_' and '-' only, not \"latest\"");
    }
    files.keySet().forEach(ReleasePublisher::checkName);
    return isLocal(parent) ? publishLocal(local(parent), id, files) : publishRemote(parent, id, files);
  }

  private Published publishLocal(Path dir, String id, Map<String, byte[]> files) throws IOException {
    steps.before("prepare");
    Files.createDirectories(dir);
    removeTemporary(dir);
    Path target = dir.resolve(id);
    if (Files.exists(target)) {
      if (!sameFiles(target, files)) {
        throw new FileAlreadyExistsException(target.toString(), null,
            "release " + id + " exists with other content; a published release is never modified (choose another --release-id)");
      }
      steps.before("latest");
      writeLatest(dir, id);
      return new Published(id, target.toString(), false);
    }
    Path temp = dir.resolve(TEMP_PREFIX + id);
    Files.createDirectory(temp);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      steps.before("write " + file.getKey());
      writeDurably(temp.resolve(file.getKey()), file.getValue());
    }
    steps.before("sync");
    syncFolder(temp);
    steps.before("rename");
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + dir + " cannot rename a folder atomically; releases cannot be published there safely", e);
    }
    syncFolder(dir);
    steps.before("latest");
    writeLatest(dir, id);
    return new Published(id, target.toString(), true);
  }

  /** Replaces DIR/latest atomically with a file naming the release. */
  private void writeLatest(Path dir, String id) throws IOException {
    Path temp = dir.resolve(TEMP_PREFIX + LATEST);
    Files.deleteIfExists(temp);
    writeDurably(temp, (id + "\n").getBytes(StandardCharsets.UTF_8));
    Files.move(temp, dir.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncFolder(dir);
  }

  /** Removes what interrupted publications left (folders and files named .tmp-*). */
  static void removeTemporary(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
      for (Path p : entries) {
        deleteRecursively(p);
      }
    }
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(p)) {
      for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }

  private static boolean sameFiles(Path folder, Map<String, byte[]> files) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> list = Files.list(folder)) {
      list.forEach(p -> names.add(p.getFileName().toString()));
    }
    if (names.size() != files.size() || !files.keySet().containsAll(names)) {
      return false;
    }
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      if (!Arrays.equals(Files.readAllBytes(folder.resolve(f.getKey())), f.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static void writeDurably(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  private static void syncFolder(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // not every platform can sync a folder; the rename itself is still atomic
    }
  }

  /** A release file name: a plain name, or one folder level and a name ("public/cube.csv"). */
  private static void checkName(String name) {
    String[] parts = name.split("/", -1);
    boolean ok = parts.length <= 2 && !name.contains("\\");
    for (String part : parts) {
      ok &= !part.isEmpty() && !part.startsWith(".") && part.matches("[A-Za-z0-9._-]+");
    }
    if (!ok) {
      throw new IllegalArgumentException("not a release file name: " + name);
    }
  }


  private Published publishRemote(String parent, String id, Map<String, byte[]> files) throws IOException {
    ResourceId dir = FileSystems.matchNewResource(parent, true);
    ResourceId folder = dir.resolve(id, StandardResolveOptions.RESOLVE_DIRECTORY);
    if (exists(folder.resolve(ReleaseWriter.MANIFEST, StandardResolveOptions.RESOLVE_FILE).toString())) {
      throw new FileAlreadyExistsException(folder.toString(), null, "release " + id + " exists; a published release is never modified");
    }
    String last = files.containsKey(ReleaseWriter.MANIFEST) ? ReleaseWriter.MANIFEST : null;
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      if (!file.getKey().equals(last)) {
        steps.before("write " + file.getKey());
        create(folder.resolve(file.getKey(), StandardResolveOptions.RESOLVE_FILE), file.getValue());
      }
    }
    if (last != null) {
      steps.before("write " + last);
      create(folder.resolve(last, StandardResolveOptions.RESOLVE_FILE), files.get(last));
    }
    steps.before("latest");
    create(dir.resolve(LATEST, StandardResolveOptions.RESOLVE_FILE), (id + "\n").getBytes(StandardCharsets.UTF_8));
    return new Published(id, folder.toString(), true);
  }

  private static void create(ResourceId target, byte[] bytes) throws IOException {
    try (WritableByteChannel channel = FileSystems.create(target, MimeTypes.BINARY);
        OutputStream out = Channels.newOutputStream(channel)) {
      out.write(bytes);
    }
  }

  /**
   * Writes a report's files into {@code folder} (created if needed): each file goes to a temporary
   * file beside it and is renamed over the old one atomically, so that every file is either the old
   * or the new one, never half-written. (A report folder is replaced file by file; releases, which
   * must change as a whole, are published with {@link #publish}.)
   */
  public void writeInto(Path folder, Map<String, byte[]> files) throws IOException {
    steps.before("prepare");
    Files.createDirectories(folder);
    removeTemporary(folder);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      checkName(file.getKey());
      Path target = folder.resolve(file.getKey());
      Path temp = target.resolveSibling(TEMP_PREFIX + target.getFileName());
      steps.before("write " + file.getKey());
      writeDurably(temp, file.getValue());
      steps.before("rename " + file.getKey());
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    syncFolder(folder);
  }

  /** The id named by {@code parent/latest}, if there is one. */
  public static Optional<String> latest(String parent) {
    String path = isLocal(parent) ? local(parent).resolve(LATEST).toString()
        : FileSystems.matchNewResource(parent, true).resolve(LATEST, StandardResolveOptions.RESOLVE_FILE).toString();
    if (!exists(path)) {
      return Optional.empty();
    }
    String id = new String(read(path), StandardCharsets.UTF_8).trim();
    return validId(id) ? Optional.of(id) : Optional.empty();
  }

  /** The folder of release {@code id} under {@code parent}. */
  public static String folder(String parent, String id) {
    return isLocal(parent) ? local(parent).resolve(id).toString()
        : FileSystems.matchNewResource(parent, true).resolve(id, StandardResolveOptions.RESOLVE_DIRECTORY).toString();
  }

  /** The path of file {@code name} in {@code folder} (local or any Beam file system). */
  public static String file(String folder, String name) {
    return isLocal(folder) ? local(folder).resolve(name).toString()
        : FileSystems.matchNewResource(folder, true).resolve(name, StandardResolveOptions.RESOLVE_FILE).toString();
  }

  public static boolean exists(String path) {
    if (isLocal(path)) {
      return Files.isRegularFile(local(path));
    }
    try {
      return !FileSystems.match(path).metadata().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** The bytes of a file (local or any Beam file system). */
  public static byte[] read(String path) {
    try {
      if (isLocal(path)) {
        return Files.readAllBytes(local(path));
      }
      ResourceId id = FileSystems.matchSingleFileSpec(path).resourceId();
      try (InputStream in = Channels.newInputStream(FileSystems.open(id))) {
        return in.readAllBytes();
      }
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no file " + path, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
