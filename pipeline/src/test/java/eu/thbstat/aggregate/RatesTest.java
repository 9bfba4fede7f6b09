package eu.thbstat.aggregate;

import static eu.thbstat.testing.TestData.victims;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatesTest {
  private final Rates rates = new Rates(TestData.ref());

  private static Observation count(String geo, int year, String sex, double value) {
    return new Observation(victims(geo, year, sex, "TOTAL", "TOTAL", "TOTAL"), value, "d", List.of("n1"), Origin.REPORTED, "f.csv", 3);
  }

  @Test
  void germany2022RoundsToThePublishedRate() {
    // 1 495 victims / 83 237 124 inhabitants on 1 January 2022 (seeds/population.csv)
    Rates.Result r = rates.compute(List.of(count("DE", 2022, "T", 1495)));
    assertThat(r.findings(), empty());
    Observation perHundredThousand = r.rates().get(1);
    assertThat(perHundredThousand.key().get(8), is("P_HTHAB"));
    assertThat(perHundredThousand.value(), closeTo(1495 / 83_237_124.0 * 100_000, 1e-12));
    assertThat(ReleaseWriter.format(perHundredThousand.value(), 2), is("1.80"));
    Observation perMillion = r.rates().get(0);
    assertThat(perMillion.key().get(8), is("P_MHAB"));
    assertThat(ReleaseWriter.format(perMillion.value(), 1), is("18.0"));
    assertThat(perMillion.flags(), is("d"));
    assertThat(perMillion.footnotes(), contains("n1"));
    assertThat(perMillion.origin(), is(Origin.COMPUTED));
  }

  @Test
  void noRateForAPartOfThePopulation() {
    assertThat(rates.compute(List.of(count("DE", 2022, "F", 719))).rates(), empty());
  }

  @Test
  void aMissingPopulationIsReportedOncePerCountryAndYear() {
    Rates.Result r = rates.compute(List.of(count("UK", 2021, "T", 11387), count("UK", 2021, "T", 11387)));
    assertThat(r.rates(), empty());
    assertThat(r.findings().stream().map(f -> f.ruleId() + " " + f.message()).toList(), contains(
        "POPULATION_MISSING No population on 1 January 2021 for UK in seeds/population.csv: rates are not computed"));
  }
}
