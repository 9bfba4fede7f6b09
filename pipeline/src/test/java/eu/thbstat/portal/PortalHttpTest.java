package eu.thbstat.portal;

import static eu.thbstat.portal.PortalFixture.ANALYST;
import static eu.thbstat.portal.PortalFixture.office;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.testing.TestData;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal over HTTP on loopback: access control, sessions, CSRF, the audit log, limits and malformed requests. */
class PortalHttpTest {
  @TempDir Path dir;
  PortalFixture f;

  static final byte[] BROKEN = TestData.bytes(TestData.resource("broken/NL_mensenhandel_broken.csv"));
  static final byte[] NL = TestData.bytes(TestData.sampleInputs().resolve("NL/NL_mensenhandel_2020-2023.csv"));

  @BeforeEach
  void start() throws Exception {
    f = PortalFixture.start(dir, 1024 * 1024);
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  /** Uploads the broken NL file as the NL office; returns the report path. */
  String nlUpload(PortalFixture.Client nl, byte[] content, String name) throws Exception {
    HttpResponse<String> r = nl.upload("NL", name, content);
    assertThat(r.body(), r.statusCode(), is(303));
    return r.headers().firstValue("Location").orElseThrow();
  }

  List<JsonNode> audit() throws Exception {
    return AuditLog.read(dir.resolve(AuditLog.FILE));
  }

  List<String> actions(String user) throws Exception {
    return audit().stream().filter(e -> e.path("user").asText().equals(user)).map(e -> e.path("action").asText()).toList();
  }

  @Test
  void nothingIsReachableWithoutASession() throws Exception {
    String report = nlUpload(f.signedIn(office("NL")), BROKEN, "NL_mensenhandel_broken.csv");
    PortalFixture.Client anonymous = f.client();
    for (String path : List.of("/", "/board", "/runs", "/countries/NL", report, report + "/report.json", report + "/file", "/runs/20240101T000000000Z",
        "/countries/NL/uploads/../../users.csv", "/anything")) {
      HttpResponse<String> r = anonymous.get(path);
      assertThat(path, r.statusCode(), is(303));
      assertThat(path, r.headers().firstValue("Location").orElse(""), is("/sign-in"));
      assertThat(path, r.body(), is(""));
    }
    // a guessed or forged session id is no session
    HttpResponse<String> forged = anonymous.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.base + report))
        .header("Cookie", PortalHandler.SESSION_COOKIE + "=" + Sessions.token()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode(), is(303));
    int before = f.portal.uploads().of("NL").size();
    HttpResponse<String> upload = anonymous.http.send(anonymous.uploadRequest("NL", "NL_mensenhandel_x.csv", NL, "no-session"), HttpResponse.BodyHandlers.ofString());
    assertThat(upload.statusCode(), is(401));
    assertThat(anonymous.post("/runs", Map.of("csrf", "x")).statusCode(), is(401));
    assertThat(f.portal.uploads().of("NL").size(), is(before));
    assertThat(audit().stream().filter(e -> e.path("action").asText().equals("NO_SESSION")).count(), is(13L)); // 10 pages, the forged id, the upload, the run
  }

  @Test
  void anOfficeCannotReadListOrUploadAnotherCountrysData() throws Exception {
    PortalFixture.Client nl = f.signedIn(office("NL"));
    String report = nlUpload(nl, BROKEN, "NL_mensenhandel_broken.csv");
    String id = report.substring(report.lastIndexOf('/') + 1);
    Upload upload = f.portal.uploads().find("NL", id).orElseThrow();

    PortalFixture.Client de = f.signedIn(office("DE"));
    for (String path : List.of("/countries/NL", report, report + "/report.json", report + "/file", "/board", "/runs", "/runs/20240101T000000000Z",
        "/countries/NL/uploads/20240101T000000000Z-000000000000")) {
      HttpResponse<String> r = de.get(path);
      assertThat(path, r.statusCode(), is(403));
      assertThat(path, r.body(), not(containsString(upload.sha256())));
      assertThat(path, r.body(), not(containsString("broken")));
    }
    // guessing the id under its own country finds nothing; odd paths are refused without reaching a file
    assertThat(de.get("/countries/DE/uploads/" + id).statusCode(), is(404));
    assertThat(de.get("/countries/DE/uploads/" + id + "/file").statusCode(), is(404));
    for (String odd : List.of("/countries/DE/uploads/..%2F..%2Fusers.csv", "/countries/DE/uploads/%2e%2e/%2e%2e/NL/" + id,
        "/countries/nl", "/countries/DE/../NL/uploads/" + id + "/file", "/countries/DE/uploads/" + id.replace("Z-", "Z-..%00"))) {
      HttpResponse<String> r = de.get(odd);
      assertThat(odd + " " + r.statusCode(), r.statusCode() == 400 || r.statusCode() == 403 || r.statusCode() == 404, is(true));
      assertThat(odd, r.body(), not(containsString("pbkdf2")));
      assertThat(odd, r.body(), not(containsString(upload.sha256())));
    }
    // uploading for NL: refused, nothing stored anywhere
    int before = f.portal.uploads().all().size();
    HttpResponse<String> r = de.upload("NL", "NL_mensenhandel_2020-2023.csv", NL);
    assertThat(r.statusCode(), is(403));
    assertThat(f.portal.uploads().all().size(), is(before));
    assertThat(Files.exists(dir.resolve("uploads/DE")), is(false));
    assertThat(de.post("/runs", Map.of("csrf", de.csrf)).statusCode(), is(403));
    // its own page lists its own uploads only
    HttpResponse<String> own = de.get("/countries/DE");
    assertThat(own.statusCode(), is(200));
    assertThat(own.body(), containsString("No upload yet."));
    assertThat(actions(office("DE")).stream().filter(a -> a.equals("DENIED")).count(), is(10L)); // 8 pages, the upload, the run

    // the analyst sees everything, and uploads nothing
    PortalFixture.Client ana = f.signedIn(ANALYST);
    assertThat(ana.get(report).statusCode(), is(200));
    assertThat(ana.getBytes(report + "/file").body(), is(BROKEN));
    assertThat(ana.get("/countries/NL").body(), containsString(upload.sha256()));
    assertThat(ana.upload("NL", "NL_mensenhandel_2020-2023.csv", NL).statusCode(), is(403));
  }

  @Test
  void sessionsAreHttpOnlyCookiesAndFormsNeedTheirCsrfToken() throws Exception {
    PortalFixture.Client nl = f.client();
    HttpResponse<String> page = nl.get("/sign-in");
    String token = page.body().replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
    // a sign-in without the form's token (another site's form) is refused
    assertThat(f.client().post("/sign-in", Map.of("name", office("NL"), "secret", PortalFixture.secret(office("NL")), "token", token)).statusCode(), is(403));
    HttpResponse<String> signIn = nl.post("/sign-in", Map.of("name", office("NL"), "secret", PortalFixture.secret(office("NL")), "token", token));
    assertThat(signIn.statusCode(), is(303));
    String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(PortalHandler.SESSION_COOKIE + "=")).findFirst().orElseThrow();
    assertThat(cookie, containsString("; HttpOnly"));
    assertThat(cookie, containsString("; SameSite=Strict"));
    assertThat(cookie.split(";")[0].length(), is((PortalHandler.SESSION_COOKIE + "=").length() + 43)); // 256 random bits
    nl.get("/countries/NL");

    int before = f.portal.uploads().all().size();
    assertThat(nl.http.send(nl.uploadRequest("NL", "NL_mensenhandel_x.csv", NL, "wrong-token"), HttpResponse.BodyHandlers.ofString()).statusCode(), is(403));
    assertThat(nl.http.send(nl.uploadRequest("NL", "NL_mensenhandel_x.csv", NL, ""), HttpResponse.BodyHandlers.ofString()).statusCode(), is(403));
    assertThat(f.portal.uploads().all().size(), is(before));
    // a POST from another origin is refused even with the token
    assertThat(nl.post("/sign-out", Map.of("csrf", nl.csrf), Map.of("Origin", "http://evil.example")).statusCode(), is(403));
    assertThat(nl.post("/sign-out", Map.of("csrf", "x")).statusCode(), is(403));
    assertThat(nl.get("/countries/NL").statusCode(), is(200));
    assertThat(nl.post("/sign-out", Map.of("csrf", nl.csrf)).statusCode(), is(303));
    assertThat(nl.get("/countries/NL").statusCode(), is(303));
    assertThat(actions(office("NL")), is(List.of("SIGN_IN_FAILED", "SIGN_IN", "LIST_UPLOADS", "CSRF", "CSRF", "CROSS_ORIGIN", "CSRF", "LIST_UPLOADS", "SIGN_OUT")));
  }

  @Test
  void secretsAreRotatedWithoutARestart() throws Exception {
    PortalFixture.Client nl = f.signedIn(office("NL"));
    assertThat(nl.get("/countries/NL").statusCode(), is(200));
    Credentials.put(dir, new User(office("NL"), Role.OFFICE, "NL", Passwords.hash("a-brand-new-secret".toCharArray(), 1_000)));
    assertThat(nl.get("/countries/NL").statusCode(), is(303)); // the old session ends with the old secret
    PortalFixture.Client again = f.client();
    HttpResponse<String> page = again.get("/sign-in");
    String token = page.body().replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
    assertThat(again.post("/sign-in", Map.of("name", office("NL"), "secret", PortalFixture.secret(office("NL")), "token", token)).statusCode(), is(401));
    f.client().signIn(office("NL"), "a-brand-new-secret");
    Credentials.remove(dir, office("DE"));
    PortalFixture.Client de = f.client();
    HttpResponse<String> dePage = de.get("/sign-in");
    String deToken = dePage.body().replaceAll("(?s).*name=\"token\" value=\"([^\"]+)\".*", "$1");
    assertThat(de.post("/sign-in", Map.of("name", office("DE"), "secret", PortalFixture.secret(office("DE")), "token", deToken)).statusCode(), is(401));
  }

  @Test
  void theAuditLogRecordsEachAction() throws Exception {
    PortalFixture.Client nl = f.signedIn(office("NL"));
    String report = nlUpload(nl, NL, "NL_mensenhandel_2020-2023.csv");
    assertThat(nl.get(report).statusCode(), is(200));
    HttpResponse<byte[]> json = nl.getBytes(report + "/report.json");
    assertThat(json.headers().firstValue("Content-Disposition").orElse(""), startsWith("attachment; filename=\""));
    JsonNode reportJson = new ObjectMapper().readTree(json.body());
    assertThat(reportJson.path("status").asText(), is("WARNINGS"));
    assertThat(reportJson.path("findings").get(0).path("rule").asText(), is("MULTI_FORM"));
    HttpResponse<byte[]> file = nl.getBytes(report + "/file");
    assertThat(file.body(), is(NL));
    assertThat(nl.get("/countries/DE").statusCode(), is(403));

    PortalFixture.Client ana = f.signedIn(ANALYST);
    HttpResponse<String> run = ana.post("/runs", Map.of("csrf", ana.csrf));
    assertThat(run.statusCode(), is(303));
    f.portal.runs().await(Duration.ofSeconds(60));
    String runPath = run.headers().firstValue("Location").orElseThrow();
    HttpResponse<byte[]> manifest = ana.getBytes(runPath + "/files/manifest.json");
    assertThat(manifest.statusCode(), is(200));

    String sha = ReferenceDataLoader.sha256(NL);
    Upload u = f.portal.uploads().of("NL").get(0);
    List<JsonNode> events = audit();
    Map<String, JsonNode> nlEvents = events.stream().filter(e -> e.path("user").asText().equals(office("NL")))
        .collect(Collectors.toMap(e -> e.path("action").asText(), e -> e, (a, b) -> a));
    assertThat(actions(office("NL")), is(List.of("SIGN_IN", "LIST_UPLOADS", "UPLOAD", "VIEW_REPORT", "DOWNLOAD_REPORT", "DOWNLOAD_FILE", "DENIED")));
    JsonNode up = nlEvents.get("UPLOAD");
    assertThat(List.of(up.path("country").asText(), up.path("target").asText(), up.path("sha256").asText(), up.path("bytes").asText(), up.path("outcome").asText()),
        is(List.of("NL", u.storedFile(), sha, "8034", "WARNINGS")));
    assertThat(up.path("time").asText().isEmpty(), is(false));
    assertThat(nlEvents.get("DOWNLOAD_REPORT").path("sha256").asText(), is(ReferenceDataLoader.sha256(json.body())));
    assertThat(nlEvents.get("DOWNLOAD_FILE").path("sha256").asText(), is(sha));
    assertThat(nlEvents.get("DENIED").path("target").asText(), is("GET /countries/DE"));
    assertThat(actions(ANALYST), is(List.of("SIGN_IN", "VIEW_BOARD", "RUN_START", "RUN_DONE", "DOWNLOAD_RUN_FILE")));
    JsonNode download = events.stream().filter(e -> e.path("action").asText().equals("DOWNLOAD_RUN_FILE")).findFirst().orElseThrow();
    assertThat(download.path("sha256").asText(), is(ReferenceDataLoader.sha256(manifest.body())));
    assertThat(AuditLog.verify(dir.resolve(AuditLog.FILE)), is(0));

    // the run took the upload and its manifest names it
    JsonNode m = new ObjectMapper().readTree(manifest.body());
    assertThat(m.path("files").get(0).path("file").asText(), is(u.storedFile()));
    assertThat(m.path("files").get(0).path("sha256").asText(), is(sha));
    assertThat(ana.get(runPath).body(), containsString(u.id()));
  }

  @Test
  void rejectedUploadsGetAClearPageAndTheServerStaysUpUnderMalformedRequests() throws Exception {
    PortalFixture.Client nl = f.signedIn(office("NL"));
    // over the size limit: refused, nothing kept, a page that says why
    byte[] big = new byte[1536 * 1024];
    java.util.Arrays.fill(big, (byte) 'x');
    HttpResponse<String> tooBig = nl.upload("NL", "NL_mensenhandel_big.csv", big);
    assertThat(tooBig.statusCode(), is(413));
    assertThat(tooBig.body(), containsString("Upload rejected: the file is too large"));
    assertThat(tooBig.body(), containsString("The upload is larger than the portal&#39;s limit of 1 MB [UPLOAD_TOO_LARGE]"));
    assertThat(f.portal.uploads().all().size(), is(0));
    // a PDF named .csv: kept as rejected, its page says why
    nl = f.signedIn(office("NL"));
    String pdf = nlUpload(nl, "%PDF-1.4\n%binary".getBytes(StandardCharsets.US_ASCII), "NL_mensenhandel_2024.csv");
    HttpResponse<String> page = nl.get(pdf);
    assertThat(page.body(), containsString("data-status=\"REJECTED\""));
    assertThat(page.body(), containsString("Rejected: The file is a PDF document, not a format thbstat reads"));
    assertThat(page.body(), containsString("UPLOAD_FORMAT_UNSUPPORTED"));

    // malformed multipart bodies
    String boundary = "xyz";
    for (String body : List.of("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nunterminated",
        "garbage without any boundary", "--xyz--\r\n")) {
      HttpResponse<String> r = nl.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.base + "/countries/NL/uploads"))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(body + " " + r.statusCode(), r.statusCode() >= 400 && r.statusCode() < 500, is(true));
    }
    HttpResponse<String> noMultipart = nl.post("/countries/NL/uploads", Map.of("csrf", nl.csrf));
    assertThat(noMultipart.statusCode(), is(400));
    // raw garbage, an oversized header, a bad escape, a bad method
    for (String raw : List.of("GARBAGE\r\n\r\n", "GET /sign-in HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(40_000) + "\r\n\r\n",
        "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", "BREW /sign-in HTTP/1.1\r\nHost: x\r\n\r\n", "POST /sign-in HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n")) {
      String status = rawRequest(raw);
      assertThat(raw.substring(0, Math.min(30, raw.length())) + " -> " + status, status.matches("HTTP/1.1 4[0-9][0-9].*"), is(true));
    }
    assertThat(f.client().get("/sign-in").statusCode(), is(200));
    assertThat(nl.get("/countries/NL").statusCode(), is(200));
    assertThat(f.portal.uploads().all().size(), is(1));
  }

  private String rawRequest(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", f.server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        line.append((char) c);
      }
      return line.toString().trim();
    }
  }
}
