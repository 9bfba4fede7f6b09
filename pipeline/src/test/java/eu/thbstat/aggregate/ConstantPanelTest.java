package eu.thbstat.aggregate;

import static eu.thbstat.aggregate.Cells.concat;
import static eu.thbstat.aggregate.Cells.count;
import static eu.thbstat.aggregate.Cells.key;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import eu.thbstat.model.Observation;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Changes on the constant panel, as Eurostat states them: "taking into account the countries that
 * provided data for both 2020 and 2021, the number of suspected traffickers in 2021 increased by
 * 12.5 %". The national figures are hand-made.
 */
class ConstantPanelTest {

  private static Observation total(String geo, int year, double value) {
    return count(geo, year, "T", "TOTAL", "TOTAL", "TOTAL", value, "");
  }

  private static ConstantPanel.Change change(ReferenceData ref, List<Observation> cells, int toYear) {
    return new ConstantPanel(ref).compute(cells).stream()
        .filter(c -> c.key().equals(key(ref.seeds().euOf(toYear).code(), toYear, "T", "TOTAL", "NR")))
        .findFirst().orElseThrow();
  }

  @Test
  void aCountryMissingOneYearIsLeftOutOfTheChange() {
    // Germany 100 -> 112, France 60 -> 68, Italy reports 2021 only (300): the panel is DE FR,
    // 160 -> 180 = +12.5 %; the naive EU totals (160 -> 480) would claim +200 %
    List<Observation> cells = List.of(total("DE", 2020, 100), total("DE", 2021, 112), total("FR", 2020, 60), total("FR", 2021, 68), total("IT", 2021, 300));
    ConstantPanel.Change c = change(TestData.ref(), cells, 2021);
    assertThat(c.panel(), contains("DE", "FR"));
    assertThat(c.fromYear(), is(2020));
    assertThat(c.from(), is(160.0));
    assertThat(c.to(), is(180.0));
    assertThat(c.percent(), closeTo(12.5, 1e-12));
    assertThat(c.increased(), is(2));
    assertThat(c.decreased(), is(0));
    // (83 155 031 + 67 728 568) / 445 891 011: a third of the EU, below the 0.5 of aggregation.yaml
    assertThat(ReleaseWriter.format(c.populationShare(), 4), is("0.3384"));
    assertThat(c.published(), is(false));
    assertThat(change(Cells.anyCoverage(), cells, 2021).published(), is(true));
  }

  @Test
  void aNotAvailableValueAlsoLeavesTheCountryOut() {
    List<Observation> cells = concat(
        List.of(total("DE", 2020, 100), total("DE", 2021, 112)),
        List.of(new Observation(TestData.victims("FR", 2020, "T", "TOTAL", "TOTAL", "TOTAL"), null, "", List.of(), eu.thbstat.model.Origin.REPORTED, "FR.csv", 1), total("FR", 2021, 68)));
    ConstantPanel.Change c = change(TestData.ref(), cells, 2021);
    assertThat(c.panel(), contains("DE"));
    assertThat(c.percent(), closeTo(12.0, 1e-12));
  }

  @Test
  void from2019To2020ThePanelIsTheEu27SoTheUnitedKingdomIsLeftOut() {
    List<Observation> cells = List.of(total("DE", 2019, 470), total("DE", 2020, 479), total("UK", 2019, 9330), total("UK", 2020, 10613));
    ConstantPanel.Change c = change(TestData.ref(), cells, 2020);
    assertThat(c.key().get(0), is("EU27_2020"));
    assertThat(c.panel(), contains("DE"));
    assertThat(c.percent(), closeTo((479 - 470) * 100.0 / 470, 1e-12));
    // 2018 to 2019 is within EU28: the United Kingdom counts
    List<Observation> earlier = List.of(total("DE", 2018, 430), total("DE", 2019, 470), total("UK", 2018, 6993), total("UK", 2019, 9330));
    assertThat(change(TestData.ref(), earlier, 2019).panel(), contains("DE", "UK"));
  }

  @Test
  void noChangeFromZero() {
    ConstantPanel.Change c = change(TestData.ref(), List.of(total("DE", 2020, 0), total("DE", 2021, 5)), 2021);
    assertThat(c.percent(), nullValue());
    assertThat(ReleaseWriter.format(c.percent(), 1), is(":"));
  }
}
