package eu.thbstat.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * thbstat run in a child JVM, killed (SIGKILL) during start-up, and again the moment its temporary
 * release folder appears (while the release files are being written): after every kill the previous release is byte for byte as it was, {@code latest} names a
 * complete release, and every release folder a reader can see is complete (all the files its
 * manifest lists, with their hashes). What a killed run left is removed by the next run.
 */
class KilledRunTest {
  @TempDir Path dir;

  private static Map<String, String> hashes(Path folder) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        all.put(folder.relativize(f).toString(), ReferenceDataLoader.sha256(Files.readAllBytes(f)));
      }
    }
    return all;
  }

  /** Every folder a reader can see holds a complete release. */
  private static void everyVisibleReleaseIsComplete(Path out) throws IOException {
    try (Stream<Path> list = Files.list(out)) {
      for (Path release : list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
        assertThat(release + " has a manifest", Files.isRegularFile(release.resolve("manifest.json")), is(true));
        JsonNode outputs = new ObjectMapper().readTree(release.resolve("manifest.json").toFile()).path("outputs");
        Map<String, String> actual = hashes(release);
        for (Iterator<Map.Entry<String, JsonNode>> it = outputs.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> f = it.next();
          assertThat(release + "/" + f.getKey(), actual.get(f.getKey()), is(f.getValue().asText()));
        }
      }
    }
  }

  @Test
  void aRunKilledAtAnyMomentLeavesThePreviousReleaseIntactAndNoPartialOne() throws Exception {
    Path out = dir.resolve("out");
    String home = TestData.home().toString();
    int code = Thbstat.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        "run", "--home", home, "--input", TestData.sampleInputs().toString(), "--output", out.toString());
    assertThat(code, is(1));
    String first = Files.readString(out.resolve("latest")).trim();
    Map<String, String> before = hashes(out.resolve(first));

    // a re-submission, so that each run publishes a second release
    Path input = Files.createDirectories(dir.resolve("in/NL"));
    List<String> nl = new ArrayList<>(Files.readAllLines(TestData.sampleInputs().resolve("NL/NL_mensenhandel_2020-2023.csv")));
    nl.replaceAll(l -> l.equals("2022;verdachte;totaal;totaal;totaal;totaal;297;") ? "2022;verdachte;totaal;totaal;totaal;totaal;298;" : l);
    Files.write(input.resolve("NL_mensenhandel_2020-2023.csv"), nl);

    // 1. killed during start-up and reading; 2. killed the moment its temporary release folder
    // appears, while the files are being written; 3. left to finish
    killAndCheck(out, first, before, process -> waitFor(process, 2000));
    killAndCheck(out, first, before, process -> {
      while (process.isAlive()) {
        try (Stream<Path> list = Files.list(out)) {
          if (list.anyMatch(p -> p.getFileName().toString().startsWith(".tmp-0"))) {
            return;
          }
        }
        waitFor(process, 1);
      }
    });
    Process last = start(out);
    assertThat("the last run ends", last.waitFor(10, TimeUnit.MINUTES), is(true));
    assertThat(last.exitValue(), is(1));
    assertThat(hashes(out.resolve(first)), is(before));
    assertThat(Files.readString(out.resolve("latest")).trim().startsWith("0002-"), is(true));
    everyVisibleReleaseIsComplete(out);
    try (Stream<Path> list = Files.list(out)) {
      assertThat(list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(), is(List.of()));
    }
  }

  private interface Until {
    void await(Process process) throws Exception;
  }

  private static void waitFor(Process process, long millis) throws InterruptedException {
    process.waitFor(millis, TimeUnit.MILLISECONDS);
  }

  private Process start(Path out) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), "eu.thbstat.cli.Thbstat", "run", "--quiet",
        "--home", TestData.home().toString(), "--input", dir.resolve("in").toString(), "--output", out.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private void killAndCheck(Path out, String first, Map<String, String> before, Until until) throws Exception {
    Process run = start(out);
    until.await(run);
    run.destroyForcibly().waitFor();
    assertThat(hashes(out.resolve(first)), is(before));
    String latest = Files.readString(out.resolve("latest")).trim();
    assertThat("latest names a complete release", Files.isRegularFile(out.resolve(latest).resolve("manifest.json")), is(true));
    everyVisibleReleaseIsComplete(out);
  }
}
