package eu.thbstat.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import eu.thbstat.output.ReleaseCsv;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.testing.HostileCorpus;
import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Coverage-guided fuzzing (Jazzer) of every reader of this branch, for a bounded time in the test
 * suite: the CSV submission reader under each mapping of mappings/, fed the fuzzer's bytes raw or as
 * edits of the real sample files and of the hostile corpus (so that it starts from valid tables),
 * and the release reader (cube.csv and lineage.csv of a previous release). A reader may reject its
 * input with findings (or, for the release reader, an IllegalArgumentException naming the problem),
 * never with any other exception, and the reader's counts always reconcile.
 *
 * <p>Runs in its own JVM (the Surefire execution "fuzz", JAZZER_FUZZ=1); corpus and crash inputs
 * go to target/jazzer. One @FuzzTest per JVM is fuzzed: readers added later belong in this method,
 * as another target of the first choice.
 */
class ReaderFuzzTest {
  private static final ReferenceData REF = TestData.ref();
  /** A small line limit, so that over-long lines are exercised too. */
  private static final SubmissionProcessor PROCESSOR = new SubmissionProcessor(REF, new InputLimits(1 << 20, 2048));
  private static final List<byte[]> SEEDS = seeds();
  private static final List<String> NAMES = List.of("NL/NL_mensenhandel_f.csv", "DE_indicator_16-2-2.csv", "x/../y.csv", "=a.csv", "a\\b.csv", "README.md");

  private static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TestData.sampleInputs())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
        // the first 30 lines: the structure of the table, small enough for thousands of runs a second
        List<String> lines = Files.readAllLines(f, java.nio.charset.StandardCharsets.UTF_8);
        seeds.add((String.join("\n", lines.subList(0, Math.min(30, lines.size()))) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    seeds.addAll(HostileCorpus.cases().values());
    return seeds;
  }

  private static byte[] edited(FuzzedDataProvider data) {
    byte[] bytes = SEEDS.get(data.consumeInt(0, SEEDS.size() - 1));
    int edits = data.consumeInt(0, 6);
    for (int i = 0; i < edits && bytes.length > 0; i++) {
      int at = data.consumeInt(0, bytes.length - 1);
      byte[] piece;
      int cut = 0;
      switch (data.consumeInt(0, 3)) {
        case 0 -> piece = data.consumeBytes(data.consumeInt(0, 16)); // insert
        case 1 -> { // delete
          piece = new byte[0];
          cut = Math.min(data.consumeInt(0, 64), bytes.length - at);
        }
        case 2 -> { // overwrite one byte
          piece = new byte[] {data.consumeByte()};
          cut = 1;
        }
        default -> piece = Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + data.consumeInt(0, 256))); // repeat
      }
      byte[] next = new byte[bytes.length - cut + piece.length];
      System.arraycopy(bytes, 0, next, 0, at);
      System.arraycopy(piece, 0, next, at, piece.length);
      System.arraycopy(bytes, at + cut, next, at + piece.length, bytes.length - at - cut);
      bytes = next;
    }
    return bytes;
  }

  @FuzzTest(maxDuration = "30s")
  void readersRejectBadInputWithFindingsNeverWithAnException(FuzzedDataProvider data) {
    int target = data.consumeInt(0, 4);
    if (target == 4) {
      byte[] csv = data.consumeRemainingAsBytes();
      try {
        ReleaseCsv.readCube(REF.model(), csv);
      } catch (IllegalArgumentException expected) {
        // a damaged release is named as such
      }
      try {
        ReleaseCsv.readLineage(csv);
      } catch (IllegalArgumentException expected) {
        // idem
      }
      return;
    }
    List<Mapping> mappings = REF.mappings();
    Mapping mapping = mappings.get(data.consumeInt(0, mappings.size() - 1));
    String name = NAMES.get(data.consumeInt(0, NAMES.size() - 1));
    byte[] content = target == 0 ? data.consumeRemainingAsBytes() : edited(data);
    FileResult r = target == 3 ? PROCESSOR.process(name, content) : PROCESSOR.process(name, content, mapping);
    assertThat("records read = kept + quarantined + excluded", r.report().recordsRead(),
        is(r.observations().size() + r.quarantine().size() + r.report().recordsExcluded()));
  }
}
