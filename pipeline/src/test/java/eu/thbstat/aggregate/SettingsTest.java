package eu.thbstat.aggregate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.thbstat.reference.AggregationSettings;
import eu.thbstat.reference.ProtectionSettings;
import eu.thbstat.reference.ReferenceDataException;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schemas/aggregation.yaml and schemas/protection.yaml as loaded, and broken ones named. */
class SettingsTest {

  @Test
  void theRepositorySettings() {
    AggregationSettings a = TestData.ref().aggregation();
    assertThat(a.minPopulationShare(), is(0.5));
    assertThat(a.minCountries(), is(1));
    assertThat(a.flagMethod(), is(AggregationSettings.FlagMethod.WEIGHTED));
    assertThat(a.flagHierarchy(), is("bdfespnu"));
    assertThat(a.flagThreshold(), is(0.5));
    assertThat(a.unknownCodes(), is(List.of("UNK")));
    assertThat(a.estimation(), is(false));
    ProtectionSettings p = TestData.ref().protection();
    assertThat(p.minCount(), is(3));
    assertThat(p.check(), is(ProtectionSettings.Check.LINEAR));
    assertThat(p.avoidZeros(), is(true));
    assertThat(p.keepInputConfidential(), is(true));
  }

  private static Path copyOfHome(Path dir) throws IOException {
    for (String folder : List.of("schemas", "seeds", "mappings")) {
      Path from = TestData.home().resolve(folder);
      try (Stream<Path> files = Files.walk(from)) {
        for (Path f : files.toList()) {
          Path to = dir.resolve(folder).resolve(from.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(to);
          } else {
            Files.copy(f, to);
          }
        }
      }
    }
    return dir;
  }

  @Test
  void brokenSettingsAreNamedWithFileAndField(@TempDir Path dir) throws IOException {
    Path home = copyOfHome(dir);
    Path aggregation = home.resolve("schemas/aggregation.yaml");
    Files.writeString(aggregation, Files.readString(aggregation).replace("method: weighted", "method: median").replace("min_population_share: 0.5", "min_population_share: 50"));
    Path protection = home.resolve("schemas/protection.yaml");
    Files.writeString(protection, Files.readString(protection).replace("check: linear", "check: clever"));
    ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReferenceDataLoader.load(home));
    assertThat(e.getMessage(), containsString("schemas/aggregation.yaml: flags.method \"median\" is not hierarchy, frequency or weighted"));
    assertThat(e.getMessage(), containsString("schemas/aggregation.yaml: coverage.min_population_share must be a number from 0 to 1, found 50"));
    assertThat(e.getMessage(), containsString("schemas/protection.yaml: secondary.check \"clever\" is not single_equation or linear"));
  }
}
