package eu.thbstat.release;

import static eu.thbstat.testing.TestData.victims;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.model.SubmissionAction;
import eu.thbstat.testing.TestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Revisions cell by cell, and which earlier cells carry forward into a new release. */
class RevisionsAndCarryForwardTest {
  private static Observation cell(CellKey key, Double value, String flags, String file, long line) {
    return new Observation(key, value, flags, List.of(), Origin.REPORTED, file, line);
  }

  private static final CellKey NL22_T = victims("NL", 2022, "T", "TOTAL", "TOTAL", "TOTAL");
  private static final CellKey NL22_F = victims("NL", 2022, "F", "TOTAL", "TOTAL", "TOTAL");
  private static final CellKey NL22_M = victims("NL", 2022, "M", "TOTAL", "TOTAL", "TOTAL");
  private static final CellKey NL22_UNK = victims("NL", 2022, "UNK", "TOTAL", "TOTAL", "TOTAL");
  private static final CellKey NL21_T = victims("NL", 2021, "T", "TOTAL", "TOTAL", "TOTAL");
  private static final CellKey DE22_T = victims("DE", 2022, "T", "TOTAL", "TOTAL", "TOTAL");

  @Test
  void changedValuesAreFlaggedRevisedAndEveryChangeIsListedWithOldAndNewValues() {
    List<Observation> before = List.of(cell(NL22_T, 1167.0, "", "a.csv", 2), cell(NL22_F, 800.0, "p", "a.csv", 3),
        cell(NL22_M, 367.0, "", "a.csv", 4), cell(NL21_T, null, "", "a.csv", 5));
    List<Observation> after = List.of(cell(NL22_T, 1170.0, "", "b.csv", 2), cell(NL22_F, 800.0, "", "b.csv", 3),
        cell(NL22_UNK, 3.0, "", "b.csv", 5), cell(NL21_T, 1100.0, "", "b.csv", 6));
    Revisions.Result r = Revisions.compare(TestData.ref().model(), before, after);
    assertThat(r.revisions().stream().map(v -> v.key().get(4) + v.key().get(1) + " " + v.change()
        + " " + (v.before() == null ? "-" : v.before().value()) + " -> " + (v.after() == null ? "-" : v.after().value())).toList(),
        contains("T2021 CHANGED null -> 1100.0", "F2022 FLAGS 800.0 -> 800.0", "M2022 REMOVED 367.0 -> -",
            "T2022 CHANGED 1167.0 -> 1170.0", "UNK2022 ADDED - -> 3.0"));
    Map<CellKey, String> flags = new java.util.HashMap<>();
    r.cells().forEach(o -> flags.put(o.key(), o.flags()));
    assertThat(flags.get(NL22_T), is("r"));
    assertThat(flags.get(NL21_T), is("r"));
    assertThat(flags.get(NL22_F), is(""));
    assertThat(flags.get(NL22_UNK), is(""));
    assertThat(r.counts().get(Revisions.Change.CHANGED), is(2L));
  }

  @Test
  void valuesAreComparedAsPublishedRoundedToTheirUnit() {
    CellKey rate = NL22_T.with(8, "P_HTHAB");
    Revisions.Result r = Revisions.compare(TestData.ref().model(),
        List.of(new Observation(rate, 6.6301, "", List.of(), Origin.COMPUTED, "a.csv", 2)),
        List.of(new Observation(rate, 6.6349, "", List.of(), Origin.COMPUTED, "a.csv", 2)));
    assertThat(r.revisions(), is(List.of()));
  }

  private final CarryForward carry = new CarryForward(TestData.ref().model());
  private final List<Observation> previous = List.of(cell(NL22_T, 1167.0, "r", "NL/a.csv", 2), cell(NL22_F, 800.0, "", "NL/a.csv", 3),
      cell(NL21_T, 1000.0, "", "NL/a.csv", 9), cell(DE22_T, 1495.0, "", "DE/d.csv", 7),
      new Observation(NL21_T.with(8, "P_HTHAB"), 5.7, "", List.of(), Origin.COMPUTED, "NL/a.csv", 9));

  private List<String> carried(List<CellKey> newKeys, List<SubmissionAction> actions) {
    return carry.carried("0001-abc", previous, newKeys, actions, Map.of(NL22_T.toString(), "")).stream()
        .map(o -> o.key().get(0) + o.key().get(1) + o.key().get(4) + " " + o.file() + ":" + o.line() + " " + o.flags()).toList();
  }

  @Test
  void aNewSubmissionForACountryAndYearReplacesTheEarlierOneAndTheRestCarriesForward() {
    // NL sends 2022 again (only the total): NL 2022 F is gone, NL 2021 and DE 2022 carry forward; rates never carry
    assertThat(carried(List.of(NL22_T), List.of()), containsInAnyOrder("NL2021T [0001-abc]NL/a.csv:9 ", "DE2022T [0001-abc]DE/d.csv:7 "));
  }

  @Test
  void mergeReplacesOnlyTheCellsGivenReplaceAndDeleteActOnTheirScope() {
    SubmissionAction merge = new SubmissionAction("M", NL22_T, "NL/b.csv", 2);
    // merged: NL 2022 T comes anew, NL 2022 F stays; the revision flag r it had as published is dropped (as read: no flag)
    assertThat(carried(List.of(NL22_T), List.of(merge)),
        containsInAnyOrder("NL2022F [0001-abc]NL/a.csv:3 ", "NL2021T [0001-abc]NL/a.csv:9 ", "DE2022T [0001-abc]DE/d.csv:7 "));
    CellKey allNl2021 = new CellKey(List.of("NL", "2021", "*", "*", "*", "*", "*", "*", "*"));
    SubmissionAction delete = new SubmissionAction("D", allNl2021, "NL/b.csv", 3);
    assertThat(carried(List.of(NL22_T), List.of(merge, delete)),
        containsInAnyOrder("NL2022F [0001-abc]NL/a.csv:3 ", "DE2022T [0001-abc]DE/d.csv:7 "));
    SubmissionAction replaceDe = new SubmissionAction("R", new CellKey(List.of("DE", "*", "*", "*", "*", "*", "*", "*", "*")), "DE/e.csv", 1);
    assertThat(carried(List.of(), List.of(replaceDe)), containsInAnyOrder("NL2022T [0001-abc]NL/a.csv:2 ", "NL2022F [0001-abc]NL/a.csv:3 ",
        "NL2021T [0001-abc]NL/a.csv:9 "));
  }

  @Test
  void aCarriedCellKeepsTheReleaseThatReadIt() {
    Observation twice = cell(DE22_T, 1495.0, "", "[0001-abc]DE/d.csv", 7);
    List<Observation> out = carry.carried("0002-def", List.of(twice), List.of(), List.of(), Map.of());
    assertThat(out.get(0).file(), is("[0001-abc]DE/d.csv"));
  }
}
