package eu.thbstat.aggregate;

import static eu.thbstat.aggregate.Cells.count;
import static eu.thbstat.aggregate.Cells.key;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import eu.thbstat.harmonise.Release;
import eu.thbstat.harmonise.ReleaseSteps;
import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.ProtectionSettings;
import eu.thbstat.reference.ProtectionSettings.Check;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Small-count protection on hand-made cubes, each suppression checked by hand. */
class ProtectionTest {

  /** National cells with their rates (as CountryHarmoniser adds them), through ReleaseSteps, protected. */
  private static Protection.Result protect(ReferenceData ref, List<Observation> national) {
    List<Observation> withRates = new ArrayList<>(national);
    withRates.addAll(new Rates(ref).compute(national).rates());
    List<Observation> cube = ReleaseSteps.apply(ref, new Release(withRates, List.of(), List.of(), List.of())).observations();
    return new Protection(ref).protect(cube, new EuAggregates(ref).compute(cube).aggregates());
  }

  private static Map<String, String> reasons(Protection.Result r) {
    Map<String, String> m = new TreeMap<>();
    r.suppressed().forEach((k, s) -> m.put(k.get(0) + " " + k.get(4) + " " + k.get(7), s.reason().name()));
    return m;
  }

  private static Observation publicCell(Protection.Result r, CellKey key) {
    return r.publicCells().stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow();
  }

  /** Victims by sex (F, M, UNK, T) of one country-year, exploitation TOTAL. */
  private static List<Observation> bySex(String geo, int year, double f, double m, double unk) {
    return List.of(
        count(geo, year, "F", "TOTAL", "TOTAL", "TOTAL", f, ""), count(geo, year, "M", "TOTAL", "TOTAL", "TOTAL", m, ""),
        count(geo, year, "UNK", "TOTAL", "TOTAL", "TOTAL", unk, ""), count(geo, year, "T", "TOTAL", "TOTAL", "TOTAL", f + m + unk, ""));
  }

  @Test
  void aSmallCountAndTheCheapestCellThatWouldRevealItAreSuppressed() {
    // F = 2 is below min_count 3; T = F + M + UNK would give it back: M (40) goes too, not the 0
    Protection.Result r = protect(TestData.ref(), bySex("LU", 2022, 2, 40, 0));
    assertThat(reasons(r), is(Map.of("LU F TOTAL", "PRIMARY", "LU M TOTAL", "SECONDARY_SINGLE_EQUATION")));
    Observation f = publicCell(r, key("LU", 2022, "F", "TOTAL", "NR"));
    assertThat(f.value(), nullValue());
    assertThat(f.flags(), is("c"));
    assertThat(publicCell(r, key("LU", 2022, "T", "TOTAL", "NR")).value(), is(42.0));
    assertThat(publicCell(r, key("LU", 2022, "UNK", "TOTAL", "NR")).value(), is(0.0));
    // the rate of the published total stays; the shares of F and M, taken on F + M, go
    assertThat(publicCell(r, key("LU", 2022, "T", "TOTAL", "P_MHAB")).value() != null, is(true));
    assertThat(publicCell(r, key("LU", 2022, "F", "TOTAL", "PC")).value(), nullValue());
    assertThat(publicCell(r, key("LU", 2022, "M", "TOTAL", "PC")).value(), nullValue());
    assertThat(publicCell(r, key("LU", 2022, "M", "TOTAL", "PC")).flags(), is("c"));
  }

  @Test
  void withoutAvoidingZerosTheZeroIsTheCheapest() {
    ProtectionSettings s = TestData.ref().protection();
    ReferenceData ref = Cells.with(new ProtectionSettings(s.minCount(), s.keepInputConfidential(), s.check(), false));
    assertThat(reasons(protect(ref, bySex("LU", 2022, 2, 40, 0))), is(Map.of("LU F TOTAL", "PRIMARY", "LU UNK TOTAL", "SECONDARY_SINGLE_EQUATION")));
  }

