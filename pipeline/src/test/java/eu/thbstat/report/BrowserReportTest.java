package eu.thbstat.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import eu.thbstat.testing.TestData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report of the sample inputs opened in a real browser: Debian's headless Chromium (installed
 * with apt-get when /usr/bin/chromium is missing; the test fails if it cannot be installed). The
 * first page is captured as target/report-screenshots/report-first-page.png and must not be blank;
 * the DOM as Chromium built it must hold every table and chart.
 */
class BrowserReportTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static Path report;
  private static Path screenshots;

  @BeforeAll
  static void reportAndBrowser() throws Exception {
    ensureChromium();
    report = ReportTestData.sampleReportFolder().resolve(ReportWriter.HTML);
    screenshots = TestData.home().resolve("pipeline/target/report-screenshots");
    Files.createDirectories(screenshots);
  }

  /** Installs Debian's chromium package when it is missing (CI runs as root); fails if it cannot. */
  static void ensureChromium() throws Exception {
    if (Files.isExecutable(CHROMIUM)) {
      return;
    }
    StringBuilder log = new StringBuilder();
    for (List<String> command : List.of(List.of("apt-get", "update"), List.of("apt-get", "install", "-y", "chromium"))) {
      Result r;
      try {
        r = run(command, 900, Path.of("/tmp"));
      } catch (IOException e) {
        fail("Chromium is not installed and " + command + " cannot be run: " + e.getMessage());
        return;
      }
      log.append(String.join(" ", command)).append(" -> exit ").append(r.exit()).append('\n').append(tail(r.output()));
    }
    if (!Files.isExecutable(CHROMIUM)) {
      fail("Chromium is not installed and apt-get could not install it (the test needs root and the Debian archive):\n" + log);
    }
  }

  record Result(int exit, String output) {}

  private static Result run(List<String> command, long seconds, Path dir) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    Process p = pb.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> {
      try (InputStream in = p.getInputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        // the process went away; what was read is kept
      }
    });
    reader.start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      reader.join(5000);
      fail(String.join(" ", command) + " did not finish within " + seconds + " s:\n" + tail(out.toString(StandardCharsets.UTF_8)));
    }
    reader.join(5000);
    return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
  }

  private static String tail(String s) {
    return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
  }

  /** Chromium headless with a fresh profile and nothing that reaches out to a network. */
  private static List<String> chromium(Path profile, String... extra) {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
    command.addAll(List.of(extra));
    command.add(report.toUri().toString());
    return command;
  }

  @Test
  void theFirstPageIsDrawnAndNotBlank() throws Exception {
    Path profile = Files.createTempDirectory("thbstat-chromium-");
    Path png = screenshots.resolve("report-first-page.png");
    Files.deleteIfExists(png);
    Result r = run(chromium(profile, "--window-size=1280,1600", "--screenshot=" + png), 120, screenshots);
    assertTrue(Files.isRegularFile(png), "Chromium wrote no screenshot (exit " + r.exit() + "):\n" + tail(r.output()));
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth(), equalTo(1280));
    assertThat(image.getHeight(), equalTo(1600));
    // Luminance variance over every 4th pixel, and the share of pixels that are not white.
    double sum = 0;
    double squares = 0;
    long n = 0;
    long inked = 0;
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        int rgb = image.getRGB(x, y);
        double lum = 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
        sum += lum;
        squares += lum * lum;
        n++;
        if (lum < 240) {
          inked++;
        }
      }
    }
    double mean = sum / n;
    double variance = squares / n - mean * mean;
    assertThat("luminance variance of the first page", variance, greaterThan(500.0));
    assertThat("share of non-white pixels", (double) inked / n, greaterThan(0.05));
    // The header band is the inline stylesheet's blue (#0e47cb): the CSS was applied without a network.
    int header = image.getRGB(8, 8);
    assertThat(Math.abs(((header >> 16) & 0xff) - 0x0e), lessThan(12));
    assertThat(Math.abs((header & 0xff) - 0xcb), lessThan(12));
  }

  @Test
  void everyTableAndChartIsInTheRenderedPage() throws Exception {
    Path profile = Files.createTempDirectory("thbstat-chromium-");
    Result r = run(chromium(profile, "--dump-dom"), 120, screenshots);
    String dom = r.output().substring(Math.max(0, r.output().indexOf("<html")));
    Files.writeString(screenshots.resolve("report-dom.html"), dom);
    Document d = Jsoup.parse(dom);
    assertThat(d.select("table[data-table]").eachAttr("data-table"), contains("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8"));
    for (Element table : d.select("table[data-table]")) {
      assertThat(table.id(), table.select("tbody tr").size(), greaterThan(0));
      assertThat(table.id(), table.select("thead th").size(), greaterThan(1));
    }
    assertThat(d.select("figure[data-chart]").eachAttr("data-chart"), contains("C2", "C1", "C3"));
    for (Element figure : d.select("figure[data-chart]")) {
      Element svg = figure.selectFirst("svg");
      assertThat(figure.id(), svg.select("rect[data-series]").size(), greaterThan(0));
      assertThat(figure.id(), svg.select("text.axis-label").size(), equalTo(2));
      assertThat(figure.id(), svg.select("g.chart-legend text").size(), greaterThan(1));
    }
    assertThat(d.select("section[data-key-figures] li").size(), equalTo(9));
    // Self-contained: nothing is loaded from elsewhere.
    assertThat(d.select("[src], link[href], script, img, iframe"), empty());
  }
}
