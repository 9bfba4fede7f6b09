package eu.thbstat.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.thbstat.reference.ReferenceDataLoader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log, {@code DIR/audit.log}: one JSON object per line for every sign-in, upload,
 * download, report view, refusal and harmonisation run — who, when, what, its checksum and the
 * outcome. The file is only ever opened for appending, each line is forced to disk before the
 * request is answered, and each line carries the SHA-256 of the line before it ({@code prev}), so
 * a line changed or removed afterwards breaks the chain ({@link #verify}).
 */
public final class AuditLog implements AutoCloseable {
  public static final String FILE = "audit.log";
  static final String FIRST = "0".repeat(64);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final FileChannel channel;
  private final Clock clock;
  private String prev;

  public AuditLog(Path dataDir, Clock clock) throws IOException {
    this.file = dataDir.resolve(FILE);
    this.clock = clock;
    Files.createDirectories(dataDir);
    this.prev = lastLineHash(file);
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** One event. Empty strings and negative sizes are left out of the line. */
  public record Event(String user, String role, String country, String action, String target, String sha256, long bytes, String outcome, String remote) {
    public static Event of(String user, String action, String target, String outcome) {
      return new Event(user, "", "", action, target, "", -1, outcome, "");
    }

    public Event by(User u) {
      return new Event(u.name(), u.role().label(), u.country(), action, target, sha256, bytes, outcome, remote);
    }

    public Event file(String sha, long size) {
      return new Event(user, role, country, action, target, sha, size, outcome, remote);
    }

    public Event from(String address) {
      return new Event(user, role, country, action, target, sha256, bytes, outcome, address);
    }
  }

  public synchronized void record(Event e) {
    ObjectNode line = JSON.createObjectNode();
    line.put("time", clock.instant().toString());
    put(line, "user", e.user());
    put(line, "role", e.role());
    put(line, "country", e.country());
    put(line, "action", e.action());
    put(line, "target", e.target());
    put(line, "sha256", e.sha256());
    if (e.bytes() >= 0) {
      line.put("bytes", e.bytes());
    }
    put(line, "outcome", e.outcome());
    put(line, "remote", e.remote());
    line.put("prev", prev);
    try {
      String text = JSON.writeValueAsString(line);
      channel.write(ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8)));
      channel.force(false);
      prev = ReferenceDataLoader.sha256(text.getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e1) {
      throw new IllegalStateException("a flat JSON object always serialises", e1);
    } catch (IOException e2) {
      throw new UncheckedIOException("cannot append to the audit log " + file, e2);
    }
  }

  private static void put(ObjectNode line, String name, String value) {
    if (value != null && !value.isEmpty()) {
      line.put(name, value);
    }
  }

  /** The events of a log file, in order. */
  public static List<JsonNode> read(Path file) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        events.add(JSON.readTree(line));
      }
    }
    return events;
  }

  /** The line number (from 1) of the first line whose chain is broken, or 0 if the whole chain holds. */
  public static int verify(Path file) throws IOException {
    String expected = FIRST;
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      JsonNode event;
      try {
        event = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        return n;
      }
      if (!event.path("prev").asText().equals(expected)) {
        return n;
      }
      expected = ReferenceDataLoader.sha256(line.getBytes(StandardCharsets.UTF_8));
    }
    return 0;
  }

  private static String lastLineHash(Path file) throws IOException {
    if (!Files.exists(file) || Files.size(file) == 0) {
      return FIRST;
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long end = f.length();
      int chunk = (int) Math.min(end, 1 << 16);
      byte[] tail = new byte[chunk];
      f.seek(end - chunk);
      f.readFully(tail);
      String text = new String(tail, StandardCharsets.UTF_8);
      String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
      String last = trimmed.substring(trimmed.lastIndexOf('\n') + 1);
      return ReferenceDataLoader.sha256(last.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }
}