  @Test
  void theMinimumCountAndAConfidentialFlagOfTheInputAreParameters() {
    assertThat(protect(Cells.with(TestData.ref().protection().withMinCount(1)), bySex("LU", 2022, 2, 40, 0)).suppressed().isEmpty(), is(true));
    assertThat(reasons(protect(Cells.with(TestData.ref().protection().withMinCount(50)), bySex("LU", 2022, 2, 40, 0))).get("LU M TOTAL"), is("PRIMARY"));
    List<Observation> flagged = new ArrayList<>(bySex("LU", 2022, 20, 40, 0));
    flagged.set(0, count("LU", 2022, "F", "TOTAL", "TOTAL", "TOTAL", 20, "c"));
    assertThat(reasons(protect(TestData.ref(), flagged)).get("LU F TOTAL"), is("CONFIDENTIAL_IN_INPUT"));
  }

  /**
   * Germany 2020 as its file gives it (by sex: F, M, T and, for the two forms only, UNK; by form:
   * SEX and LAB_SERV). UNK x SEX = 2 is confidential. Suppressing one more cell in every equation
   * that holds it is not enough: the sex equation of the totals, 479 = 399 + 78 + UNK x TOTAL, gives
   * UNK x TOTAL = 2, and the form equation of UNK, UNK x TOTAL = UNK x SEX + UNK x LAB_SERV (0),
   * gives UNK x SEX = 479 - 399 - 78 - 0 = 2 again.
   */
  private static final List<Observation> GERMANY_2020 = List.of(
      count("DE", 2020, "F", "TOTAL", "TOTAL", "LAB_SERV", 18, "d"), count("DE", 2020, "F", "TOTAL", "TOTAL", "SEX", 381, "d"),
      count("DE", 2020, "F", "TOTAL", "TOTAL", "TOTAL", 399, "d"), count("DE", 2020, "M", "TOTAL", "TOTAL", "LAB_SERV", 55, "d"),
      count("DE", 2020, "M", "TOTAL", "TOTAL", "SEX", 23, "d"), count("DE", 2020, "M", "TOTAL", "TOTAL", "TOTAL", 78, "d"),
      count("DE", 2020, "T", "TOTAL", "TOTAL", "LAB_SERV", 73, "d"), count("DE", 2020, "T", "TOTAL", "TOTAL", "SEX", 406, "d"),
      count("DE", 2020, "T", "TOTAL", "TOTAL", "TOTAL", 479, "d"), count("DE", 2020, "UNK", "TOTAL", "TOTAL", "LAB_SERV", 0, "d"),
      count("DE", 2020, "UNK", "TOTAL", "TOTAL", "SEX", 2, "d"));

  @Test
  void singleEquationSafetyLeavesACombinationOfTwoTablesThatGivesTheCellBack() {
    ReferenceData ref = Cells.with(TestData.ref().protection().withCheck(Check.SINGLE_EQUATION));
    Protection.Result r = protect(ref, GERMANY_2020);
    CellKey unkSex = key("DE", 2020, "UNK", "SEX", "NR");
    assertThat(r.suppressed().containsKey(unkSex), is(true));
    Attacker attacker = new Attacker(ref, r.publicCells(), List.of());
    assertThat(attacker.singleEquation(unkSex), is(false));
    assertThat(attacker.linearlyDetermined().contains(unkSex), is(true));
    // the attack by hand, from published cells only
    double t = value(r, key("DE", 2020, "T", "TOTAL", "NR"));
    double f = value(r, key("DE", 2020, "F", "TOTAL", "NR"));
    double m = value(r, key("DE", 2020, "M", "TOTAL", "NR"));
    double unkLabour = value(r, key("DE", 2020, "UNK", "LAB_SERV", "NR"));
    assertThat(t - f - m - unkLabour, is(2.0));
  }

  @Test
  void theLinearCheckSuppressesACellOfThatCombinationToo() {
    Protection.Result r = protect(TestData.ref(), GERMANY_2020);
    Protection.Suppression linear = r.suppressed().values().stream()
        .filter(s -> s.reason() == Protection.Reason.SECONDARY_LINEAR).findFirst().orElseThrow();
    // the cheapest published cell of 479 - 399 - 78 - 0: the 78 males (the 0 is avoided)
    assertThat(linear.key(), is(key("DE", 2020, "M", "TOTAL", "NR")));
    assertThat(linear.protects(), is(key("DE", 2020, "UNK", "SEX", "NR")));
    assertThat(linear.attack(), is("DE.2020.PER_VICT.TOTAL.UNK.TOTAL.TOTAL.SEX.NR = -DE.2020.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.NR"
        + " - DE.2020.PER_VICT.TOTAL.M.TOTAL.TOTAL.TOTAL.NR + DE.2020.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR"
        + " - DE.2020.PER_VICT.TOTAL.UNK.TOTAL.TOTAL.LAB_SERV.NR"));
    Attacker attacker = new Attacker(TestData.ref(), r.publicCells(), List.of());
    assertThat(attacker.linearlyDetermined().stream().filter(r.suppressed()::containsKey).toList(), empty());
    for (CellKey k : r.suppressed().keySet()) {
      double[] b = attacker.bounds(k);
      assertThat(k + " bounds " + b[0] + ".." + b[1], b[1] - b[0] > 0.5, is(true));
    }
  }

