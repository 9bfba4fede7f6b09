package eu.thbstat.report;

import eu.thbstat.harmonise.Release;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Releases for report tests: the sample inputs harmonised once, and helpers to write one. */
final class ReportTestData {
  private static Path sampleRelease;
  private static Map<String, byte[]> sampleReport;

  private ReportTestData() {}

  /** The sample inputs harmonised (single-thread, as the pipeline does it) and written as a release. */
  static synchronized Path sampleRelease() {
    if (sampleRelease == null) {
      Path[] files;
      try (Stream<Path> s = Files.walk(TestData.sampleInputs())) {
        files = s.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().endsWith(".md"))
            .sorted()
            .toArray(Path[]::new);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Release release = TestData.harmonise(files);
      sampleRelease = write(release, target("sample-release"));
    }
    return sampleRelease;
  }

  /** The report of the sample release for 2021-2022, rendered once, written to target/report-tests/sample-report. */
  static synchronized Map<String, byte[]> sampleReport() {
    if (sampleReport == null) {
      sampleReport = report(sampleRelease(), "2021-2022", target("sample-report"));
    }
    return sampleReport;
  }

  static Path sampleReportFolder() {
    sampleReport();
    return TestData.home().resolve("pipeline/target/report-tests/sample-report");
  }

  /** Writes a release the way {@code thbstat run} does, into {@code dir}. */
  static Path write(Release release, Path dir) {
    Map<String, byte[]> files = ReleaseWriter.render(release, TestData.ref(), new RunInfo("test", "LocalHarmoniser", "sample-inputs"));
    try {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path p = dir.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.write(p, f.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** A fresh folder under the module's target/report-tests/. */
  static Path target(String name) {
    Path dir = TestData.home().resolve("pipeline/target/report-tests").resolve(name);
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> s = Files.walk(dir)) {
          for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  static ReportDefinitions defs() {
    return ReportDefinitionLoader.load(TestData.home(), TestData.ref());
  }

  static ReportContext context(Path release, String years) {
    ReferenceData ref = TestData.ref();
    return new ReportContext(ref, defs(), new ReleaseReader(ref.model()).read(release, false), Period.parse(years));
  }

  /** Renders the report of a release and writes it to {@code out}; returns the files. */
  static Map<String, byte[]> report(Path release, String years, Path out) {
    Map<String, byte[]> files = ReportWriter.render(context(release, years),
        TestData.home().resolve("reports/templates"), "test");
    try {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path p = out.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.write(p, f.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
