package eu.thbstat.aggregate;

import static eu.thbstat.aggregate.Cells.key;
import static eu.thbstat.testing.TestData.cell;
import static eu.thbstat.testing.TestData.value;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import eu.thbstat.harmonise.LocalHarmoniser;
import eu.thbstat.harmonise.Release;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rates of the real German and UK files against a hand computation: the counts as the files give
 * them (see RealInputsTest) over the population on 1 January in seeds/population.csv, typed in
 * here from that file. Every aggregate is published (coverage threshold 0), so that Germany and
 * the United Kingdom make an EU28 aggregate for 2019 though they hold 29 % of its population.
 */
class RealInputsRatesTest {
  private static List<Observation> cube;
  private static List<Finding> findings;

  @BeforeAll
  static void harmonise() {
    List<LocalHarmoniser.Input> inputs = List.of("DE/DE_indicator_16-2-2.csv", "UK/UK_indicator_16-2-2.csv").stream()
        .map(f -> {
          Path p = TestData.sampleInputs().resolve(f);
          return new LocalHarmoniser.Input(p.getFileName().toString(), TestData.bytes(p), null);
        }).toList();
    Release release = new LocalHarmoniser(Cells.anyCoverage()).harmonise(inputs);
    cube = release.observations();
    findings = release.findings();
  }

  private static String rate(String geo, int year, String unit, int decimals) {
    return ReleaseWriter.format(value(cube, key(geo, year, "T", "TOTAL", unit)), decimals);
  }

  @Test
  void germany() {
    // 470 victims in 2019 / 83 019 213 inhabitants; 1 495 in 2022 / 83 237 124
    assertThat(value(cube, key("DE", 2019, "T", "TOTAL", "P_MHAB")), closeTo(470 / 83_019_213.0 * 1e6, 1e-12));
    assertThat(rate("DE", 2019, "P_MHAB", 1), is("5.7"));
    assertThat(rate("DE", 2019, "P_HTHAB", 2), is("0.57"));
    assertThat(rate("DE", 2022, "P_MHAB", 1), is("18.0"));
    assertThat(rate("DE", 2022, "P_HTHAB", 2), is("1.80"));
  }

  @Test
  void unitedKingdomUpTo2020AndNoRateFor2021() {
    // 9 330 victims in 2019 / 66 647 112; 9 720 in 2020 / 67 025 542
    assertThat(value(cube, key("UK", 2019, "T", "TOTAL", "P_MHAB")), closeTo(9330 / 66_647_112.0 * 1e6, 1e-12));
    assertThat(rate("UK", 2019, "P_MHAB", 1), is("140.0"));
    assertThat(rate("UK", 2019, "P_HTHAB", 2), is("14.00"));
    assertThat(rate("UK", 2020, "P_MHAB", 1), is("145.0"));
    assertThat(rate("UK", 2020, "P_HTHAB", 2), is("14.50"));
    // seeds/population.csv has no UK population after 2020: no rate, and a note saying so
    assertThat(value(cube, key("UK", 2021, "T", "TOTAL", "NR")), is(11387.0));
    assertThat(cell(cube, key("UK", 2021, "T", "TOTAL", "P_MHAB")).isPresent(), is(false));
    assertThat(findings.stream().filter(f -> f.ruleId().equals("POPULATION_MISSING")).map(Finding::message).toList(), contains(
        "No population on 1 January 2021 for UK in seeds/population.csv: rates are not computed"));
  }

  @Test
  void eu28In2019IsGermanyAndTheUnitedKingdomOverTheirOwnPopulation() {
    assertThat(value(cube, key("EU28", 2019, "T", "TOTAL", "NR")), is(470.0 + 9330));
    assertThat(value(cube, key("EU28", 2019, "T", "TOTAL", "P_MHAB")), closeTo(9800 / (83_019_213.0 + 66_647_112) * 1e6, 1e-12));
    assertThat(rate("EU28", 2019, "P_MHAB", 1), is("65.5"));
    // both files carry d (definitions differ): the aggregate does too, by any flagr method
    assertThat(cell(cube, key("EU28", 2019, "T", "TOTAL", "NR")).orElseThrow().flags(), is("d"));
    // from 2020 the United Kingdom is not in the EU: EU27_2020 is Germany alone
    assertThat(value(cube, key("EU27_2020", 2021, "T", "TOTAL", "NR")), is(564.0));
    assertThat(rate("EU27_2020", 2021, "P_MHAB", 1), is(rate("DE", 2021, "P_MHAB", 1)));
  }
}
