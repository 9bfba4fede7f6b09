package eu.thbstat.validation;

import static eu.thbstat.testing.TestData.victims;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.rules.HierarchicalRuleset;
import eu.thbstat.rules.Mode;
import eu.thbstat.testing.TestData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The VTL semantics of the rule engine: modes for missing members, not available values, messages. */
class RuleEngineTest {
  private final RuleEngine engine = new RuleEngine(TestData.ref());

  private static Observation cell(String sex, String form, Double value) {
    return new Observation(victims("MT", 2020, sex, "TOTAL", "TOTAL", form), value, "", List.of(), Origin.REPORTED, "mt.csv", 3);
  }

  private static Map<String, Observation> group(Observation... cells) {
    Map<String, Observation> g = new LinkedHashMap<>();
    for (Observation o : cells) {
      g.put(o.key().get(7), o);
    }
    return g;
  }

  private Finding evaluate(Mode mode, String relation, Observation... cells) {
    HierarchicalRuleset rs = new HierarchicalRuleset("hr_test", "test", "exploitation", mode, "dataset",
        List.of(HierarchicalRuleset.Rule.parse("R1", relation, "FORM_EXCEEDS_TOTAL")), "test");
    return engine.evaluate("MT", rs, rs.rules().get(0), group(cells));
  }

  @Test
  void nonNullNeedsEveryItemPartialNullOneOnTheRight() {
    Observation total = cell("T", "TOTAL", 10.0);
    Observation sex = cell("T", "SEX", 12.0);
    // LAB_SERV missing: non_null gives no result, partial_null sums what is given, always_zero counts it as 0
    assertThat(evaluate(Mode.NON_NULL, "TOTAL >= SEX + LAB_SERV", total, sex), nullValue());
    assertThat(evaluate(Mode.PARTIAL_NULL, "TOTAL >= SEX + LAB_SERV", total, sex).ruleId(), is("FORM_EXCEEDS_TOTAL"));
    assertThat(evaluate(Mode.ALWAYS_ZERO, "TOTAL >= SEX + LAB_SERV", total, sex).ruleId(), is("FORM_EXCEEDS_TOTAL"));
    assertThat(evaluate(Mode.ALWAYS_NULL, "TOTAL >= SEX + LAB_SERV", total, sex), nullValue());
    // non_zero: items all zero give no result
    assertThat(evaluate(Mode.NON_ZERO, "TOTAL = SEX", cell("T", "TOTAL", 0.0), cell("T", "SEX", 0.0)), nullValue());
    assertThat(evaluate(Mode.NON_ZERO, "TOTAL = SEX", cell("T", "TOTAL", 0.0), cell("T", "SEX", 2.0)).ruleId(), is("FORM_EXCEEDS_TOTAL"));
  }

  @Test
  void aTotalThatIsNotAvailableIsNeverChecked() {
    assertThat(evaluate(Mode.ALWAYS_ZERO, "TOTAL >= SEX", cell("T", "TOTAL", null), cell("T", "SEX", 12.0)), nullValue());
  }

  @Test
  void minusTermsSubtract() {
    assertThat(evaluate(Mode.NON_NULL, "SEX = TOTAL - LAB_SERV", cell("T", "TOTAL", 10.0), cell("T", "SEX", 7.0), cell("T", "LAB_SERV", 3.0)), nullValue());
  }

  @Test
  void theFindingOfOneFormAboveAllFormsNamesBothCells() {
    List<Finding> f = engine.hierarchical("MT", List.of(cell("F", "TOTAL", 4.0), cell("F", "SEX", 6.0)));
    assertThat(f.stream().map(Finding::message).toList(), contains("SEX = 6 victims of one form of exploitation, more than the 4 victims of all forms (TOTAL)"));
    assertThat(f.get(0).hint(), is("A victim is counted once in all forms and once in each form suffered: one form cannot count more victims than all forms. "
        + "Check both cells: TOTAL = 4 (mt.csv:3), SEX = 6 (mt.csv:3)."));
    assertThat(f.get(0).key(), is("MT.2020.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.NR"));
  }

  @Test
  void oneFormAboveAllFormsIsNotReportedAsSeveralFormsPerVictim() {
    Hierarchies h = new Hierarchies(TestData.ref());
    List<String> ids = h.check("MT", List.of(cell("T", "TOTAL", 4.0), cell("T", "SEX", 6.0), cell("T", "LAB_SERV", 1.0)))
        .stream().map(Finding::ruleId).toList();
    assertThat(ids.contains("MULTI_FORM"), is(false));
  }

  @Test
  void relationsThatAreNotVtlAreRefused() {
    for (String bad : List.of("TOTAL", "TOTAL == SEX", "TOTAL >= SEX +", "TOTAL >= SEX LAB_SERV", "TOTAL >= + + SEX")) {
      org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> HierarchicalRuleset.Rule.parse("R", bad, "X"), bad);
    }
    assertThat(HierarchicalRuleset.Rule.parse("R", "TOTAL >= SEX - LAB_SERV", "X").text(), is("TOTAL >= SEX - LAB_SERV"));
  }
}
