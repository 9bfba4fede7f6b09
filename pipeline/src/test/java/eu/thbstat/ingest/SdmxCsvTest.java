package eu.thbstat.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import eu.thbstat.harmonise.Release;
import eu.thbstat.model.Observation;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SDMX-CSV in (1.0 and 2.0, national codes, OBS_STATUS and OBS_FLAG) and out (cube.sdmx.csv), and the round trip. */
class SdmxCsvTest {
  @TempDir static Path dir;
  private static ReferenceData ref;

  /** Reads thbstat's own SDMX-CSV: everything left to the format's defaults. */
  private static final String OWN = """
      id: XX-own-sdmx
      country: DE
      files: ["cube.sdmx.csv"]
      format: sdmx-csv
      """;

  /** A national DSD: own column ids and codes, OBS_STATUS flags, one structure. */
  private static final String NATIONAL = """
      id: XX-national-sdmx
      country: AT
      files: ["AT_*.csv"]
      format: sdmx-csv
      sdmx: {structure_id: "AT:THB(1.0)"}
      constants: {leg_stat: PER_VICT, victim_status: TOTAL, citizen: TOTAL, exploitation: TOTAL, unit: NR}
      dimensions:
        geo: {column: REF_AREA}
        sex: {column: SEX, codes: {_T: T, F: F, M: M, _U: UNK}}
        age: {column: AGE, codes: {_T: TOTAL, Y_LT18: Y_LT18, Y_GE18: Y_GE18}}
      """;

  @BeforeAll
  static void load() {
    ref = ReferenceDataLoader.load(TestData.homeWith(dir, Map.of("XX-own-sdmx.yaml", OWN, "XX-national-sdmx.yaml", NATIONAL)));
  }

