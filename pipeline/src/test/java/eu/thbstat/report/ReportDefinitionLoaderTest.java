package eu.thbstat.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.thbstat.reference.ReferenceDataException;
import eu.thbstat.report.ReportDefinitions.Axis;
import eu.thbstat.report.ReportDefinitions.ChartType;
import eu.thbstat.report.ReportDefinitions.Kind;
import eu.thbstat.report.ReportDefinitions.TableDef;
import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDefinitionLoaderTest {

  @Test
  void theRepositoryDefinesTablesT1ToT8ChartsAndKeyFigures() {
    ReportDefinitions defs = ReportTestData.defs();
    assertThat(defs.tables().stream().map(TableDef::id).toList(), contains("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8"));
    assertThat(defs.charts().stream().map(c -> c.id() + ":" + c.type()).toList(),
        contains("C1:" + ChartType.STACKED_BARS, "C2:" + ChartType.GROUPED_BARS, "C3:" + ChartType.STACKED_BARS));
    assertThat(defs.sections().get(0), equalTo(ReportDefinitions.KEY_FIGURES));
    assertThat(defs.sections().size(), equalTo(12));
    TableDef t1 = defs.table("T1");
    assertThat(t1.filters().get("leg_stat"), equalTo("PER_VICT"));
    Axis rows = t1.rows().get(0);
    assertThat(rows.dimensions(), contains("geo"));
    assertThat(rows.codes(), contains(List.of(Axis.COUNTRIES), List.of(Axis.EU)));
    assertThat(t1.columns().get(1).codes(), contains(List.of("NR"), List.of("P_MHAB")));
    Axis composite = defs.table("T3").columns().get(1);
    assertThat(composite.dimensions(), contains("sex", "unit"));
    assertThat(composite.codes().get(4), contains("F", "PC"));
    assertThat(composite.labels().get("F PC"), equalTo("Women, girls (%)"));
    assertThat(defs.table("T7").kind(), equalTo(Kind.AVAILABILITY));
    assertThat(defs.table("T8").concepts(), contains("counting_unit", "victim_status", "reference_event", "age_basis"));
    assertThat(defs.keyFigures().figures().size(), equalTo(9));
    assertThat(defs.keyFigures().figures().get(1).values().keySet(), contains("sexual", "labour", "other"));
    assertThat(defs.flagLabels().get("d"), equalTo("definition differs (see metadata)"));
  }

  @Test
  void aBadDefinitionIsNamedByFileAndLineWithEveryProblemAtOnce(@TempDir Path home) throws IOException {
    copy(TestData.home().resolve("reports"), home.resolve("reports"));
    Files.createDirectories(home.resolve("schemas"));
    Files.copy(TestData.home().resolve("schemas/flags.yaml"), home.resolve("schemas/flags.yaml"));
    Files.writeString(home.resolve("reports/tables/T9.yaml"), String.join("\n",
        "id: T9",
        "title: Broken",
        "filters: {leg_stat: PER_VICTIM, colour: red}",
        "rows:",
        "  - {dimension: geo, codes: [COUNTRIES, XX]}",
        "columns:",
        "  - {dimension: time}",
        "  - {dimension: sex, codes: [F, W]}",
        "sort: {by: size}",
        "footnotes: everywhere",
        "colour: blue",
        ""));
    Files.writeString(home.resolve("reports/tables/T10.yaml"), String.join("\n",
        "id: T10",
        "kind: availability",
        "title: Availability of what is not asked",
        "collection_tables: [VICT_SEX_AGE, NO_SUCH_TABLE]",
        ""));
    Files.writeString(home.resolve("reports/tables/T11.yaml"), String.join("\n",
        "id: T11",
        "kind: comparability",
        "title: Comparability of colours",
        "concepts: [counting_unit, colour]",
        ""));
    Files.writeString(home.resolve("reports/report.yaml"),
        Files.readString(home.resolve("reports/report.yaml")) + "  - T99\n");
    Files.writeString(home.resolve("reports/key-figures.yaml"),
        Files.readString(home.resolve("reports/key-figures.yaml")) + String.join("\n",
            "  - id: broken",
            "    label: Broken",
            "    sentence: \"{victims} victims and {nope} ({coverage}).\"",
            "    values:",
            "      victims: {measure: share, cells: {leg_stat: PER_VICT}, along: sex, part: X}",
            ""));

    ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReportDefinitionLoader.load(home, TestData.ref()));
    String m = e.getMessage();
    assertThat(m, containsString("13 problem(s) in the report definitions"));
    assertThat(m, containsString("reports/tables/T9.yaml:3: /filters/leg_stat: \"PER_VICTIM\" is not a code of the leg_stat code list [PER_VICT, PER_SUSP, PER_PRSC, PER_CNV]"));
    assertThat(m, containsString("reports/tables/T9.yaml:3: /filters/colour: colour is not a dimension of schemas/dimensions.yaml"));
    assertThat(m, containsString("reports/tables/T9.yaml:5: /rows/0/codes/1: \"XX\" is not a geo code of seeds/geo.csv"));
    assertThat(m, containsString("reports/tables/T9.yaml:8: /columns/1/codes/1: \"W\" is not a code of the sex code list [T, F, M, UNK]"));
    assertThat(m, containsString("reports/tables/T9.yaml:3: /filters: dimension unit has no total: fix it in filters or put it on an axis"));
    assertThat(m, containsString("reports/tables/T9.yaml:9: /sort/by: \"size\" is not one of [code, label, value]"));
    assertThat(m, containsString("reports/tables/T9.yaml:10: /footnotes: \"everywhere\" is not one of [cell, table, none]"));
    assertThat(m, containsString("reports/tables/T9.yaml:11: /colour: unknown key \"colour\""));
    assertThat(m, containsString("reports/tables/T10.yaml:4: /collection_tables/1: NO_SUCH_TABLE is not a table of schemas/tables.yaml"));
    assertThat(m, containsString("reports/tables/T11.yaml:4: /concepts/1: colour is not a concept of schemas/definitions.yaml"));
    assertThat(m, containsString("reports/report.yaml:22: /sections/12: T99 is neither a table of reports/tables nor a chart of reports/charts nor key-figures"));
    assertThat(m, containsString("reports/key-figures.yaml:64: /figures/9/values/victims/part: \"X\" is not a code of the sex code list"));
    assertThat(m, containsString("reports/key-figures.yaml:62: /figures/9/sentence: {nope} is not a placeholder here"));
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
