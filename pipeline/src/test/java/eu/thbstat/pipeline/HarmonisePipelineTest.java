package eu.thbstat.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.thbstat.harmonise.LocalHarmoniser;
import eu.thbstat.harmonise.Release;
import eu.thbstat.output.CubeParquet;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.output.RunInfo;
import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline over sample-inputs/ on the DirectRunner. Expected figures come from the real
 * files as published and from sample-inputs/EXPECTED.md (figures computed when the synthetic files
 * were written), read back from the CSV the release holds.
 */
class HarmonisePipelineTest {
  private static final RunInfo RUN = new RunInfo("test", "DirectRunner", "sample-inputs");

  @TempDir static Path output;
  private static Map<String, CSVRecord> cube;
  private static JsonNode manifest;

  @BeforeAll
  static void runPipeline() throws IOException {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<String> written = HarmonisePipeline.build(p, TestData.ref(), TestData.sampleInputs().toString(), output.toString(), RUN);
    PAssert.that(written).containsInAnyOrder(
        "cube.csv", "cube.parquet", "cube.sdmx.csv", "findings.csv", "findings.json", "quarantine.csv", "footnotes.csv", "comparability.csv", "manifest.json",
        "coverage.csv", "changes.csv", "protection.csv", "public/cube.csv", "public/cube.parquet", "public/changes.csv", "public/coverage.csv");
    p.run().waitUntilFinish();
    cube = new HashMap<>();
    try (Reader r = Files.newBufferedReader(output.resolve("cube.csv"))) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        cube.put(String.join(".", rec.toList().subList(0, 9)), rec);
      }
    }
    manifest = new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
  }

  private static String value(String key) {
    CSVRecord r = cube.get(key);
    if (r == null) {
      throw new AssertionError("no cell " + key + " in cube.csv");
    }
    return r.get("obs_value");
  }

  @Test
  void realFiguresOfGermanyAndTheUnitedKingdom() {
    assertThat(value("DE.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR"), is("1495"));
    assertThat(value("DE.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.LAB_SERV.NR"), is("1019"));
    assertThat(value("DE.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.P_HTHAB"), is("1.80"));
    assertThat(value("UK.2021.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR"), is("11387"));
    assertThat(value("UK.2021.PER_VICT.TOTAL.T.Y_LT18.TOTAL.TOTAL.NR"), is("4130"));
    assertThat(value("DE.2010.PER_VICT.TOTAL.UNK.TOTAL.TOTAL.LAB_SERV.NR"), is(":"));
  }

  @Test
  void syntheticFiguresOfExpectedMd() {
    assertThat(value("NL.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR"), is("1167"));
    assertThat(value("NL.2022.PER_VICT.TOTAL.F.Y_LT18.TOTAL.TOTAL.NR"), is("208"));
    assertThat(value("NL.2021.PER_VICT.TOTAL.T.TOTAL.NEU27_2020_FOR.TOTAL.NR"), is("412"));
    assertThat(cube.get("NL.2023.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR").get("obs_flag"), is("p"));
    assertThat(value("EL.2019.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR"), is("171"));
    assertThat(value("EL.2023.PER_VICT.TOTAL.F.TOTAL.TOTAL.TOTAL.NR"), is("160"));
    assertThat(cube.get("EL.2021.PER_VICT.TOTAL.T.UNK.TOTAL.TOTAL.NR").get("obs_flag"), is("e"));
    assertThat(value("PL.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR"), is("348"));
    assertThat(value("PL.2022.PER_VICT.IDENT.T.TOTAL.TOTAL.TOTAL.NR"), is("212"));
    assertThat(value("PL.2022.PER_VICT.PRESUMED.T.TOTAL.TOTAL.TOTAL.NR"), is("136"));
    assertThat(value("PL.2020.PER_PRSC._Z.T.TOTAL.TOTAL.TOTAL.NR"), is("61"));
    // AT (SDMX-CSV 2.0, synthetic): "other EU" is EU28 in 2019, EU27_2020 from 2020; 2023 provisional
    assertThat(value("AT.2019.PER_VICT.TOTAL.T.TOTAL.EU28_FOR.TOTAL.NR"), is("92"));
    assertThat(value("AT.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR"), is("330"));
    assertThat(cube.get("AT.2023.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR").get("obs_flag"), is("p"));
    // MT (questionnaire, real NSO figures); a blank cell is not available
    assertThat(value("MT.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR"), is("22"));
    assertThat(value("MT.2020.PER_VICT.TOTAL.T.TOTAL.TOTAL.SEX.NR"), is("7"));
    assertThat(value("MT.2022.PER_VICT.TOTAL.UNK.TOTAL.TOTAL.TOTAL.NR"), is(":"));
    // counted from the case-level records of PT (EXPECTED.md)
    assertThat(value("PT.2019.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR"), is("16"));
    assertThat(value("PT.2019.PER_VICT.IDENT.T.TOTAL.TOTAL.TOTAL.NR"), is("9"));
    assertThat(value("PT.2019.PER_VICT.TOTAL.T.TOTAL.EU28_FOR.TOTAL.NR"), is("4"));
    assertThat(value("PT.2020.PER_VICT.TOTAL.T.TOTAL.NEU27_2020_FOR.TOTAL.NR"), is("9"));
    assertThat(value("PT.2020.PER_VICT.TOTAL.T.TOTAL.TOTAL.LAB_SERV.NR"), is("8"));
    assertThat(cube.get("PT.2020.PER_VICT.TOTAL.T.TOTAL.TOTAL.LAB_SERV.NR").get("origin"), is("COUNTED"));
    assertThat(cube.get("PT.2020.PER_VICT.TOTAL.T.TOTAL.TOTAL.LAB_SERV.NR").get("source"), is("PT/PT_otsh_casos_2019-2020.ndjson"));
  }

  @Test
  void theManifestReconcilesEveryFile() {
    JsonNode totals = manifest.path("totals");
    assertThat(totals.path("reconciled").asBoolean(), is(true));
    // AT (SDMX-CSV): 115 rows; MT (questionnaire): 6 years x 98 cells; PT: 34 case records, 2 excluded
    assertThat(totals.path("records_read").asLong(), is(510L + 80 + 152 + 140 + 429 + 115 + 588 + 34));
    assertThat(totals.path("excluded").asLong(), is(255L + 5 + 20 + 2));
    assertThat(totals.path("quarantined").asLong(), is(0L));
    assertThat(totals.path("harmonised").asLong(), is(255L + 75 + 152 + 120 + 429 + 115 + 588 + 32));
    List<String> statuses = new ArrayList<>();
    manifest.path("files").forEach(f -> statuses.add(f.path("file").asText() + " " + f.path("status").asText() + " " + f.path("reconciled").asBoolean()));
    assertThat(statuses, contains(
        "AT/AT_THB_2019-2023.sdmx.csv READ true",
        "DE/DE_indicator_16-2-2.csv READ true", "EL/EL_thb_victims_offenders_2019-2023.csv READ true", "EXPECTED.md IGNORED true",
        "MT/MT_questionnaire_2019-2024.xlsx READ true",
        "NL/NL_mensenhandel_2020-2023.csv READ true", "PL/PL_handel_ludzmi_2019-2023.csv READ true",
        "PT/PT_otsh_casos_2019-2020.ndjson READ true", "README.md IGNORED true",
        "UK/UK_indicator_16-2-2.csv READ true"));
  }

  @Test
  void findingsAreTheMultiFormWarningOfNlAndTheRealInconsistenciesOfTheUk() throws IOException {
    Map<String, Integer> byRuleAndCountry = new HashMap<>();
    try (Reader r = Files.newBufferedReader(output.resolve("findings.csv"))) {
      for (CSVRecord f : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        byRuleAndCountry.merge(f.get("rule") + " " + f.get("severity") + " " + f.get("country"), 1, Integer::sum);
      }
    }
    assertThat(byRuleAndCountry.keySet(), containsInAnyOrder(
        "MULTI_FORM WARNING NL", "MULTI_FORM WARNING MT", "HIERARCHY_SUM ERROR UK", "HIERARCHY_EXCEEDS ERROR UK", "POPULATION_MISSING INFO UK",
        // UK: children by sex (F + M derived from their age bands) against children of both sexes
        "TOTALS_DIFFER ERROR UK",
        // level 3: Germany's year-on-year changes, 2022 and 2023 explained by the mapping's 2022 footnotes
        "YOY_CHANGE WARNING DE", "YOY_CHANGE_EXPLAINED INFO DE",
        // level 4: victims by sex against the EU's: Germany (2022: 763 men, 719 women), the UK (mostly men)
        "SEX_DISTRIBUTION_DIFFERS INFO DE", "SEX_DISTRIBUTION_DIFFERS INFO UK",
        "MULTI_FORM WARNING PT", "CASE_MULTI_FORM INFO PT"));
    assertThat(byRuleAndCountry.get("MULTI_FORM WARNING NL"), is(1));
    // Malta's real forms exceed its totals in 2020, 2021, 2022 and 2024: warnings, not errors
    assertThat(byRuleAndCountry.get("MULTI_FORM WARNING MT"), is(4));
    // PT: 2 persons with several forms in 2019 and in 2020 (EXPECTED.md)
    assertThat(byRuleAndCountry.get("CASE_MULTI_FORM INFO PT"), is(2));
  }

  @Test
  void thePipelineWritesExactlyWhatTheSingleThreadedHarmoniserRenders() throws IOException {
    List<LocalHarmoniser.Input> inputs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TestData.sampleInputs())) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        inputs.add(new LocalHarmoniser.Input(TestData.sampleInputs().relativize(f).toString(), Files.readAllBytes(f), null));
      }
    }
    Release local = new LocalHarmoniser(TestData.ref()).harmonise(inputs);
    for (Map.Entry<String, byte[]> file : ReleaseWriter.render(local, TestData.ref(), RUN).entrySet()) {
      byte[] written = Files.readAllBytes(output.resolve(file.getKey()));
      // compared as text (Parquet as hex digest) so that a failure prints something readable
      assertThat(file.getKey(), readable(file.getKey(), written), equalTo(readable(file.getKey(), file.getValue())));
    }
  }

  private static String readable(String name, byte[] bytes) {
    return name.endsWith(".parquet") ? eu.thbstat.reference.ReferenceDataLoader.sha256(bytes) : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void theParquetCubeReadsBackWithTheSameCells() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<String> rows = p.apply(ParquetIO.read(CubeParquet.schema(TestData.ref().model())).from(output.resolve("cube.parquet").toString()))
        .apply(MapElements.into(TypeDescriptors.strings()).via((GenericRecord r) ->
            r.get("geo") + "." + r.get("time") + "." + r.get("leg_stat") + "." + r.get("victim_status") + "." + r.get("sex") + "."
                + r.get("age") + "." + r.get("citizen") + "." + r.get("exploitation") + "." + r.get("unit") + "=" + r.get("obs_value")))
        .setCoder(StringUtf8Coder.of());
    int expectedRows = cube.size();
    PAssert.that(rows).satisfies(all -> {
      List<String> list = ReadSubmissionsTest.list(all);
      assertThat(list.size(), is(expectedRows));
      assertThat(list.contains("DE.2022.PER_VICT.TOTAL.T.TOTAL.TOTAL.LAB_SERV.NR=1019.0"), is(true));
      assertThat(list.contains("DE.2010.PER_VICT.TOTAL.UNK.TOTAL.TOTAL.LAB_SERV.NR=null"), is(true));
      return null;
    });
    p.run().waitUntilFinish();
  }
}
