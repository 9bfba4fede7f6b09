package eu.thbstat.aggregate;

import static eu.thbstat.aggregate.Cells.concat;
import static eu.thbstat.aggregate.Cells.forms;
import static eu.thbstat.aggregate.Cells.key;
import static eu.thbstat.testing.TestData.cell;
import static eu.thbstat.testing.TestData.value;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import eu.thbstat.harmonise.Release;
import eu.thbstat.harmonise.ReleaseSteps;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.reference.AggregationSettings.FlagMethod;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EU aggregates from hand-made national figures. The 2022 figures reproduce Eurostat's published
 * EU arithmetic (news release ddn-20240124-1, domain reference section 3.2): 10 093 registered
 * victims, of whom 4 014 sexual exploitation, 3 990 forced labour or services, 1 699 other forms
 * (9 703 with a known form). Germany's figures are its real 2022 figures (1 495: 476 sexual, 1 019
 * labour, no other form); France, Italy and Spain are invented so that the four add up to the
 * published EU totals, and hold 57.8 % of the EU population.
 */
class EuAggregatesTest {
  private static final List<Observation> NATIONAL_2022 = concat(
      forms("DE", 2022, "d", 1495, 476, 1019, 0, 0),
      forms("FR", 2022, "", 3200, 1500, 900, 600, 200),
      forms("IT", 2022, "", 2900, 1200, 1100, 500, 100),
      forms("ES", 2022, "", 2498, 838, 971, 599, 90));

  private static List<Observation> release(ReferenceData ref, List<Observation> national) {
    return ReleaseSteps.apply(ref, new Release(national, List.of(), List.of(), List.of())).observations();
  }

  @Test
  void eu2022SharesByFormAreTakenOnTheVictimsWithAKnownForm() {
    List<Observation> cube = release(TestData.ref(), NATIONAL_2022);
    assertThat(value(cube, key("EU27_2020", 2022, "T", "TOTAL", "NR")), is(10093.0));
    assertThat(value(cube, key("EU27_2020", 2022, "T", "SEX", "NR")), is(4014.0));
    assertThat(value(cube, key("EU27_2020", 2022, "T", "LAB_SERV", "NR")), is(3990.0));
    assertThat(value(cube, key("EU27_2020", 2022, "T", "ORG_OTH", "NR")), is(1699.0));
    assertThat(value(cube, key("EU27_2020", 2022, "T", "UNK", "NR")), is(390.0));
    double sexual = value(cube, key("EU27_2020", 2022, "T", "SEX", "PC"));
    double labour = value(cube, key("EU27_2020", 2022, "T", "LAB_SERV", "PC"));
    double other = value(cube, key("EU27_2020", 2022, "T", "ORG_OTH", "PC"));
    assertThat(sexual, closeTo(4014 * 100.0 / 9703, 1e-9));
    assertThat(ReleaseWriter.format(sexual, 1), is("41.4"));
    assertThat(ReleaseWriter.format(labour, 1), is("41.1"));
    assertThat(ReleaseWriter.format(other, 1), is("17.5"));
    assertThat(ReleaseWriter.format(sexual + labour, 1), is("82.5")); // "approximately 82 %"
    assertThat(cell(cube, key("EU27_2020", 2022, "T", "UNK", "PC")).isPresent(), is(false));
    // on all 10 093 victims the share would be 39.8 %, not what Eurostat publishes
    assertThat(ReleaseWriter.format(4014 * 100.0 / 10093, 1), is("39.8"));
    // the same rule for each country: Germany 476 of 1 495
    assertThat(ReleaseWriter.format(value(cube, key("DE", 2022, "T", "SEX", "PC")), 1), is("31.8"));
  }

  @Test
  void anAggregateIsTheSumOfItsReportingCountriesWithTheirCoverage() {
    ReferenceData ref = TestData.ref();
    EuAggregates.Result r = new EuAggregates(ref).compute(NATIONAL_2022);
    EuAggregates.Aggregate total = r.aggregates().stream()
        .filter(a -> a.cell().key().equals(key("EU27_2020", 2022, "T", "TOTAL", "NR"))).findFirst().orElseThrow();
    assertThat(total.coverage().countries(), contains("DE", "ES", "FR", "IT"));
    assertThat(total.coverage().members(), is(27));
    long reporting = 83_237_124L + 47_486_843 + 68_091_703 + 59_030_133;
    assertThat(total.coverage().populationReporting(), is(reporting));
    assertThat(total.coverage().populationEu(), is(445_972_024L)); // EU27_2020 on 1 January 2022, seeds
    assertThat(ReleaseWriter.format(total.coverage().share(), 4), is("0.5782"));
    assertThat(total.coverage().published(), is(true));
    assertThat(total.cell().origin(), is(Origin.AGGREGATED));
    assertThat(total.cell().location(), is("coverage.csv:" + total.coverage().line()));
    // the rate is on the population of the reporting countries, not on the whole EU
    List<Observation> cube = release(ref, NATIONAL_2022);
    assertThat(value(cube, key("EU27_2020", 2022, "T", "TOTAL", "P_MHAB")), closeTo(10093.0 / reporting * 1e6, 1e-9));
    assertThat(ReleaseWriter.format(value(cube, key("EU27_2020", 2022, "T", "TOTAL", "P_MHAB")), 1), is("39.1"));
    assertThat(value(cube, key("EU27_2020", 2022, "T", "TOTAL", "P_HTHAB")), closeTo(10093.0 / reporting * 1e5, 1e-9));
  }