  private static FileResult read(String name, String text) {
    return new SubmissionProcessor(ref).process(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> rules(FileResult r) {
    return r.findings().stream().map(f -> f.ruleId() + "@" + f.line() + (f.column().isEmpty() ? "" : ":" + f.column())).toList();
  }

  private static String cell(Observation o) {
    return o.key() + "=" + (o.value() == null ? ":" : ReleaseWriter.format(o.value(), ref.model().decimals(o.key().get(8)))) + (o.flags().isEmpty() ? "" : " " + o.flags());
  }

  @Test
  void theCubeWrittenAsSdmxCsvReadsBackWithTheSameCellsAndFlags() {
    Release release;
    try (Stream<Path> files = java.nio.file.Files.walk(TestData.sampleInputs())) {
      release = TestData.harmonise(files.filter(java.nio.file.Files::isRegularFile).sorted().toArray(Path[]::new));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    byte[] sdmx = ReleaseWriter.render(release, TestData.ref(), new RunInfo("test", "test", "test")).get(ReleaseWriter.CUBE_SDMX_CSV);
    String text = new String(sdmx, StandardCharsets.UTF_8);
    assertThat(text.lines().findFirst().orElseThrow(), is(
        "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,GEO,LEG_STAT,VICTIM_STATUS,SEX,AGE,CITIZEN,EXPLOITATION,UNIT,TIME_PERIOD,OBS_VALUE,OBS_FLAG"));
    // hand-checked rows: Germany 2023 (611, revised, definitions differ), 2010 not available, 2022 rate 1.80
    assertThat(text, containsString("\ndataflow,THBSTAT:THB_CUBE(1.0),I,A,DE,PER_VICT,TOTAL,T,TOTAL,TOTAL,TOTAL,NR,2023,611,dr\n"));
    assertThat(text, containsString("\ndataflow,THBSTAT:THB_CUBE(1.0),I,A,DE,PER_VICT,TOTAL,UNK,TOTAL,TOTAL,LAB_SERV,NR,2010,,d\n"));
    assertThat(text, containsString("\ndataflow,THBSTAT:THB_CUBE(1.0),I,A,DE,PER_VICT,TOTAL,T,TOTAL,TOTAL,TOTAL,P_HTHAB,2022,1.80,d\n"));

    FileResult back = new SubmissionProcessor(ref).process("cube.sdmx.csv", sdmx);
    assertThat(back.findings(), empty());
    assertThat(back.quarantine(), empty());
    assertThat(back.observations().size(), is(release.observations().size()));
    assertThat(back.observations().stream().map(SdmxCsvTest::cell).toList(),
        equalTo(release.observations().stream().map(SdmxCsvTest::cell).toList()));
  }

  @Test
  void sdmxCsv20WithNationalCodesStatusFlagsLabelsAndActions() {
    FileResult r = read("AT_thb.csv", """
        STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,SEX: Sex,AGE,OBS_VALUE,OBS_STATUS
        dataflow,AT:THB(1.0),I,AT,2022,_T: Total,_T,120,A
        dataflow,AT:THB(1.0),I,AT,2022,F: Female,_T,80,P
        dataflow,AT:THB(1.0),I,AT,2022,M: Male,_T,NaN,M
        dataflow,AT:THB(1.0),D,AT,2022,_U: Unknown,_T,3,
        dataflow,AT:OTHER(1.0),I,AT,2022,_T: Total,Y_LT18,7,
        dataflow,AT:THB(1.0),I,AT,2022,_T: Total,Y_GE18,113,X
        """);
    assertThat(rules(r), contains("SDMX_ACTION_DELETE@5:ACTION", "SDMX_STRUCTURE_UNEXPECTED@6:STRUCTURE_ID", "FLAG_UNKNOWN@7:OBS_STATUS"));
    assertThat(r.observations().stream().map(SdmxCsvTest::cell).toList(), contains(
        "AT.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR=120",
        "AT.2022.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.NR=80 p",
        "AT.2022.PER_VICT.TOTAL.M.TOTAL.TOTAL.TOTAL.NR=: z",
        "AT.2022.PER_VICT.TOTAL.T.Y_GE18.TOTAL.TOTAL.NR=113"));
    assertThat(r.quarantine().size(), is(2));
    assertThat(r.report().recordsRead(), is(6L));
    assertThat(r.findings().get(1).message(), is("The row belongs to structure \"AT:OTHER(1.0)\", not to AT:THB(1.0) that mapping XX-national-sdmx reads"));
  }

  @Test
  void sdmxCsv10WithADataflowColumnAndObsFlagLetters() {
    FileResult r = read("cube.sdmx.csv", """
        DATAFLOW,GEO,TIME_PERIOD,LEG_STAT,VICTIM_STATUS,SEX,AGE,CITIZEN,EXPLOITATION,UNIT,OBS_VALUE,OBS_FLAG
        ESTAT:CRIM_THB(1.0),NL,2023,PER_SUSP,_Z,T,TOTAL,TOTAL,TOTAL,NR,276,bp
        ESTAT:CRIM_THB(1.0),NL,2023,PER_SUSP,_Z,F,TOTAL,TOTAL,TOTAL,NR,,
        """);
    assertThat(r.findings(), empty());
    assertThat(r.observations().stream().map(SdmxCsvTest::cell).toList(), contains(
        "NL.2023.PER_SUSP._Z.T.TOTAL.TOTAL.TOTAL.NR=276 bp", "NL.2023.PER_SUSP._Z.F.TOTAL.TOTAL.TOTAL.NR=:"));
  }

  @Test
  void aFileThatIsNotSdmxCsvIsRejectedWithOneFinding() {
    FileResult r = read("AT_plain.csv", "REF_AREA,TIME_PERIOD,SEX,AGE,OBS_VALUE\nAT,2022,_T,_T,5\n");
    assertThat(rules(r), contains("FILE_NOT_SDMX_CSV@1"));
    assertThat(r.findings().get(0).message(), containsString("its first column is \"REF_AREA\""));
    assertThat(r.report().status(), is("REJECTED"));
    assertThat(r.observations(), empty());
  }

  @Test
  void aMissingDimensionColumnIsNamed() {
    FileResult r = read("AT_nosex.csv", "STRUCTURE,STRUCTURE_ID,REF_AREA,TIME_PERIOD,AGE,OBS_VALUE\ndataflow,AT:THB(1.0),AT,2022,_T,5\n");
    assertThat(rules(r), contains("FILE_MISSING_COLUMN@1"));
    assertThat(r.findings().get(0).message(), is("Column \"SEX\" named by mapping XX-national-sdmx is not in the header"));
    assertThat(cellValue(r), nullValue());
  }

  private static Double cellValue(FileResult r) {
    return r.observations().isEmpty() ? null : r.observations().get(0).value();
  }
}
