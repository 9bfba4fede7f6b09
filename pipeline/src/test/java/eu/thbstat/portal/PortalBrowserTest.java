package eu.thbstat.portal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.testing.TestData;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real browser: Debian's headless Chromium driven by Selenium through the system
 * chromedriver, against {@code thbstat serve} started as its own process on loopback. An office
 * uploads the broken NL file, reads its findings, uploads the corrected file and sees it accepted;
 * the analyst sees the status board change and starts a harmonisation run. Screenshots of each page
 * go to {@code target/portal-screenshots/}. Chromium is installed with apt-get when absent; if it
 * cannot be, the test fails.
 */
class PortalBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SHOTS = Path.of("target/portal-screenshots");

  @TempDir Path data;
  @TempDir Path profile;
  Process server;
  WebDriver browser;
  String base;
  int shot;

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  /** Debian's chromium and chromium-driver, installed when absent (CI runs as root); no way to get them is a failure. */
  static void ensureChromium() throws Exception {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    Path log = Path.of("target/portal-apt-get.log");
    Files.createDirectories(log.getParent());
    for (List<String> cmd : List.of(List.of("apt-get", "update"), List.of("apt-get", "install", "-y", "chromium", "chromium-driver"))) {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        fail("Chromium is not installed and apt-get cannot run (" + e.getMessage() + "): install chromium and chromium-driver");
        return;
      }
      if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
        fail(String.join(" ", cmd) + " failed; see " + log.toAbsolutePath() + ": Chromium is needed for the browser tests");
      }
    }
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail("apt-get installed chromium but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
    }
  }

  /** Runs the thbstat command line in its own JVM (the test's classpath). */
  static ProcessBuilder thbstat(String... args) {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), "eu.thbstat.cli.Thbstat"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true);
  }

  void addUser(String secret, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("serve", "--data", data.toString(), "--home", TestData.home().toString()));
    all.addAll(List.of(args));
    all.add("--password-stdin");
    Process p = thbstat(all.toArray(String[]::new)).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write((secret + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(out, p.waitFor(), is(0));
    assertThat(out, containsString("Added " + args[1]));
  }

  void startServer() throws Exception {
    server = thbstat("serve", "--data", data.toString(), "--home", TestData.home().toString(), "--port", "0").start();
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:[0-9]+)/");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String line;
    while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
      Matcher m = listening.matcher(line);
      if (m.find()) {
        base = m.group(1);
        break;
      }
    }
    assertThat("thbstat serve printed where it listens", base != null, is(true));
    Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
    drain.setDaemon(true);
    drain.start();
  }

  void startBrowser() {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .withLogFile(new File("target/portal-chromedriver.log")).build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
    // a form's click returns before the next page has loaded (a sign-in checks a PBKDF2 hash first)
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(30));
  }

  void screenshot(String name) throws IOException {
    Files.createDirectories(SHOTS);
    byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve(String.format("%02d-%s.png", ++shot, name)), png);
  }

  void signIn(String name, String secret) throws IOException {
    browser.get(base + "/sign-in");
    if (shot == 0) {
      screenshot("sign-in");
    }
    browser.findElement(By.id("name")).sendKeys(name);
    browser.findElement(By.id("secret")).sendKeys(secret);
    browser.findElement(By.id("sign-in")).click();
    assertThat(browser.findElement(By.id("who")).getText(), containsString(name));
  }

  void signOut() {
    browser.findElement(By.id("sign-out")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().equals(base + "/sign-in"));
  }

  String upload(Path file) {
    browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.id("upload")).click();
    return browser.findElement(By.id("status")).getAttribute("data-status");
  }

  String cell(String country, String year) {
    return browser.findElement(By.id("cell-" + country + "-" + year)).getAttribute("data-state");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void anOfficeFixesItsSubmissionAndTheAnalystSeesTheBoardChange() throws Exception {
    try {
      flow();
    } catch (Exception | AssertionError e) {
      if (browser != null) {
        screenshot("FAILED");
      }
      throw e;
    }
  }

  void flow() throws Exception {
    ensureChromium();
    String officeSecret = "NL office secret 2024";
    String analystSecret = "analyst secret 2024";
    addUser(officeSecret, "--add-user", "nl-office", "--role", "office", "--country", "NL");
    addUser(analystSecret, "--add-user", "ana", "--role", "analyst");
    startServer();
    startBrowser();

    // before anything arrives
    signIn("ana", analystSecret);
    assertThat(browser.findElement(By.id("no-years")).getText(), is("No submission has arrived yet."));
    screenshot("board-empty");
    signOut();

    // the office uploads the broken file and reads what is wrong
    signIn("nl-office", officeSecret);
    assertThat(browser.getCurrentUrl(), is(base + "/countries/NL"));
    screenshot("office-home");
    assertThat(upload(TestData.resource("broken/NL_mensenhandel_broken.csv")), is("ERRORS"));
    assertThat(browser.findElement(By.id("counts")).getText(), containsString("4 errors, 0 warnings, 0 notes; 10 records read, 7 taken in, 3 quarantined"));
    String findings = browser.findElement(By.id("findings")).getText();
    assertThat(findings, containsString("NL_mensenhandel_broken.csv:7"));
    assertThat(findings, containsString("The count -3 in column \"aantal\" is negative"));
    assertThat(findings, containsString("\"veel\" in column \"aantal\" is not a number"));
    assertThat(findings, containsString("\"anders\" in column \"geslacht\" is not a known sex code of mapping NL-mensenhandel-synthetic"));
    assertThat(findings, containsString("sex T = 100 but its components F + M + UNK add up to 95"));
    screenshot("report-errors");
    // a file that is no table at all, whatever its name says: kept, and rejected with the reason
    browser.get(base + "/countries/NL");
    Path pdf = profile.resolve("NL_mensenhandel_2024.csv");
    Files.write(pdf, "%PDF-1.4\n%\u00e2\u00e3 not a table\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(upload(pdf), is("REJECTED"));
    assertThat(browser.findElement(By.id("status")).getText(),
        is("Rejected: The file is a PDF document, not a format thbstat reads (the content decides, not the name \"NL_mensenhandel_2024.csv\")"));
    assertThat(browser.findElement(By.id("findings")).getText(), containsString("UPLOAD_FORMAT_UNSUPPORTED"));
    screenshot("report-rejected");
    // another country's page is refused
    browser.get(base + "/countries/DE");
    assertThat(browser.findElement(By.tagName("h1")).getText(), is("Not allowed"));
    screenshot("other-country-refused");
    signOut();

    signIn("ana", analystSecret);
    assertThat(cell("NL", "2022"), is("ERRORS"));
    assertThat(cell("DE", "2022"), is("NOTHING"));
    screenshot("board-errors");
    signOut();

    // the corrected file
    signIn("nl-office", officeSecret);
    Path corrected = TestData.sampleInputs().resolve("NL/NL_mensenhandel_2020-2023.csv");
    assertThat(upload(corrected), is("WARNINGS"));
    assertThat(browser.findElement(By.id("status")).getText(), containsString("Accepted with warnings"));
    assertThat(browser.findElement(By.id("counts")).getText(), containsString("0 errors, 1 warnings, 0 notes; 152 records read, 152 taken in"));
    screenshot("report-accepted");
    browser.findElement(By.linkText("← Uploads of NL")).click();
    List<String> history = browser.findElements(By.cssSelector("#history tbody tr")).stream().map(e -> e.getText()).toList();
    assertThat(history.size(), is(3));
    assertThat(history.get(0), containsString("NL_mensenhandel_2020-2023.csv nl-office accepted with warnings 0 1 2020, 2021, 2022, 2023"));
    assertThat(history.get(1), containsString("NL_mensenhandel_2024.csv nl-office rejected 1 0"));
    assertThat(history.get(2), containsString("NL_mensenhandel_broken.csv nl-office received with errors 4 0 2022"));
    screenshot("office-history");
    signOut();

    // the board changed; a harmonisation run takes the accepted upload
    signIn("ana", analystSecret);
    for (String year : List.of("2020", "2021", "2022", "2023")) {
      assertThat(year, cell("NL", year), is("WARNINGS"));
    }
    screenshot("board-accepted");
    browser.findElement(By.id("cell-NL-2022")).findElement(By.tagName("a")).click();
    assertThat(browser.findElement(By.id("file-name")).getText(), is("NL_mensenhandel_2020-2023.csv"));
    browser.get(base + "/board");
    browser.findElement(By.id("start-run")).click();
    new WebDriverWait(browser, Duration.ofSeconds(180)).until(d -> d.findElement(By.id("run-status")).getAttribute("data-status").equals("DONE"));
    String selection = browser.findElement(By.id("selection")).getText();
    String sha = ReferenceDataLoader.sha256(Files.readAllBytes(corrected));
    assertThat(selection, containsString("NL 2022"));
    assertThat(selection, containsString(sha.substring(0, 12)));
    screenshot("run-done");
    browser.findElement(By.linkText("Harmonisation runs")).click();
    assertThat(browser.findElement(By.id("runs")).getText(), containsString("DONE"));
    screenshot("runs");
    signOut();

    List<JsonNode> audit = AuditLog.read(data.resolve(AuditLog.FILE));
    List<String> uploads = audit.stream().filter(e -> e.path("action").asText().equals("UPLOAD"))
        .map(e -> e.path("user").asText() + " " + e.path("sha256").asText() + " " + e.path("outcome").asText()).toList();
    assertThat(uploads, is(List.of(
        "nl-office " + ReferenceDataLoader.sha256(TestData.bytes(TestData.resource("broken/NL_mensenhandel_broken.csv"))) + " ERRORS",
        "nl-office " + ReferenceDataLoader.sha256(Files.readAllBytes(pdf)) + " REJECTED",
        "nl-office " + sha + " WARNINGS")));
    assertThat(audit.stream().map(e -> e.path("user").asText() + " " + e.path("action").asText()).toList(),
        hasItems("nl-office SIGN_IN", "nl-office DENIED", "ana VIEW_BOARD", "ana RUN_START", "ana RUN_DONE", "ana SIGN_OUT"));
    assertThat(AuditLog.verify(data.resolve(AuditLog.FILE)), is(0));
    assertThat(Files.list(SHOTS).count() >= 12, is(true));
  }
}
