package eu.thbstat.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import eu.thbstat.ingest.FileResult;
import eu.thbstat.ingest.SubmissionProcessor;
import eu.thbstat.testing.TestData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code thbstat template}: the empty questionnaire, and what it refuses. */
class TemplateCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int thbstat(String... args) {
    return Thbstat.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void writesTheQuestionnaireThatTheXlsxMappingReads(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("forms/MT_questionnaire.xlsx");
    int code = thbstat("template", "--home", TestData.home().toString(), "--country", "MT", "--years", "2019-2024", "--out", file.toString());
    assertThat(err.toString(), code, is(0));
    assertThat(out.toString(), containsString("Questionnaire for MT, 2019-2024, written to"));
    assertThat(out.toString(), containsString("sheets INSTRUCTIONS, VICT_SEX_AGE, VICT_CITIZEN, VICT_EXPLOITATION, VICT_STATUS, SUSP_SEX_CITIZEN, PRSC_SEX_CITIZEN, CNV_SEX_CITIZEN, DEFINITIONS"));
    FileResult r = new SubmissionProcessor(TestData.ref()).process("MT/MT_questionnaire.xlsx", Files.readAllBytes(file));
    assertThat(r.report().mappingId(), is("MT-nso-questionnaire"));
    assertThat(r.findings().size(), is(0));
    assertThat(r.report().recordsRead(), is(6L * 98));
  }

  @Test
  void anUnknownCountryOrBadYearsCannotRun(@TempDir Path dir) {
    assertThat(thbstat("template", "--home", TestData.home().toString(), "--country", "XX", "--out", dir.resolve("x.xlsx").toString()), is(2));
    assertThat(err.toString(), containsString("XX is not a geo code of seeds/geo.csv"));
    assertThat(thbstat("template", "--home", TestData.home().toString(), "--years", "2024-2019", "--out", dir.resolve("x.xlsx").toString()), is(2));
    assertThat(err.toString(), containsString("--years must run forwards within 2008-2030"));
    assertThat(thbstat("template", "--home", TestData.home().toString(), "--years", "last year", "--out", dir.resolve("x.xlsx").toString()), is(2));
    assertThat(Files.exists(dir.resolve("x.xlsx")), is(false));
  }

  @Test
  void helpListsTheTemplateCommand() {
    assertThat(thbstat("--help"), is(0));
    assertThat(out.toString(), containsString("template"));
  }
}
