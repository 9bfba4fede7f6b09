package eu.thbstat.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleCatalogueTest {

  @Test
  void everyRuleTheCodeNamesIsInTheCatalogue() throws IOException {
    Pattern use = Pattern.compile("(?:finding|reject)\\(\\s*\"([A-Z0-9_]+)\"");
    TreeSet<String> missing = new TreeSet<>();
    Map<String, RuleDef> rules = TestData.ref().rules().rules();
    try (Stream<Path> files = Files.walk(TestData.home().resolve("pipeline/src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = use.matcher(Files.readString(f));
        while (m.find()) {
          if (!rules.containsKey(m.group(1))) {
            missing.add(m.group(1) + " (" + f.getFileName() + ")");
          }
        }
      }
    }
    assertThat(missing, empty());
  }

  @Test
  void templatesAreFilledAndUnknownPlaceholdersKept() {
    assertThat(RuleCatalogue.fill("{a} and {b_c} but {zz}", Map.of("a", 1, "b_c", "x")), is("1 and x but {zz}"));
  }

  @Test
  void codesAreMatchedIgnoringCase() {
    ReferenceData ref = TestData.ref();
    assertThat(ref.model().dimension("age").canonical("y_lt18"), is("Y_LT18"));
    assertThat(ref.model().dimension("age").canonical("Y_LT99") == null, is(true));
    assertThat(ref.seeds().geoOf("gr"), is("EL"));
    assertThat(ref.seeds().geoOf(" pl "), is("PL"));
  }
}
