package eu.thbstat.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.thbstat.model.Finding;
import eu.thbstat.reference.ReferenceDataLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The portal's pages and downloads. Every request but the sign-in page and the stylesheet needs a
 * live session; every country path is checked against the signed-in user before anything is looked
 * up (so another country's data is refused alike whether it exists or not); every POST form
 * carries the session's CSRF token; uploads, downloads, report views and refusals are audited.
 */
public final class PortalHandler extends Handler.Abstract {
  static final String SESSION_COOKIE = "thbstat_session";
  static final String SIGNIN_COOKIE = "thbstat_signin";
  private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  private static final Pattern COUNTRY = Pattern.compile("/countries/([A-Z]{2})");
  private static final Pattern UPLOADS = Pattern.compile("/countries/([A-Z]{2})/uploads");
  private static final Pattern UPLOAD = Pattern.compile("/countries/([A-Z]{2})/uploads/([^/]+)(/report\\.json|/file)?");
  private static final Pattern RUN = Pattern.compile("/runs/([^/]+)(?:/files/([a-z_]+\\.[a-z]+))?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Portal portal;
  private final MultiPartConfig multipart;

  public PortalHandler(Portal portal) {
    this.portal = portal;
    long max = portal.config().maxUploadBytes();
    this.multipart = new MultiPartConfig.Builder().location(portal.tmp()).maxParts(10).maxPartSize(max).maxSize(max + 64 * 1024)
        .maxMemoryPartSize(1024 * 1024).maxHeadersSize(8 * 1024).build();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Exchange x = new Exchange(request, response, multipart);
    service(x, x);
    x.send(callback);
    return true;
  }

  /** The signed-in user of a request and their session. */
  record Who(User user, Sessions.Session session) {}

  private void service(Exchange req, Exchange resp) {
    resp.setHeader("Content-Security-Policy", CSP);
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("X-Frame-Options", "DENY");
    resp.setHeader("Referrer-Policy", "same-origin"); // with no-referrer, Chromium sends "Origin: null" on form posts
    resp.setHeader("Cache-Control", "no-store");
    try {
      route(req, resp);
    } catch (org.eclipse.jetty.io.EofException e) {
      System.err.println("thbstat serve: the client of " + req.getMethod() + " " + clip(req.getRequestURI()) + " went away: " + e.getMessage());
    } catch (Exception | StackOverflowError e) {
      String incident = UUID.randomUUID().toString();
      System.err.println("thbstat serve: incident " + incident + " on " + req.getMethod() + " " + req.getRequestURI() + ": " + e);
      e.printStackTrace();
      resp.reset();
      try {
        error(req, resp, null, 500, "Something went wrong", "The server could not answer this request. Incident " + incident + " is logged; nothing you uploaded is lost.");
      } catch (IOException | RuntimeException e2) {
        resp.setStatus(500);
      }
    }
  }

  private void route(Exchange req, Exchange resp) throws Exception {
    String path = req.getRequestURI();
    String method = req.getMethod();
    if (path.equals("/static/portal.css") && method.equals("GET")) {
      css(resp);
      return;
    }
    if (path.equals("/favicon.ico")) {
      resp.setStatus(404); // no icon; not worth a redirect to the sign-in page (which would renew its form token)
      return;
    }
    if (path.equals("/sign-in")) {
      if (method.equals("GET")) {
        signInPage(req, resp, 200, "");
      } else if (method.equals("POST")) {
        signIn(req, resp);
      } else {
        error(req, resp, null, 405, "Not allowed", "Use the sign-in form.");
      }
      return;
    }
    Optional<Who> who = who(req);
    if (!sameOrigin(req)) {
      portal.audit().record(AuditLog.Event.of(who.map(x -> x.user().name()).orElse(""), "CROSS_ORIGIN", method + " " + clip(path),
          "refused: Origin " + clip(req.getHeader("Origin"))).from(req.getRemoteAddr()));
      resp.setHeader("Connection", "close");
      error(req, resp, who.orElse(null), 403, "Refused", "This request came from another site.");
      return;
    }
    if (who.isEmpty()) {
      portal.audit().record(AuditLog.Event.of("", "NO_SESSION", method + " " + clip(path), "refused").from(req.getRemoteAddr()));
      if (method.equals("GET")) {
        resp.setStatus(303);
        resp.setHeader("Location", "/sign-in");
      } else {
        resp.setHeader("Connection", "close");
        error(req, resp, null, 401, "Sign in first", "Your session has ended or you have not signed in.");
      }
      return;
    }
    Who w = who.get();
    if (method.equals("POST") && !csrfOk(req, resp, w)) {
      return;
    }
    Matcher m;
    if (path.equals("/") && method.equals("GET")) {
      resp.setStatus(303);
      resp.setHeader("Location", w.user().isAnalyst() ? "/board" : "/countries/" + w.user().country());
    } else if (path.equals("/sign-out") && method.equals("POST")) {
      portal.sessions().end(w.session().id());
      portal.audit().record(AuditLog.Event.of(w.user().name(), "SIGN_OUT", "", "ok").by(w.user()).from(req.getRemoteAddr()));
      resp.addHeader("Set-Cookie", cookie(SESSION_COOKIE, "", "/", 0));
      resp.setStatus(303);
      resp.setHeader("Location", "/sign-in");
    } else if ((m = COUNTRY.matcher(path)).matches() && method.equals("GET")) {
      if (allowedToRead(req, resp, w, m.group(1))) {
        countryPage(req, resp, w, m.group(1), 200, null);
      }
    } else if ((m = UPLOADS.matcher(path)).matches() && method.equals("POST")) {
      upload(req, resp, w, m.group(1));
    } else if ((m = UPLOAD.matcher(path)).matches() && method.equals("GET")) {
      if (allowedToRead(req, resp, w, m.group(1))) {
        uploadView(req, resp, w, m.group(1), m.group(2), m.group(3));
      }
    } else if (path.equals("/board") && method.equals("GET")) {
      if (analyst(req, resp, w)) {
        board(req, resp, w);
      }
    } else if (path.equals("/runs") && method.equals("GET")) {
      if (analyst(req, resp, w)) {
        runs(req, resp, w);
      }
    } else if (path.equals("/runs") && method.equals("POST")) {
      if (analyst(req, resp, w)) {
        RunManager.Run run = portal.runs().start(w.user());
        resp.setStatus(303);
        resp.setHeader("Location", "/runs/" + run.id());
      }
    } else if ((m = RUN.matcher(path)).matches() && method.equals("GET")) {
      if (analyst(req, resp, w)) {
        run(req, resp, w, m.group(1), m.group(2));
      }
    } else {
      error(req, resp, w, 404, "Not found", "There is no page at this address.");
    }
  }

  // ---------------------------------------------------------------- sessions and access

  private Optional<Who> who(Exchange req) {
    String id = cookieValue(req, SESSION_COOKIE);
    Optional<Sessions.Session> s = portal.sessions().find(id);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Optional<User> u = portal.credentials().user(s.get().userName());
    if (u.isEmpty() || !Sessions.fingerprint(u.get()).equals(s.get().fingerprint())) {
      portal.sessions().end(id); // the user's entry changed: rotated secret, new role, removed
      return Optional.empty();
    }
    return Optional.of(new Who(u.get(), s.get()));
  }

  private static String cookieValue(Exchange req, String name) {
    return req.cookie(name);
  }

  private String cookie(String name, String value, String path, int maxAge) {
    return name + "=" + value + "; Path=" + path + "; HttpOnly; SameSite=Strict" + (maxAge >= 0 ? "; Max-Age=" + maxAge : "")
        + (portal.config().secureCookies() ? "; Secure" : "");
  }

  /** A browser's cross-site POST carries an Origin other than this server's: refused. */
  private static boolean sameOrigin(Exchange req) {
    String origin = req.getHeader("Origin");
    if (origin == null || req.getMethod().equals("GET") || req.getMethod().equals("HEAD")) {
      return true;
    }
    String host = req.getHeader("Host");
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }

  private boolean csrfOk(Exchange req, Exchange resp, Who w) throws IOException {
    if (isMultipart(req)) {
      return true; // an upload's token is checked by upload() once the form is parsed
    }
    if (Sessions.same(w.session().csrf(), req.getParameter("csrf"))) {
      return true;
    }
    refuse(req, resp, w, "CSRF", req.getRequestURI());
    return false;
  }

  private static boolean isMultipart(Exchange req) {
    String type = req.getContentType();
    return type != null && type.toLowerCase().startsWith("multipart/form-data");
  }

  private boolean allowedToRead(Exchange req, Exchange resp, Who w, String country) throws IOException {
    if (w.user().canRead(country)) {
      return true;
    }
    refuse(req, resp, w, "DENIED", req.getRequestURI());
    return false;
  }

  private boolean analyst(Exchange req, Exchange resp, Who w) throws IOException {
    if (w.user().isAnalyst()) {
      return true;
    }
    refuse(req, resp, w, "DENIED", req.getRequestURI());
    return false;
  }

  /**
   * Audits a refusal and answers 403. A small request body is read first (a client still sending it
   * would otherwise see the connection reset, not the answer); a larger one is not waited for: the
   * connection is closed.
   */
  private void refuse(Exchange req, Exchange resp, Who w, String why, String target) throws IOException {
    if (!req.drainBody(1 << 20)) {
      resp.setHeader("Connection", "close");
    }
    portal.audit().record(AuditLog.Event.of(w.user().name(), why, req.getMethod() + " " + clip(target), "refused").by(w.user()).from(req.getRemoteAddr()));
    error(req, resp, w, 403, "Not allowed",
        why.equals("CSRF") ? "The form was out of date or did not come from this portal. Go back, reload the page and try again."
            : "Your account may not see or change this. An office sees and uploads the data of its own country only.");
  }

  private static String clip(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  // ---------------------------------------------------------------- sign-in

  private void signInPage(Exchange req, Exchange resp, int status, String message) throws IOException {
    // one form token per browser while it is on the sign-in page: a second tab or a reload keeps it
    String token = cookieValue(req, SIGNIN_COOKIE);
    if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
      token = Sessions.token();
    }
    resp.addHeader("Set-Cookie", cookie(SIGNIN_COOKIE, token, "/sign-in", 900));
    Map<String, Object> model = new HashMap<>();
    model.put("token", token);
    model.put("message", message);
    model.put("problem", portal.credentials().problem().isEmpty() ? "" : "Sign-in is closed: the portal's user file cannot be read. Tell the portal's administrator.");
    send(resp, status, page("sign-in.ftlh", "Sign in", null, model));
  }

  private void signIn(Exchange req, Exchange resp) throws IOException {
    String name = req.getParameter("name");
    String secret = req.getParameter("secret");
    String token = req.getParameter("token");
    String remote = req.getRemoteAddr();
    String shown = name == null ? "" : clip(name.replaceAll("\\p{Cntrl}", "_"));
    if (!sameOrigin(req) || !Sessions.same(cookieValue(req, SIGNIN_COOKIE), token)) {
      portal.audit().record(AuditLog.Event.of(shown, "SIGN_IN_FAILED", "", "form token missing or wrong").from(remote));
      signInPage(req, resp, 403, "The sign-in form had expired. Please sign in again.");
      return;
    }
    if (name == null || secret == null || name.isBlank() || secret.isEmpty() || secret.length() > 1024) {
      signInPage(req, resp, 400, "Give your user name and secret.");
      return;
    }
    if (portal.throttle().blocked(name)) {
      portal.audit().record(AuditLog.Event.of(shown, "SIGN_IN_FAILED", "", "too many failures: locked for a while").from(remote));
      signInPage(req, resp, 429, "Too many failed attempts for this user. Wait 15 minutes and try again.");
      return;
    }
    Optional<User> user = portal.credentials().check(name.trim(), secret.toCharArray());
    if (user.isEmpty()) {
      portal.throttle().failed(name);
      portal.audit().record(AuditLog.Event.of(shown, "SIGN_IN_FAILED", "", "wrong name or secret").from(remote));
      signInPage(req, resp, 401, "The user name or the secret is wrong.");
      return;
    }
    portal.throttle().succeeded(name);
    Sessions.Session s = portal.sessions().start(user.get());
    portal.audit().record(AuditLog.Event.of(user.get().name(), "SIGN_IN", "", "ok").by(user.get()).from(remote));
    resp.addHeader("Set-Cookie", cookie(SESSION_COOKIE, s.id(), "/", -1));
    resp.addHeader("Set-Cookie", cookie(SIGNIN_COOKIE, "", "/sign-in", 0));
    resp.setStatus(303);
    resp.setHeader("Location", "/");
  }

  // ---------------------------------------------------------------- office pages

  private void countryPage(Exchange req, Exchange resp, Who w, String country, int status, Map<String, Object> rejected) throws IOException {
    List<Upload> history = portal.uploads().of(country);
    Map<String, Object> model = new HashMap<>();
    model.put("country", country);
    model.put("uploads", history);
    model.put("canUpload", w.user().canUpload(country));
    model.put("mappings", portal.mappingsOf(country).stream().map(m -> Map.of("id", m.id(), "format", m.format(), "files", String.join(" ", m.files()))).toList());
    model.put("maxMb", portal.config().maxUploadBytes() / (1024 * 1024));
    model.put("rejected", rejected);
    portal.audit().record(AuditLog.Event.of(w.user().name(), "LIST_UPLOADS", "countries/" + country, "ok").by(w.user()).from(req.getRemoteAddr()));
    send(resp, status, page("country.ftlh", "Uploads of " + country, w, model));
  }

  private void upload(Exchange req, Exchange resp, Who w, String country) throws Exception {
    if (!w.user().canUpload(country)) {
      // refused before the body is read: nothing of it is kept
      refuse(req, resp, w, "DENIED", req.getRequestURI());
      return;
    }
    long limit = portal.config().maxUploadBytes();
    if (!isMultipart(req)) {
      error(req, resp, w, 400, "Not an upload", "Send the file with the upload form.");
      return;
    }
    if (req.getContentLengthLong() > limit + 64 * 1024) {
      tooLarge(req, resp, w, country, "", req.getContentLengthLong());
      return;
    }
    MultiPartFormData.Parts parts = null;
    try {
      try {
        parts = req.getParts();
      } catch (Exception e) {
        if (sizeExceeded(e)) {
          tooLarge(req, resp, w, country, "", req.getContentLengthLong());
        } else {
          portal.audit().record(AuditLog.Event.of(w.user().name(), "UPLOAD_REJECTED", "countries/" + country, "malformed upload form").by(w.user()).from(req.getRemoteAddr()));
          resp.setHeader("Connection", "close");
          error(req, resp, w, 400, "The upload could not be read", "The form data was malformed. Try again with the upload form.");
        }
        return;
      }
      String csrf = null;
      String mapping = null;
      MultiPart.Part file = null;
      for (MultiPart.Part p : parts) {
        switch (String.valueOf(p.getName())) {
          case "csrf" -> csrf = text(p);
          case "mapping" -> mapping = text(p);
          case "file" -> file = p;
          default -> { }
        }
      }
      if (!Sessions.same(w.session().csrf(), csrf)) {
        refuse(req, resp, w, "CSRF", req.getRequestURI());
        return;
      }
      if (file == null || file.getFileName() == null || file.getFileName().isBlank()) {
        Map<String, Object> rejected = new HashMap<>();
        rejected.put("title", "No file chosen");
        rejected.put("message", "Choose the file to upload, then press Upload.");
        rejected.put("hint", "");
        countryPage(req, resp, w, country, 400, rejected);
        return;
      }
      if (file.getLength() > limit) {
        tooLarge(req, resp, w, country, file.getFileName(), file.getLength());
        return;
      }
      byte[] content;
      try (InputStream in = Content.Source.asInputStream(file.createContentSource())) {
        content = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
      }
      if (content.length > limit) {
        tooLarge(req, resp, w, country, file.getFileName(), content.length);
        return;
      }
      Upload u = portal.intake().receive(w.user(), country, file.getFileName(), content, mapping);
      portal.audit().record(new AuditLog.Event(w.user().name(), "", "", "UPLOAD", u.storedFile(), u.sha256(), u.bytes(), u.status().name(), "")
          .by(w.user()).from(req.getRemoteAddr()));
      resp.setStatus(303);
      resp.setHeader("Location", "/countries/" + country + "/uploads/" + u.id());
    } finally {
      Exchange.closeQuietly(parts);
    }
  }

  /** Whether the multipart parser gave up because a part or the whole form was over its limit. */
  static boolean sizeExceeded(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("exceeded") || m.contains("413")) {
        return true;
      }
    }
    return false;
  }

  private static String text(MultiPart.Part p) {
    String t = p.getLength() > 4096 ? "" : p.getContentAsString(StandardCharsets.UTF_8);
    return t == null ? "" : t.trim();
  }

  private void tooLarge(Exchange req, Exchange resp, Who w, String country, String name, long size) throws IOException {
    Finding f = portal.tooLarge(country, name);
    portal.audit().record(new AuditLog.Event(w.user().name(), "", "", "UPLOAD_REJECTED", "countries/" + country + " " + clip(name), "", size, "too large", "")
        .by(w.user()).from(req.getRemoteAddr()));
    Map<String, Object> rejected = new HashMap<>();
    rejected.put("title", "Upload rejected: the file is too large");
    rejected.put("message", f.message() + " [" + f.ruleId() + "]");
    rejected.put("hint", f.hint());
    resp.setHeader("Connection", "close");
    countryPage(req, resp, w, country, 413, rejected);
  }

  private void uploadView(Exchange req, Exchange resp, Who w, String country, String id, String what) throws IOException {
    Optional<Upload> found = portal.uploads().find(country, id);
    if (found.isEmpty()) {
      error(req, resp, w, 404, "No such upload", "There is no upload " + clip(id) + " of " + country + ".");
      return;
    }
    Upload u = found.get();
    String remote = req.getRemoteAddr();
    if ("/report.json".equals(what)) {
      byte[] json = Files.readAllBytes(portal.uploads().reportFile(u, FeedbackReport.JSON_FILE));
      portal.audit().record(new AuditLog.Event(w.user().name(), "", "", "DOWNLOAD_REPORT", u.storedFile(), ReferenceDataLoader.sha256(json), json.length, "ok", "").by(w.user()).from(remote));
      download(resp, json, "application/json", u.id() + "-report.json");
    } else if ("/file".equals(what)) {
      Path file = portal.uploads().file(u);
      byte[] bytes = Files.readAllBytes(file);
      portal.audit().record(new AuditLog.Event(w.user().name(), "", "", "DOWNLOAD_FILE", u.storedFile(), ReferenceDataLoader.sha256(bytes), bytes.length, "ok", "").by(w.user()).from(remote));
      download(resp, bytes, "application/octet-stream", u.originalName());
    } else {
      byte[] json = Files.readAllBytes(portal.uploads().reportFile(u, FeedbackReport.JSON_FILE));
      Map<String, Object> report = FeedbackReport.model(json);
      Map<String, Object> model = new HashMap<>();
      model.put("upload", u);
      model.put("country", country);
      model.put("reportHtml", FeedbackReport.html(portal.templates(), report));
      portal.audit().record(new AuditLog.Event(w.user().name(), "", "", "VIEW_REPORT", u.storedFile(), u.sha256(), u.bytes(), "ok", "").by(w.user()).from(remote));
      send(resp, 200, page("upload.ftlh", (u.status() == Upload.Status.REJECTED ? "Rejected: " : "Report: ") + u.originalName(), w, model));
    }
  }

  private static void download(Exchange resp, byte[] bytes, String type, String name) throws IOException {
    String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
    resp.setStatus(200);
    resp.setContentType(type);
    resp.setHeader("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    resp.getOutputStream().write(bytes);
  }

  // ---------------------------------------------------------------- analyst pages

  private void board(Exchange req, Exchange resp, Who w) throws IOException {
    StatusBoard.Board board = StatusBoard.build(portal.countries(), portal.uploads().all());
    Map<String, Object> model = new HashMap<>();
    model.put("board", board);
    model.put("busy", portal.runs().busy());
    model.put("lastRun", portal.runs().list().stream().findFirst().orElse(null));
    portal.audit().record(AuditLog.Event.of(w.user().name(), "VIEW_BOARD", "board", "ok").by(w.user()).from(req.getRemoteAddr()));
    send(resp, 200, page("board.ftlh", "Status board", w, model));
  }

  private void runs(Exchange req, Exchange resp, Who w) throws IOException {
    Map<String, Object> model = new HashMap<>();
    model.put("runs", portal.runs().list());
    model.put("busy", portal.runs().busy());
    send(resp, 200, page("runs.ftlh", "Harmonisation runs", w, model));
  }

  private void run(Exchange req, Exchange resp, Who w, String id, String file) throws IOException {
    Optional<RunManager.Run> run = portal.runs().find(id);
    if (run.isEmpty()) {
      error(req, resp, w, 404, "No such run", "There is no harmonisation run " + clip(id) + ".");
      return;
    }
    if (file != null) {
      Optional<Path> out = portal.runs().output(id, file);
      if (out.isEmpty()) {
        error(req, resp, w, 404, "No such file", "Run " + id + " has no output " + clip(file) + ".");
        return;
      }
      byte[] bytes = Files.readAllBytes(out.get());
      portal.audit().record(new AuditLog.Event(w.user().name(), "", "", "DOWNLOAD_RUN_FILE", "runs/" + id + "/" + file, ReferenceDataLoader.sha256(bytes), bytes.length, "ok", "").by(w.user()).from(req.getRemoteAddr()));
      download(resp, bytes, file.endsWith(".json") ? "application/json" : file.endsWith(".csv") ? "text/csv" : "application/octet-stream", id + "-" + file);
      return;
    }
    Map<String, Object> model = new HashMap<>();
    model.put("run", run.get());
    Optional<Path> selection = portal.runs().output(id, RunManager.SELECTION);
    List<?> rows = List.of();
    if (selection.isPresent()) {
      rows = (List<?>) JSON.readValue(selection.get().toFile(), Map.class).get("selection");
    }
    model.put("selection", rows);
    send(resp, 200, page("run.ftlh", "Run " + id, w, model));
  }

  // ---------------------------------------------------------------- rendering

  private String page(String template, String title, Who w, Map<String, Object> model) {
    Map<String, Object> m = new LinkedHashMap<>(model);
    m.put("title", title);
    if (w != null) {
      m.put("user", w.user());
      m.put("csrf", w.session().csrf());
    }
    return portal.templates().render(template, m);
  }

  private void error(Exchange req, Exchange resp, Who w, int status, String title, String message) throws IOException {
    Map<String, Object> model = new HashMap<>();
    model.put("status", status);
    model.put("message", message);
    send(resp, status, page("error.ftlh", title, w, model));
  }

  private static void send(Exchange resp, int status, String html) throws IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType("text/html; charset=utf-8");
    resp.getOutputStream().write(bytes);
  }

  private static void css(Exchange resp) throws IOException {
    try (InputStream in = PortalHandler.class.getResourceAsStream("/eu/thbstat/portal/static/portal.css")) {
      byte[] bytes = in.readAllBytes();
      resp.setStatus(200);
      resp.setContentType("text/css; charset=utf-8");
      resp.setHeader("Cache-Control", "max-age=3600");
      resp.getOutputStream().write(bytes);
    }
  }
}
