package eu.thbstat.questionnaire;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import eu.thbstat.harmonise.Release;
import eu.thbstat.model.CellKey;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * sample-inputs/MT/MT_questionnaire_2019-2024.xlsx: the questionnaire of {@code thbstat template}
 * filled in with Malta's real figures (NSO Malta, SDG 16.2.2; domain reference 4.5(c)). The
 * committed workbook must be exactly what {@link #workbook()} writes; run this test with
 * -Dthbstat.regenerate=true to write it again after a change of the questionnaire's layout.
 */
class MaltaSampleTest {
  static final Path FILE = TestData.sampleInputs().resolve("MT/MT_questionnaire_2019-2024.xlsx");
  static final List<Integer> YEARS = List.of(2019, 2020, 2021, 2022, 2023, 2024);

  /** Year, total, female, male, 18+, 0-17, Maltese, other EU, non-EU, forced labour, sexual, other. */
  static final int[][] NSO = {
    {2019, 9, 6, 3, 9, 0, 0, 0, 9, 8, 1, 0},
    {2020, 12, 12, 0, 9, 3, 3, 2, 7, 6, 7, 3},
    {2021, 4, 4, 0, 4, 0, 0, 0, 4, 2, 2, 1},
    {2022, 22, 19, 3, 22, 0, 0, 2, 20, 11, 12, 2},
    {2023, 6, 6, 0, 6, 0, 0, 1, 5, 0, 6, 0},
    {2024, 13, 13, 0, 13, 0, 0, 0, 13, 2, 12, 0},
  };

  static final String SOURCE = "Source: National Statistics Office Malta, SDG indicator 16.2.2 (NSOMalta/sdgdata, data/indicator_16-2-2.csv).";
  static final String MULTI = "A victim exploited in several forms is counted under each form: the forms add up to more than all victims in 2020, 2021, 2022 and 2024.";

  private static CellKey victims(int year, String sex, String age, String citizen, String exploitation) {
    return TestData.victims("MT", year, sex, age, citizen, exploitation);
  }

  /** The workbook: the template with the NSO figures and two footnotes. */
  static byte[] workbook() {
    Map<CellKey, Observation> cells = new HashMap<>();
    for (int[] r : NSO) {
      int y = r[0];
      String eu = TestData.ref().seeds().euOf(y).code();
      put(cells, victims(y, "T", "TOTAL", "TOTAL", "TOTAL"), r[1]);
      put(cells, victims(y, "F", "TOTAL", "TOTAL", "TOTAL"), r[2]);
      put(cells, victims(y, "M", "TOTAL", "TOTAL", "TOTAL"), r[3]);
      put(cells, victims(y, "T", "Y_GE18", "TOTAL", "TOTAL"), r[4]);
      put(cells, victims(y, "T", "Y_LT18", "TOTAL", "TOTAL"), r[5]);
      put(cells, victims(y, "T", "TOTAL", "NAT", "TOTAL"), r[6]);
      put(cells, victims(y, "T", "TOTAL", eu + "_FOR", "TOTAL"), r[7]);
      put(cells, victims(y, "T", "TOTAL", "N" + eu + "_FOR", "TOTAL"), r[8]);
      put(cells, victims(y, "T", "TOTAL", "TOTAL", "LAB_SERV"), r[9]);
      put(cells, victims(y, "T", "TOTAL", "TOTAL", "SEX"), r[10]);
      put(cells, victims(y, "T", "TOTAL", "TOTAL", "ORG_OTH"), r[11]);
    }
    List<QuestionnaireLayout.Footnote> notes = List.of(
        new QuestionnaireLayout.Footnote(null, null, Map.of(), SOURCE),
        new QuestionnaireLayout.Footnote("VICT_EXPLOITATION", null, Map.of(), MULTI));
    return QuestionnaireWriter.write(TestData.ref(), "MT", YEARS, new QuestionnaireWriter.Contents(cells, Map.of(), List.of(), notes));
  }

  private static void put(Map<CellKey, Observation> cells, CellKey key, int value) {
    cells.put(key, new Observation(key, (double) value, "", List.of(), Origin.REPORTED, "NSO", 0));
  }

  @Test
  void theCommittedWorkbookIsWhatTheTemplateFilledInWithTheNsoFiguresGives() throws IOException {
    byte[] fresh = workbook();
    if (Boolean.getBoolean("thbstat.regenerate")) {
      Files.createDirectories(FILE.getParent());
      Files.write(FILE, fresh);
    }
    assertThat("regenerate with -Dthbstat.regenerate=true", Files.readAllBytes(FILE), equalTo(fresh));
  }

  @Test
  void maltaHarmonisesToTheNsoFiguresWithMultiFormWarningsOnly() {
    Release mt = TestData.harmonise(FILE);
    assertThat(mt.quarantine(), empty());
    // forms above the total in 2020 (6 + 7 + 3 = 16 > 12), 2021 (5 > 4), 2022 (25 > 22), 2024 (14 > 13)
    assertThat(mt.findings().stream().map(f -> f.ruleId() + " " + f.severity() + " " + f.key().split("\\.")[1]).toList(), contains(
        "MULTI_FORM WARNING 2020", "MULTI_FORM WARNING 2021", "MULTI_FORM WARNING 2022", "MULTI_FORM WARNING 2024"));
    Finding f2022 = mt.findings().get(2);
    assertThat(f2022.message(), is("Forms of exploitation SEX + LAB_SERV + ORG_OTH add up to 25, more than the 22 victims of TOTAL"));
    Map<String, Observation> cells = new HashMap<>();
    mt.observations().forEach(o -> cells.put(o.key().toString(), o));
    assertThat(cells.get("MT.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR").value(), is(22.0));
    assertThat(cells.get("MT.2022.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.NR").value(), is(19.0));
    assertThat(cells.get("MT.2020.PER_VICT.TOTAL.T.Y_LT18.TOTAL.TOTAL.NR").value(), is(3.0));
    assertThat(cells.get("MT.2019.PER_VICT.TOTAL.T.TOTAL.NEU28_FOR.TOTAL.NR").value(), is(9.0));
    assertThat(cells.get("MT.2022.PER_VICT.TOTAL.T.TOTAL.EU27_2020_FOR.TOTAL.NR").value(), is(2.0));
    assertThat(cells.get("MT.2024.PER_VICT.TOTAL.T.TOTAL.TOTAL.SEX.NR").value(), is(12.0));
    assertThat(cells.get("MT.2022.PER_VICT.TOTAL.UNK.TOTAL.TOTAL.TOTAL.NR").value(), is((Double) null));
    assertThat(cells.get("MT.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.SEX.NR").footnotes().size(), is(2));
    // 2022: 22 victims, population on 1 January 2022 520 174: 4.23 per 100 000
    assertThat(eu.thbstat.output.ReleaseWriter.format(cells.get("MT.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.P_HTHAB").value(), 2), is("4.23"));
    assertThat(mt.files().get(0).recordsRead(), is(6L * (16 + 4 + 16 + 2 + 3 * 20)));
  }
}