  @Test
  void belowTheCoverageThresholdAnAggregateIsComputedButNotPublished() {
    List<Observation> twoCountries = concat(forms("DE", 2022, "d", 1495, 476, 1019, 0, 0), forms("FR", 2022, "", 3200, 1500, 900, 600, 200));
    EuAggregates.Result r = new EuAggregates(TestData.ref()).compute(twoCountries);
    EuAggregates.Coverage c = r.aggregates().get(0).coverage();
    // (83 237 124 + 68 091 703) / 445 972 024 = 0.3393 < 0.5
    assertThat(ReleaseWriter.format(c.share(), 4), is("0.3393"));
    assertThat(c.published(), is(false));
    assertThat(r.published(), empty());
    List<Observation> cube = release(TestData.ref(), twoCountries);
    assertThat(cube.stream().filter(o -> o.key().get(0).startsWith("EU")).toList(), empty());
    // with the threshold lowered to a third, it is
    assertThat(new EuAggregates(Cells.with(TestData.ref().aggregation().withCoverage(0.33, 2))).compute(twoCountries).published().size(), is(5));
    assertThat(new EuAggregates(Cells.with(TestData.ref().aggregation().withCoverage(0.33, 3))).compute(twoCountries).published(), empty());
  }

  @Test
  void theEuOfTheYearDecidesWhoCountsTheUnitedKingdomUpTo2019Only() {
    ReferenceData ref = Cells.anyCoverage();
    List<Observation> cells = concat(
        forms("DE", 2019, "", 470, 427, 43), forms("UK", 2019, "", 9330),
        forms("DE", 2020, "", 479, 406, 73), forms("UK", 2020, "", 9720),
        forms("NO", 2020, "", 50));
    List<Observation> cube = release(ref, cells);
    assertThat(value(cube, key("EU28", 2019, "T", "TOTAL", "NR")), is(470.0 + 9330));
    assertThat(cell(cube, key("EU27_2020", 2019, "T", "TOTAL", "NR")).isPresent(), is(false));
    assertThat(value(cube, key("EU27_2020", 2020, "T", "TOTAL", "NR")), is(479.0));
    assertThat(cell(cube, key("EU28", 2020, "T", "TOTAL", "NR")).isPresent(), is(false));
  }

  @Test
  void flagsFollowTheConfiguredMethod() {
    ReferenceData weighted = TestData.ref();
    assertThat(new EuAggregates(weighted).compute(NATIONAL_2022).aggregates().get(0).cell().flags(), is(""));
    ReferenceData hierarchy = Cells.with(weighted.aggregation().withFlags(FlagMethod.HIERARCHY, "bdfespnu", 0.5));
    assertThat(new EuAggregates(hierarchy).compute(NATIONAL_2022).aggregates().get(0).cell().flags(), is("d"));
    // weighted: Germany's d marks an aggregate it makes up more than half of (1 495 of 1 595)
    List<Observation> germanMajority = concat(forms("DE", 2022, "d", 1495), forms("LU", 2022, "", 100));
    assertThat(new EuAggregates(weighted).compute(germanMajority).aggregates().get(0).cell().flags(), is("d"));
  }

  @Test
  void aNonReportingMemberIsEstimatedFromItsLastRateWhenEstimationIsOn() {
    ReferenceData ref = Cells.with(TestData.ref().aggregation().withCoverage(0, 1).withEstimation(true, 3));
    List<Observation> cells = concat(forms("DE", 2021, "", 1000), forms("FR", 2021, "", 600), forms("DE", 2022, "", 1495));
    EuAggregates.Aggregate a = new EuAggregates(ref).compute(cells).aggregates().stream()
        .filter(x -> x.cell().key().get(1).equals("2022")).findFirst().orElseThrow();
    // France 2022 = 600 / 67 728 568 (2021) x 68 091 703 (2022)
    double france = 600.0 / 67_728_568 * 68_091_703;
    assertThat(a.cell().value(), closeTo(1495 + france, 1e-9));
    assertThat(a.cell().flags(), is("s"));
    assertThat(a.coverage().countries(), contains("DE"));
    assertThat(a.coverage().estimated(), contains("FR"));
    assertThat(a.coverage().populationRate(), is(83_237_124L + 68_091_703));
    // coverage (and the threshold) count reporting countries only
    assertThat(a.coverage().populationReporting(), is(83_237_124L));
    // off by default
    assertThat(new EuAggregates(TestData.ref()).compute(cells).aggregates().stream()
        .filter(x -> x.cell().key().get(1).equals("2022")).findFirst().orElseThrow().cell().value(), is(1495.0));
    // too old an observation is not used
    ReferenceData oneYear = Cells.with(ref.aggregation().withEstimation(true, 1));
    List<Observation> old = concat(forms("FR", 2020, "", 600), forms("DE", 2022, "", 1495));
    assertThat(new EuAggregates(oneYear).compute(old).aggregates().stream()
        .filter(x -> x.cell().key().get(1).equals("2022")).findFirst().orElseThrow().coverage().estimated(), empty());
  }
}