  @Test
  void anEuAggregateLinksTheCountriesItAddsUp() {
    // LU F = 2 (primary); within Luxembourg, M = 40 goes with it. The EU27_2020 aggregates would
    // give both back (EU F 32 - MT F 30, EU M 75 - MT M 35): MT F and MT M go too, and Malta's
    // own T = F + M + UNK then has two unknowns
    List<Observation> national = new ArrayList<>(bySex("LU", 2022, 2, 40, 0));
    national.addAll(bySex("MT", 2022, 30, 35, 5));
    ReferenceData ref = Cells.with(Cells.anyCoverage().aggregation());
    Protection.Result r = protect(ref, national);
    assertThat(r.suppressed().containsKey(key("LU", 2022, "F", "TOTAL", "NR")), is(true));
    assertThat(r.suppressed().keySet().stream().filter(k -> k.get(0).equals("MT") || k.get(0).startsWith("EU")).map(k -> k.get(0) + " " + k.get(4)).toList(),
        contains("MT F", "MT M"));
    assertThat(r.suppressed().get(key("MT", 2022, "F", "TOTAL", "NR")).attack(), containsString("EU aggregate EU27_2020.2022.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.NR = sum of LU MT"));
    // the EU totals stay published
    assertThat(value(r, key("EU27_2020", 2022, "F", "TOTAL", "NR")), is(32.0));
    assertThat(value(r, key("EU27_2020", 2022, "T", "TOTAL", "NR")), is(112.0));
  }

  @Test
  void anEstimateLinksAnAggregateToTheEarlierYearItComesFrom() {
    // estimation on: Luxembourg does not report 2022, so EU 2022 = MT 2022 + LU 2021 x 645 397 /
    // 634 730 (its population in 2022 and 2021). LU 2021 = 2 is confidential: EU 2021 - MT 2021
    // would give it, and so would (EU 2022 - MT 2022) x 634 730 / 645 397: both MT cells go
    ReferenceData ref = Cells.with(Cells.anyCoverage().aggregation().withEstimation(true, 3));
    List<Observation> national = Cells.concat(Cells.forms("LU", 2021, "", 2), Cells.forms("MT", 2021, "", 20), Cells.forms("MT", 2022, "", 30));
    Protection.Result r = protect(ref, national);
    assertThat(r.suppressed().keySet().stream().map(k -> k.get(0) + " " + k.get(1)).toList(), contains("LU 2021", "MT 2021", "MT 2022"));
    assertThat(r.suppressed().get(key("MT", 2022, "T", "TOTAL", "NR")).attack(), containsString("= sum of MT and estimates of LU"));
    Observation eu2022 = publicCell(r, key("EU27_2020", 2022, "T", "TOTAL", "NR"));
    assertThat(eu2022.value(), org.hamcrest.Matchers.closeTo(30 + 2 * 645_397.0 / 634_730, 1e-9));
    assertThat(eu2022.flags(), is("s"));
    // left: EU 2021 = LU 2021 + MT 2021 and EU 2022 = MT 2022 + 1.0168 x LU 2021, three unknowns
    // in two equations, each unknown in a direction (1, -1, -1.0168) no combination removes
  }

  @Test
  void theRestrictedCubeKeepsExactValues() {
    List<Observation> national = bySex("LU", 2022, 2, 40, 0);
    List<Observation> cube = ReleaseSteps.apply(TestData.ref(), new Release(national, List.of(), List.of(), List.of())).observations();
    new Protection(TestData.ref()).protect(cube, List.of());
    assertThat(TestData.value(cube, key("LU", 2022, "F", "TOTAL", "NR")), is(2.0));
  }

  private static double value(Protection.Result r, CellKey key) {
    Double v = publicCell(r, key).value();
    if (v == null) {
      throw new AssertionError(key + " is suppressed");
    }
    return v;
  }
}
