package eu.thbstat.portal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import eu.thbstat.testing.TestData;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A portal on a free loopback port over a fresh data folder, with one office per sample country and an analyst. */
final class PortalFixture implements AutoCloseable {
  static final String ANALYST = "ana";
  final Path dir;
  final Portal portal;
  final PortalServer server;
  final String base;

  private PortalFixture(Path dir, long maxUpload, int parallel) throws Exception {
    this.dir = dir;
    for (String c : List.of("DE", "EL", "NL", "PL", "UK")) {
      Credentials.put(dir, new User(office(c), Role.OFFICE, c, Passwords.hash(secret(office(c)).toCharArray(), 1_000)));
    }
    Credentials.put(dir, new User(ANALYST, Role.ANALYST, "", Passwords.hash(secret(ANALYST).toCharArray(), 1_000)));
    portal = new Portal(new Portal.Config(dir, maxUpload, false, parallel), TestData.ref(), Clock.systemUTC());
    server = new PortalServer(portal, "127.0.0.1", 0).start();
    base = "http://127.0.0.1:" + server.port();
  }

  static PortalFixture start(Path dir) throws Exception {
    return new PortalFixture(dir, Portal.Config.DEFAULT_MAX_UPLOAD, 2);
  }

  static PortalFixture start(Path dir, long maxUpload) throws Exception {
    return new PortalFixture(dir, maxUpload, 2);
  }

  static String office(String country) {
    return country.toLowerCase() + "-office";
  }

  static String secret(String user) {
    return user + "-secret-2024";
  }

  Client client() {
    return new Client(base);
  }

  /** A client signed in as that user. */
  Client signedIn(String user) throws Exception {
    Client c = client();
    c.signIn(user, secret(user));
    return c;
  }

  @Override
  public void close() throws Exception {
    server.close();
    portal.close();
  }

  /** A browser-like HTTP client: keeps cookies, does not follow redirects, remembers the last CSRF token seen. */
  static final class Client {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    final String base;
    final HttpClient http;
    String csrf = "";

    Client(String base) {
      this.base = base;
      this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10)).build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return r;
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
      return post(path, form, Map.of());
    }

    HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) throws IOException, InterruptedException {
      String body = form.entrySet().stream()
          .map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
      headers.forEach(b::header);
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    void signIn(String user, String secret) throws Exception {
      HttpResponse<String> page = get("/sign-in");
      Matcher m = TOKEN.matcher(page.body());
      assertThat(m.find(), is(true));
      HttpResponse<String> r = post("/sign-in", Map.of("name", user, "secret", secret, "token", m.group(1)));
      assertThat(r.body(), r.statusCode(), is(303));
      HttpResponse<String> start = get(r.headers().firstValue("Location").orElseThrow()); // the start page, for its CSRF token
      assertThat(start.statusCode(), is(303));
      assertThat(get(start.headers().firstValue("Location").orElseThrow()).statusCode(), is(200));
    }

    static HttpRequest.BodyPublisher multipart(String boundary, List<String[]> fields, String fileName, byte[] content) {
      List<byte[]> parts = new ArrayList<>();
      for (String[] f : fields) {
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n" + f[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      if (fileName != null) {
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(content);
        parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return HttpRequest.BodyPublishers.ofByteArrays(parts);
    }

    HttpRequest uploadRequest(String country, String fileName, byte[] content, String token) {
      String boundary = "----thbstat" + UUID.randomUUID();
      return HttpRequest.newBuilder(URI.create(base + "/countries/" + country + "/uploads")).timeout(Duration.ofSeconds(120))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(multipart(boundary, List.<String[]>of(new String[] {"csrf", token}), fileName, content)).build();
    }

    HttpResponse<String> upload(String country, String fileName, byte[] content) throws IOException, InterruptedException {
      return http.send(uploadRequest(country, fileName, content, csrf), HttpResponse.BodyHandlers.ofString());
    }
  }
}
