package eu.thbstat.validation;

import static eu.thbstat.testing.TestData.victims;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Level-2 additivity: totals derived from complete breakdowns, and every total checked. */
class HierarchiesTest {
  private final Hierarchies hierarchies = new Hierarchies(TestData.ref());
  private int line;

  private Observation cell(CellKey key, Double value, String flags) {
    return new Observation(key, value, flags, List.of(), Origin.REPORTED, "x.csv", ++line);
  }

  private Observation cell(CellKey key, double value) {
    return cell(key, value, "");
  }

  private List<String> check(List<Observation> cells) {
    return hierarchies.check("XX", cells).stream().map(f -> f.ruleId() + "@" + f.line()).toList();
  }

  @Test
  void childrenAreDerivedFromCompleteBandsAndTotalsFromThem() {
    List<Observation> cells = new ArrayList<>(List.of(
        cell(victims("UK", 2021, "T", "Y_LT15", "TOTAL", "TOTAL"), 725.0, "p"),
        cell(victims("UK", 2021, "T", "Y15-17", "TOTAL", "TOTAL"), 3405),
        cell(victims("UK", 2021, "T", "Y_GE18", "TOTAL", "TOTAL"), 7241),
        cell(victims("UK", 2021, "T", "UNK", "TOTAL", "TOTAL"), 16)));
    List<Observation> derived = hierarchies.derive(cells);
    assertThat(derived.stream().map(o -> o.key().get(5) + "=" + o.value() + o.flags()).toList(),
        contains("Y_LT18=4130.0p", "TOTAL=11387.0p"));
    assertThat(derived.get(0).origin(), is(Origin.DERIVED));
  }

  @Test
  void anIncompleteBreakdownDerivesNothing() {
    List<Observation> cells = List.of(
        cell(victims("UK", 2021, "T", "Y_LT15", "TOTAL", "TOTAL"), 725),
        cell(victims("UK", 2021, "T", "Y15-17", "TOTAL", "TOTAL"), null, ""));
    assertThat(hierarchies.derive(cells), empty());
  }

  @Test
  void aTotalThatDiffersFromItsCompleteComponentsIsAnErrorNamingBoth() {
    List<Observation> cells = List.of(
        cell(victims("NL", 2022, "T", "TOTAL", "TOTAL", "TOTAL"), 100),
        cell(victims("NL", 2022, "F", "TOTAL", "TOTAL", "TOTAL"), 60),
        cell(victims("NL", 2022, "M", "TOTAL", "TOTAL", "TOTAL"), 30),
        cell(victims("NL", 2022, "UNK", "TOTAL", "TOTAL", "TOTAL"), 5));
    List<Finding> findings = hierarchies.check("NL", cells);
    assertThat(findings.stream().map(Finding::ruleId).toList(), contains("HIERARCHY_SUM"));
    Finding f = findings.get(0);
    assertThat(f.line(), is(1L));
    assertThat(f.message(), is("sex T = 100 but its components F + M + UNK add up to 95"));
    assertThat(f.hint(), is("A total must equal the sum of its components. Check the total and the components: "
        + "T = 100 (x.csv:1), F = 60 (x.csv:2), M = 30 (x.csv:3), UNK = 5 (x.csv:4)."));
  }

  @Test
  void incompleteComponentsMayFallShortButNotExceed() {
    assertThat(check(List.of(
        cell(victims("DE", 2022, "T", "TOTAL", "TOTAL", "TOTAL"), 1495),
        cell(victims("DE", 2022, "F", "TOTAL", "TOTAL", "TOTAL"), 719),
        cell(victims("DE", 2022, "M", "TOTAL", "TOTAL", "TOTAL"), 763))), empty());
    line = 0;
    assertThat(check(List.of(
        cell(victims("DE", 2022, "T", "TOTAL", "TOTAL", "TOTAL"), 1000),
        cell(victims("DE", 2022, "F", "TOTAL", "TOTAL", "TOTAL"), 719),
        cell(victims("DE", 2022, "M", "TOTAL", "TOTAL", "TOTAL"), 763))), contains("HIERARCHY_EXCEEDS@1"));
  }

  @Test
  void formsOfExploitationAboveTheTotalAreAWarningNotAnError() {
    List<Finding> findings = hierarchies.check("MT", List.of(
        cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "TOTAL"), 12),
        cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "SEX"), 7),
        cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "LAB_SERV"), 6),
        cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "ORG_OTH"), 3)));
    assertThat(findings.stream().map(f -> f.ruleId() + ":" + f.severity()).toList(), contains("MULTI_FORM:WARNING"));
    assertThat(findings.get(0).message(), is("Forms of exploitation SEX + LAB_SERV + ORG_OTH add up to 16, more than the 12 victims of TOTAL"));
  }

  @Test
  void completeFormsBelowTheTotalAreAnError() {
    assertThat(check(List.of(
        cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "TOTAL"), 12),
        cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "SEX"), 5),
        cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "LAB_SERV"), 4),
        cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "ORG_OTH"), 1),
        cell(victims("MT", 2020, "T", "TOTAL", "TOTAL", "UNK"), 1))), contains("HIERARCHY_SHORT@1"));
  }

  @Test
  void notAvailableTotalsAreNotChecked() {
    assertThat(check(List.of(
        cell(victims("DE", 2010, "UNK", "TOTAL", "TOTAL", "LAB_SERV"), null, ""),
        cell(victims("DE", 2010, "UNK", "Y_LT18", "TOTAL", "LAB_SERV"), 3))), empty());
  }
}
