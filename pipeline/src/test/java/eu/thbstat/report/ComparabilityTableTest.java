package eu.thbstat.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** T8 with the comparability grades of a release's comparability.csv (as the validation writes it). */
class ComparabilityTableTest {

  @Test
  void gradesAndTheirReasonsComeFromComparabilityCsv(@TempDir Path dir) throws IOException {
    Path release = ReportTestData.sampleRelease();
    try (Stream<Path> files = Files.walk(release)) {
      for (Path p : files.toList()) {
        Path target = dir.resolve(release.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Files.writeString(dir.resolve("comparability.csv"), String.join("\n",
        "geo,time,table,grade,grade_label,cells_asked,cells_given,cells_not_available,reasons,explanation",
        "DE,2022,VICT_SEX_AGE,B,comparable with caveats,16,3,0,IDENTIFIED_ONLY INCOMPLETE,"
            + "Only formally identified victims are counted; Not every cell of the table is given (3 of 16 cells)",
        "DE,2022,VICT_EXPLOITATION,B,comparable with caveats,20,11,0,IDENTIFIED_ONLY INCOMPLETE,"
            + "Only formally identified victims are counted (again); Not every cell of the table is given (11 of 20 cells)",
        "DE,2022,VICT_CITIZEN,N,no cell of the table given,5,0,0,NOT_PROVIDED,No cell given",
        "DE,2022,RATES,C,not comparable,,2,0,CASES_PER_RECORDING,A person recorded more than once is counted once per recording",
        "DE,2019,VICT_SEX_AGE,C,not comparable,16,3,0,OLD,Outside the period",
        "NL,2022,VICT_SEX_AGE,A,comparable,16,16,0,,",
        ""));
    ReportContext ctx = ReportTestData.context(dir, "2021-2022");
    RenderedTable t8 = ReportWriter.table(ctx, ctx.defs().table("T8"));
    RenderedTable.Row de = t8.rows().stream().filter(r -> r.codes().equals(List.of("DE"))).findFirst().orElseThrow();
    int grade = t8.columns().size() - 2;
    assertThat(de.cells().get(grade).text(), equalTo("B comparable with caveats; C not comparable"));
    String notes = de.cells().get(grade + 1).text();
    assertThat(notes, containsString("Only formally identified victims are counted."));
    assertThat(notes, containsString("A person recorded more than once is counted once per recording."));
    assertThat(notes, not(containsString("Outside the period")));
    // each reason once, by its id; completeness (INCOMPLETE, omit_reasons of T8) is left to T7
    assertThat(notes, not(containsString("(again)")));
    assertThat(notes, not(containsString("Not every cell")));
    assertThat(notes, not(containsString("No cell given")));
    RenderedTable.Row nl = t8.rows().stream().filter(r -> r.codes().equals(List.of("NL"))).findFirst().orElseThrow();
    assertThat(nl.cells().get(grade).text(), equalTo("A comparable"));
    RenderedTable.Row el = t8.rows().stream().filter(r -> r.codes().equals(List.of("EL"))).findFirst().orElseThrow();
    assertThat(el.cells().get(grade).text(), equalTo(":"));
  }
}
