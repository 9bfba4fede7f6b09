package eu.thbstat.output;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic publication: a failure injected before every step of a publication leaves the previous
 * release byte for byte as it was, {@code latest} naming it, and no other release visible; the next
 * publication removes what the failed one left.
 */
class ReleasePublisherTest {
  @TempDir Path dir;

  private static Map<String, byte[]> files(String text) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("cube.csv", ("geo,obs_value\nNL," + text + "\n").getBytes(StandardCharsets.UTF_8));
    files.put("findings.csv", "rule\n".getBytes(StandardCharsets.UTF_8));
    files.put("manifest.json", ("{\"v\":\"" + text + "\"}\n").getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /** Every file under dir (relative path to content), to compare snapshots. */
  private Map<String, String> snapshot() throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        all.put(dir.relativize(p).toString(), Files.readString(p));
      }
    }
    return all;
  }

  /** Releases a reader can see: folders not starting with '.', with a manifest. */
  private List<String> visibleReleases() throws IOException {
    List<String> ids = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().forEach(ids::add);
    }
    return ids;
  }

  @Test
  void aFailureBeforeAnyStepLeavesThePreviousReleaseIntactAndNoPartialOne() throws IOException {
    new ReleasePublisher().publish(dir.toString(), "0001-aaa", files("100"));
    Map<String, String> before = snapshot();
    List<String> steps = new ArrayList<>();
    new ReleasePublisher(steps::add).publish(dir.resolve("probe").toString(), "0001-probe", files("1"));
    assertThat(steps, contains("prepare", "write cube.csv", "write findings.csv", "write manifest.json", "sync", "rename", "latest"));

    for (String failing : steps) {
      ReleasePublisher failingPublisher = new ReleasePublisher(step -> {
        if (step.equals(failing)) {
          throw new IOException("injected failure before " + step);
        }
      });
      IOException e = assertThrows(IOException.class, () -> failingPublisher.publish(dir.toString(), "0002-bbb", files("200")));
      assertThat(e.getMessage(), containsString(failing));
      assertThat("after a failure before " + failing, Files.readString(dir.resolve("0001-aaa/cube.csv")), is("geo,obs_value\nNL,100\n"));
      Map<String, String> after = snapshot();
      after.keySet().removeIf(k -> k.startsWith(".tmp-") || k.startsWith("probe"));
      Map<String, String> expected = new TreeMap<>(before);
      expected.keySet().removeIf(k -> k.startsWith("probe"));
      if (failing.equals("latest")) {
        // renamed into place, complete, but not yet the latest: the previous stays the latest
        assertThat(visibleReleases(), contains("0001-aaa", "0002-bbb", "probe"));
        assertThat(Files.readString(dir.resolve("0002-bbb/cube.csv")), is("geo,obs_value\nNL,200\n"));
        after.keySet().removeIf(k -> k.startsWith("0002-bbb"));
      } else {
        assertThat("after a failure before " + failing, visibleReleases(), contains("0001-aaa", "probe"));
      }
      assertThat("after a failure before " + failing, after, is(expected));
      assertThat(Files.readString(dir.resolve("latest")), is("0001-aaa\n"));
      // what the failure left (a .tmp- folder) is removed by the next publication
      ReleasePublisher.Published next = new ReleasePublisher().publish(dir.toString(), "0002-bbb", files("200"));
      assertThat(next.id(), is("0002-bbb"));
      assertThat(Files.readString(dir.resolve("latest")), is("0002-bbb\n"));
      try (Stream<Path> list = Files.list(dir)) {
        assertThat(list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(), is(List.of()));
      }
      assertThat(Files.readString(dir.resolve("0001-aaa/cube.csv")), is("geo,obs_value\nNL,100\n"));
      // back to the state before, for the next step
      deleteTree(dir.resolve("0002-bbb"));
      Files.writeString(dir.resolve("latest"), "0001-aaa\n");
    }
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  @Test
  void aLeftoverTemporaryFolderIsIgnoredAndRemoved() throws IOException {
    Files.createDirectories(dir.resolve(".tmp-0002-half"));
    Files.writeString(dir.resolve(".tmp-0002-half/cube.csv"), "geo,obs");
    new ReleasePublisher().publish(dir.toString(), "0001-aaa", files("1"));
    assertThat(Files.exists(dir.resolve(".tmp-0002-half")), is(false));
    assertThat(ReleasePublisher.latest(dir.toString()).orElseThrow(), is("0001-aaa"));
  }

  @Test
  void anExistingReleaseIsNeverModified() throws IOException {
    new ReleasePublisher().publish(dir.toString(), "0001-aaa", files("100"));
    ReleasePublisher.Published again = new ReleasePublisher().publish(dir.toString(), "0001-aaa", files("100"));
    assertThat(again.created(), is(false));
    IOException e = assertThrows(IOException.class, () -> new ReleasePublisher().publish(dir.toString(), "0001-aaa", files("999")));
    assertThat(e.getMessage(), containsString("never modified"));
    assertThat(Files.readString(dir.resolve("0001-aaa/cube.csv")), is("geo,obs_value\nNL,100\n"));
  }

  @Test
  void releaseIdsArePlainFolderNames() {
    for (String bad : List.of("../x", "a/b", "..", "latest", ".tmp-x", "", "a\\b", "x y")) {
      assertThat(bad, ReleasePublisher.validId(bad), is(false));
      assertThrows(IllegalArgumentException.class, () -> new ReleasePublisher().publish(dir.toString(), bad, files("1")));
    }
    assertThat(ReleasePublisher.validId("2024-q3.final_v2"), is(true));
  }

  @Test
  void aReportFolderIsReplacedFileByFileNeverHalfWritten() throws IOException {
    new ReleasePublisher().writeInto(dir, files("1"));
    ReleasePublisher failing = new ReleasePublisher(step -> {
      if (step.equals("rename findings.csv")) {
        throw new IOException("injected");
      }
    });
    assertThrows(IOException.class, () -> failing.writeInto(dir, files("2")));
    assertThat(Files.readString(dir.resolve("cube.csv")), is("geo,obs_value\nNL,2\n"));
    assertThat(Files.readString(dir.resolve("manifest.json")), is("{\"v\":\"1\"}\n"));
    new ReleasePublisher().writeInto(dir, files("3"));
    assertThat(Files.readString(dir.resolve("manifest.json")), is("{\"v\":\"3\"}\n"));
    assertThat(Files.exists(dir.resolve(".tmp-findings.csv")), is(false));
  }
}
