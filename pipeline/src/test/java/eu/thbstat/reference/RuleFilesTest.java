package eu.thbstat.reference;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.thbstat.rules.Mode;
import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schemas/rules/*.yaml: the repository's rule files load; a broken one is named rule by rule. */
class RuleFilesTest {

  @Test
  void theRepositoryRuleFilesLoadIntoTheCatalogue() {
    ReferenceData ref = TestData.ref();
    assertThat(ref.rules().rule("YOY_CHANGE").level(), is(3));
    assertThat(ref.rules().rule("RATE_OUTLIER_EU").level(), is(4));
    assertThat(ref.rules().sets().statistical().get("YOY_CHANGE").number("max_ratio"), is(2.0));
    assertThat(ref.rules().sets().statistical().get("FORM_DISTRIBUTION_DIFFERS").list("codes"), is(List.of("SEX", "LAB_SERV", "ORG_OTH")));
    assertThat(ref.rules().sets().hierarchical().get(0).mode(), is(Mode.NON_NULL));
    assertThat(ref.rules().sets().comparability().reasons().stream().map(r -> r.id()).toList(), hasItem("PRESUMED_ONLY"));
    assertThat(ref.fileHashes().keySet(), hasItem("schemas/rules/level3-time.yaml"));
  }

  private static Path homeWith(Path dir, String ruleFile) throws IOException {
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
    Files.writeString(dir.resolve("schemas/rules/zz-broken.yaml"), ruleFile);
    return dir;
  }

  @Test
  void everyProblemOfABrokenRuleFileIsNamed(@TempDir Path dir) throws IOException {
    String broken = """
        rules:
          - {id: YOY_CHANGE, level: 3, severity: INFO, message: again, hint: again}
          - {id: ODD_TEST, level: 3, severity: INFO, message: m, hint: h, test: {type: crystal_ball}}
          - {id: LOUD, level: 4, severity: ERROR, message: m, hint: h}
        datapoint_rulesets:
          - id: dpr_bad
            rules:
              - {name: R1, when: {leg_stat: {eq: PER_ALIEN}}, then: {victim_status: {eq: _Z}}, errorcode: LOUD}
              - {name: R2, then: {victim_status: {eq: _Z}}, errorcode: NO_SUCH_RULE}
              - {name: R3, then: {colour: {eq: red}}, errorcode: LOUD}
        hierarchical_rulesets:
          - id: hr_bad
            rule_on: sex
            mode: sometimes
            rules:
              - {name: R1, relation: "T = F + X", errorcode: HIERARCHY_SUM}
          - id: hr_worse
            rule_on: sex
            rules:
              - {name: R1, relation: "T == F", errorcode: HIERARCHY_SUM}
        """;
    ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReferenceDataLoader.load(homeWith(dir, broken)));
    String m = e.getMessage();
    assertThat(m, containsString("schemas/rules/zz-broken.yaml: rule id YOY_CHANGE is given twice"));
    assertThat(m, containsString("schemas/rules/zz-broken.yaml: rule ODD_TEST: test type \"crystal_ball\" is not one of"));
    assertThat(m, containsString("rule LOUD: a level-4 rule is a question for the analyst: its severity is WARNING or INFO, never ERROR"));
    assertThat(m, containsString("datapoint ruleset dpr_bad, rule R1: PER_ALIEN is not a code of leg_stat"));
    assertThat(m, containsString("datapoint ruleset dpr_bad, rule R3: colour is neither a dimension nor obs_value"));
    assertThat(m, containsString("datapoint ruleset dpr_bad, rule R2: errorcode NO_SUCH_RULE is not a rule of the catalogue"));
    assertThat(m, containsString("hierarchical ruleset hr_bad: mode sometimes is not a VTL mode"));
    assertThat(m, containsString("hierarchical ruleset hr_worse, rule R1: \"T == F\" is not CODE (=|>=|<=|>|<) CODE"));
  }

  @Test
  void aHierarchicalRuleOnACodeOutsideTheListIsNamed(@TempDir Path dir) throws IOException {
    String broken = """
        hierarchical_rulesets:
          - id: hr_bad
            rule_on: sex
            rules:
              - {name: R1, relation: "T = F + X", errorcode: HIERARCHY_SUM}
        """;
    ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReferenceDataLoader.load(homeWith(dir, broken)));
    assertThat(e.getMessage(), containsString("schemas/rules/zz-broken.yaml: hierarchical ruleset hr_bad, rule R1: X is not a code of sex"));
  }
}
