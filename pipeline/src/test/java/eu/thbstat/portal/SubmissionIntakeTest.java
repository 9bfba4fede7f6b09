package eu.thbstat.portal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.thbstat.harmonise.Release;
import eu.thbstat.model.Observation;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.Dimension;
import eu.thbstat.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionIntakeTest {
  @TempDir Path dir;

  static final User NL = new User("nl-office", Role.OFFICE, "NL", Passwords.hash("nl-secret-123".toCharArray(), 1_000));
  static final User DE = new User("de-office", Role.OFFICE, "DE", Passwords.hash("de-secret-123".toCharArray(), 1_000));

  static byte[] broken() {
    return TestData.bytes(TestData.resource("broken/NL_mensenhandel_broken.csv"));
  }

  static byte[] nlSample() {
    return TestData.bytes(TestData.sampleInputs().resolve("NL/NL_mensenhandel_2020-2023.csv"));
  }

  @Test
  void anUploadIsValidatedAsThbstatValidateDoesAndKept() throws Exception {
    UploadStore store = new UploadStore(dir);
    Clock clock = Clock.fixed(Instant.parse("2024-03-01T10:15:30.5Z"), ZoneOffset.UTC);
    SubmissionIntake intake = new SubmissionIntake(TestData.ref(), store, clock, 1);
    Upload u = intake.receive(NL, "NL", "C:\\Users\\x\\NL_mensenhandel_broken.csv", broken(), null);
    assertThat(u.status(), is(Upload.Status.ERRORS));
    assertThat(u.originalName(), is("NL_mensenhandel_broken.csv"));
    assertThat(u.mapping(), is("NL-mensenhandel-synthetic"));
    assertThat(List.of(u.errors(), u.warnings(), u.recordsRead(), u.quarantined()), is(List.of(4L, 0L, 10L, 3L)));
    assertThat(u.years(), is(List.of("2022")));
    assertThat(u.id(), is("20240301T101530500Z-" + u.sha256().substring(0, 12)));
    assertArrayEquals(broken(), Files.readAllBytes(store.file(u)));

    JsonNode report = new ObjectMapper().readTree(store.reportFile(u, FeedbackReport.JSON_FILE).toFile());
    assertThat(report.path("status").asText(), is("ERRORS"));
    assertThat(report.path("counts").toString(), is("{\"ERROR\":4,\"WARNING\":0,\"INFO\":0}"));
    List<String> rules = new java.util.ArrayList<>();
    report.path("findings").forEach(f -> rules.add(f.path("rule").asText() + "@" + f.path("line").asInt()));
    assertThat(rules, is(List.of("HIERARCHY_SUM@2", "VALUE_NEGATIVE@7", "VALUE_NOT_NUMERIC@8", "CODE_UNMAPPED@9")));
    // the same findings file as thbstat validate --report writes
    Release same = TestData.harmonise(TestData.resource("broken/NL_mensenhandel_broken.csv"));
    byte[] validate = ReleaseWriter.render(same, TestData.ref(), new RunInfo("x", "validate", "NL")).get(ReleaseWriter.FINDINGS_JSON);
    assertArrayEquals(validate, Files.readAllBytes(store.reportFile(u, ReleaseWriter.FINDINGS_JSON)));
  }

  @Test
  void whatCannotBeReadIsKeptAsRejectedWithAFinding() throws Exception {
    UploadStore store = new UploadStore(dir);
    SubmissionIntake intake = new SubmissionIntake(TestData.ref(), store, Clock.systemUTC(), 1);
    Upload pdf = intake.receive(NL, "NL", "NL_mensenhandel_2024.csv", "%PDF-1.4 not a table".getBytes(StandardCharsets.US_ASCII), null);
    assertThat(pdf.status(), is(Upload.Status.REJECTED));
    assertThat(pdf.reason(), is("The file is a PDF document, not a format thbstat reads (the content decides, not the name \"NL_mensenhandel_2024.csv\")"));
    assertThat(pdf.storedFile().endsWith(".bin"), is(true));
    Upload xlsx = intake.receive(NL, "NL", "NL.xlsx", ContentSnifferTest.zip("[Content_Types].xml", "xl/workbook.xml"), null);
    assertThat(xlsx.status(), is(Upload.Status.REJECTED));
    assertThat(xlsx.reason(), is("No mapping reads this file (an XLSX workbook): no mapping of NL reads an XLSX workbook files (its mappings read: NL-mensenhandel-synthetic csv)"));
    JsonNode report = new ObjectMapper().readTree(store.reportFile(xlsx, FeedbackReport.JSON_FILE).toFile());
    assertThat(report.path("findings").get(0).path("rule").asText(), is("UPLOAD_NO_MAPPING"));
    assertThat(store.of("NL").size(), is(2));
  }

  @Test
  void anOfficeUploadsForItsOwnCountryOnly() throws Exception {
    SubmissionIntake intake = new SubmissionIntake(TestData.ref(), new UploadStore(dir), Clock.systemUTC(), 1);
    assertThrows(SecurityException.class, () -> intake.receive(DE, "NL", "NL_mensenhandel_x.csv", nlSample(), null));
    assertThat(Files.exists(dir.resolve("uploads/NL")), is(false));
  }

  @Test
  void aRunTakesTheLatestAcceptedUploadPerYearAndItsManifestNamesIt() throws Exception {
    UploadStore store = new UploadStore(dir);
    SubmissionIntake intake = new SubmissionIntake(TestData.ref(), store, Clock.systemUTC(), 1);
    Upload all = intake.receive(NL, "NL", "NL_mensenhandel_2020-2023.csv", nlSample(), null);
    String only2022 = new String(nlSample(), StandardCharsets.UTF_8).lines()
        .filter(l -> l.startsWith("jaar;") || l.startsWith("2022;")).collect(Collectors.joining("\r\n", "", "\r\n"));
    Upload later = intake.receive(NL, "NL", "NL_mensenhandel_2022.csv", only2022.getBytes(StandardCharsets.UTF_8), null);
    Upload broken = intake.receive(NL, "NL", "NL_mensenhandel_broken.csv", broken(), null);
    assertThat(List.of(all.status(), later.status(), broken.status()), is(List.of(Upload.Status.WARNINGS, Upload.Status.WARNINGS, Upload.Status.ERRORS)));

    Selection selection = Selection.of(store.all());
    Release release = new PortalHarmoniser(TestData.ref()).harmonise(selection, u -> Files.readAllBytes(store.file(u)));
    JsonNode manifest = new ObjectMapper().readTree(ReleaseWriter.render(release, TestData.ref(), new RunInfo("x", "portal", "uploads")).get(ReleaseWriter.MANIFEST));
    assertThat(manifest.path("files").size(), is(2));
    JsonNode first = manifest.path("files").get(0);
    assertThat(first.path("file").asText(), is(all.storedFile()));
    assertThat(first.path("sha256").asText(), is(all.sha256()));
    assertThat(List.of(first.path("records_read").asLong(), first.path("harmonised").asLong(), first.path("excluded").asLong()), is(List.of(152L, 114L, 38L)));
    assertThat(first.path("excluded_by_reason").toString(), is("{\"reference year 2022 is taken from upload " + later.id() + "\":38}"));
    JsonNode second = manifest.path("files").get(1);
    assertThat(second.path("file").asText(), is(later.storedFile()));
    assertThat(List.of(second.path("records_read").asLong(), second.path("harmonised").asLong()), is(List.of(38L, 38L)));
    assertThat(manifest.path("totals").path("reconciled").asBoolean(), is(true));

    int time = TestData.ref().model().index(Dimension.TIME);
    Map<String, List<String>> sources = release.observations().stream()
        .filter(o -> o.origin() == eu.thbstat.model.Origin.REPORTED)
        .collect(Collectors.groupingBy(o -> o.key().get(time), java.util.TreeMap::new,
            Collectors.mapping(Observation::file, Collectors.collectingAndThen(Collectors.toSet(), s -> s.stream().sorted().toList()))));
    assertThat(sources, is(Map.of("2020", List.of(all.storedFile()), "2021", List.of(all.storedFile()), "2022", List.of(later.storedFile()),
        "2023", List.of(all.storedFile()))));
    assertThat(TestData.value(release.observations(), TestData.victims("NL", 2022, "T", "TOTAL", "TOTAL", "TOTAL")), is(1167.0));
  }
}
