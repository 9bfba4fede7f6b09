package eu.thbstat.harmonise;

import static eu.thbstat.testing.TestData.cell;
import static eu.thbstat.testing.TestData.value;
import static eu.thbstat.testing.TestData.victims;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.model.Severity;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.testing.TestData;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real open-SDG files of Germany and the United Kingdom, harmonised: the figures asserted are
 * those of the files as published (see sample-inputs/README.md), not values the code produced.
 */
class RealInputsTest {
  private static Release de;
  private static Release uk;

  @BeforeAll
  static void harmonise() {
    de = TestData.harmonise(TestData.sampleInputs().resolve("DE/DE_indicator_16-2-2.csv"));
    uk = TestData.harmonise(TestData.sampleInputs().resolve("UK/UK_indicator_16-2-2.csv"));
  }

  @Test
  void germany2022() {
    List<Observation> cells = de.observations();
    assertThat(value(cells, victims("DE", 2022, "T", "TOTAL", "TOTAL", "TOTAL")), is(1495.0));
    assertThat(value(cells, victims("DE", 2022, "T", "TOTAL", "TOTAL", "LAB_SERV")), is(1019.0));
    assertThat(value(cells, victims("DE", 2022, "T", "TOTAL", "TOTAL", "SEX")), is(476.0));
    assertThat(value(cells, victims("DE", 2022, "F", "TOTAL", "TOTAL", "TOTAL")), is(719.0));
    assertThat(value(cells, victims("DE", 2022, "UNK", "TOTAL", "TOTAL", "LAB_SERV")), is(6.0));
    // children victims of sexual exploitation: 13 and younger 7 + 14 to under 18 49
    Observation children = cell(cells, victims("DE", 2022, "T", "Y_LT18", "TOTAL", "SEX")).orElseThrow();
    assertThat(children.value(), is(56.0));
    assertThat(children.origin(), is(Origin.DERIVED));
    assertThat(value(cells, victims("DE", 2022, "T", "Y_GE18", "TOTAL", "SEX")), is(96.0 + 91 + 223));
  }

  @Test
  void germanRatePer100000In2022RoundsToThePublished180() {
    Observation rate = cell(de.observations(), TestData.key("DE", "2022", "PER_VICT", "TOTAL", "T", "TOTAL", "TOTAL", "TOTAL", "P_HTHAB")).orElseThrow();
    assertThat(ReleaseWriter.format(rate.value(), 2), is("1.80"));
    Observation labour = cell(de.observations(), TestData.key("DE", "2022", "PER_VICT", "TOTAL", "T", "TOTAL", "TOTAL", "LAB_SERV", "P_HTHAB")).orElseThrow();
    assertThat(ReleaseWriter.format(labour.value(), 2), is("1.22"));
  }

  @Test
  void germanFlagsFootnotesAndNotAvailable() {
    List<Observation> cells = de.observations();
    // "r" (revised) in COMMENT_OBS_0 of line 270; d: persons counted per recording, identified only
    Observation total2023 = cell(cells, victims("DE", 2023, "T", "TOTAL", "TOTAL", "TOTAL")).orElseThrow();
    assertThat(total2023.value(), is(611.0));
    assertThat(total2023.flags(), is("dr"));
    assertThat(total2023.line(), is(270L));
    // the "|" breaks of the file (2013, 2024) mark the rate rows only, which are excluded
    assertThat(cell(cells, victims("DE", 2013, "T", "TOTAL", "TOTAL", "TOTAL")).orElseThrow().flags(), is("d"));
    Observation unknownSex2010 = cell(cells, victims("DE", 2010, "UNK", "TOTAL", "TOTAL", "LAB_SERV")).orElseThrow();
    assertThat(unknownSex2010.value(), nullValue()); // "." in the file: not available
    assertThat(value(cells, victims("DE", 2014, "UNK", "TOTAL", "TOTAL", "LAB_SERV")), is(0.0)); // known none
    Observation labour2022 = cell(cells, victims("DE", 2022, "T", "TOTAL", "TOTAL", "LAB_SERV")).orElseThrow();
    assertThat(labour2022.footnotes(), hasItem("DE-destatis-sdg#2"));
    assertThat(TestData.ref().footnotes().get("DE-destatis-sdg#2").text(), is("Conclusion of two major cases in 2022."));
  }

  @Test
  void germanyIsCleanAndTheRatesRowsAreExcludedWithTheirReason() {
    // no finding below level 3: only year-on-year changes (see validation.LevelThreeTest)
    assertThat(de.findings().stream().filter(f -> f.level() < 3).toList(), empty());
    assertThat(de.quarantine(), empty());
    assertThat(de.files().get(0).recordsRead(), is(510L));
    assertThat(de.files().get(0).recordsExcluded(), is(255L));
    assertThat(de.files().get(0).excludedByReason().keySet().iterator().next(), containsString("recomputes rates"));
  }

  @Test
  void unitedKingdom2021() {
    List<Observation> cells = uk.observations();
    assertThat(value(cells, victims("UK", 2021, "T", "TOTAL", "TOTAL", "TOTAL")), is(11387.0));
    Observation children = cell(cells, victims("UK", 2021, "T", "Y_LT18", "TOTAL", "TOTAL")).orElseThrow();
    assertThat(children.value(), is(725.0 + 3405.0));
    assertThat(children.origin(), is(Origin.DERIVED));
    assertThat(value(cells, victims("UK", 2021, "F", "Y_LT18", "TOTAL", "TOTAL")), is(197.0 + 652.0));
    assertThat(cell(cells, victims("UK", 2021, "T", "TOTAL", "TOTAL", "TOTAL")).orElseThrow().flags(), is("d")); // presumed victims only
  }

  @Test
  void theUkFileHasRealInconsistenciesAndTheyAreReported() {
    // 2011: 674 in total, but its age bands (38 + 130 + 171 + 191 + 76 + 46 + 9 + 0 + 0 + 1) add up to 662
    Finding f = uk.findings().stream()
        .filter(x -> x.ruleId().equals("HIERARCHY_SUM") && x.key().equals("UK.2011.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR"))
        .findFirst().orElseThrow();
    assertThat(f.severity(), is(Severity.ERROR));
    assertThat(f.line(), is(4L));
    assertThat(f.message(), is("age TOTAL = 674 but its components Y_LT18 + Y_GE18 + UNK add up to 662"));
    // no population on 1 January 2021 in the seeds: no rate, and a note saying so
    assertThat(uk.findings().stream().map(Finding::ruleId).toList(), hasItem("POPULATION_MISSING"));
    assertThat(uk.quarantine(), empty());
  }
}
