package eu.thbstat.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseReaderTest {
  private static final String HEADER = "geo,time,leg_stat,victim_status,sex,age,citizen,exploitation,unit,obs_value,obs_flag,footnotes,origin,source\n";

  private static ReleaseReader reader() {
    return new ReleaseReader(TestData.ref().model());
  }

  private static Path release(Path dir, String cube) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("cube.csv"), HEADER + cube);
    return dir;
  }

  @Test
  void aFolderWithCubeCsvIsTheRelease(@TempDir Path dir) throws IOException {
    release(dir, "DE,2022,PER_VICT,TOTAL,T,TOTAL,TOTAL,TOTAL,NR,1495,d,DE#1,REPORTED,DE.csv:3\n");
    Files.writeString(dir.resolve("footnotes.csv"), "id,country,text\nDE#1,DE,'=not a formula\n");
    ReleaseData data = reader().read(dir, false);
    assertThat(data.cubeFile(), equalTo("cube.csv"));
    var cell = data.cell(TestData.victims("DE", 2022, "T", "TOTAL", "TOTAL", "TOTAL")).orElseThrow();
    assertThat(cell.value(), equalTo(1495.0));
    assertThat(cell.flags(), equalTo("d"));
    assertThat(cell.footnotes(), contains("DE#1"));
    assertThat(data.footnotes().get("DE#1").text(), equalTo("=not a formula"));
  }

  @Test
  void aLatestPointerNamesTheRelease(@TempDir Path releases) throws IOException {
    release(releases.resolve("2026-01-15"), "NL,2022,PER_VICT,TOTAL,T,TOTAL,TOTAL,TOTAL,NR,1167,,,REPORTED,\n");
    Files.writeString(releases.resolve("latest"), "2026-01-15\n");
    assertThat(ReleaseReader.resolve(releases), equalTo(releases.resolve("2026-01-15")));
    Files.delete(releases.resolve("latest"));
    Files.createSymbolicLink(releases.resolve("latest"), Path.of("2026-01-15"));
    assertThat(reader().read(releases, false).cells().size(), equalTo(1));
  }

  @Test
  void aPublicCubeIsReadUnlessTheRestrictedOneIsAskedFor(@TempDir Path dir) throws IOException {
    release(dir, "NL,2022,PER_PRSC,_Z,F,TOTAL,TOTAL,TOTAL,NR,2,,,REPORTED,\n");
    Files.createDirectories(dir.resolve("public"));
    Files.writeString(dir.resolve("public/cube.csv"), HEADER + "NL,2022,PER_PRSC,_Z,F,TOTAL,TOTAL,TOTAL,NR,:,c,,REPORTED,\n");
    var key = TestData.key("NL", "2022", "PER_PRSC", "_Z", "F", "TOTAL", "TOTAL", "TOTAL", "NR");
    ReleaseData pub = reader().read(dir, false);
    assertThat(pub.cubeFile(), equalTo("public/cube.csv"));
    assertThat(pub.cell(key).orElseThrow().value(), equalTo(null));
    assertThat(pub.cell(key).orElseThrow().flags(), equalTo("c"));
    assertThat(reader().read(dir, true).cell(key).orElseThrow().value(), equalTo(2.0));
  }

  @Test
  void coverageOfEuAggregatesIsRead(@TempDir Path dir) throws IOException {
    release(dir, "");
    Files.writeString(dir.resolve("coverage.csv"), "geo,time,leg_stat,victim_status,sex,age,citizen,exploitation,unit,"
        + "countries,n_countries,n_members,estimated,population_reporting,population_eu,population_share,published\n"
        + "EU27_2020,2022,PER_VICT,TOTAL,T,TOTAL,TOTAL,TOTAL,NR,PL NL DE EL,4,27,,148179184,446735291,0.3317,false\n");
    ReleaseData.Coverage c = reader().read(dir, false).coverage()
        .get(TestData.victims("EU27_2020", 2022, "T", "TOTAL", "TOTAL", "TOTAL"));
    assertThat(c.countries(), contains("DE", "EL", "NL", "PL"));
    assertThat(c.members(), equalTo(27));
    assertThat(c.populationShare(), equalTo(0.3317));
    assertThat(c.published(), equalTo(false));
  }

  @Test
  void whatIsNotAReleaseIsNamed(@TempDir Path dir) throws IOException {
    ReportException none = assertThrows(ReportException.class, () -> reader().read(dir, false));
    assertThat(none.getMessage(), containsString("not a release: it holds no cube.csv and no latest pointer"));
    Files.writeString(dir.resolve("latest"), "../elsewhere\n");
    ReportException outside = assertThrows(ReportException.class, () -> reader().read(dir, false));
    assertThat(outside.getMessage(), containsString("latest:1: \"../elsewhere\" does not name a release folder"));
    Files.delete(dir.resolve("latest"));
    release(dir, "DE,2022,PER_VICT,TOTAL,T,TOTAL,TOTAL,TOTAL,NR,1495,d,,REPORTED,\n"
        + "DE,2021,PER_VICT,TOTAL,T,TOTAL,TOTAL,TOTAL,NR,many,,,REPORTED,\n");
    ReportException bad = assertThrows(ReportException.class, () -> reader().read(dir, false));
    assertThat(bad.getMessage(), containsString("cube.csv:3: obs_value \"many\" is neither a number nor ':'"));
    Files.writeString(dir.resolve("cube.csv"), "geo,time\nDE,2022\n");
    ReportException columns = assertThrows(ReportException.class, () -> reader().read(dir, false));
    assertThat(columns.getMessage(), containsString("cube.csv:1: column \"leg_stat\" is missing"));
  }
}
