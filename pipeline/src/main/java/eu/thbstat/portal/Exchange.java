package eu.thbstat.portal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One request and its answer, on Jetty's core API (no servlet API: Spark pulls
 * {@code jakarta.servlet-api} 4 for its own UI, and Jetty's servlet module needs version 6 of the same
 * artifact). The answer is kept in memory and sent whole when the portal is done with it, so an
 * error page can still replace a half-made answer.
 */
final class Exchange {
  private final Request request;
  private final Response response;
  private final MultiPartConfig multipart;
  private Fields form;
  private int status = 200;
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  Exchange(Request request, Response response, MultiPartConfig multipart) {
    this.request = request;
    this.response = response;
    this.multipart = multipart;
  }

  // ------------------------------------------------------------------------------ the request

  String getMethod() {
    return request.getMethod();
  }

  /** The path as sent (still percent-encoded). */
  String getRequestURI() {
    String path = request.getHttpURI().getPath();
    return path == null ? "/" : path;
  }

  String getHeader(String name) {
    return request.getHeaders().get(name);
  }

  String getRemoteAddr() {
    return Request.getRemoteAddr(request);
  }

  /**
   * Reads and drops a request body of at most {@code max} bytes, so that an answer sent before
   * reading it (a refusal) reaches a client still sending it, instead of a reset connection; false
   * for a body declared or found larger (its connection is then best closed).
   */
  boolean drainBody(long max) {
    long length = getContentLengthLong();
    if (length == 0) {
      return true;
    }
    if (length > max) {
      return false;
    }
    // a declared length, or a chunked body read up to the bound
    try (java.io.InputStream in = org.eclipse.jetty.io.Content.Source.asInputStream(request)) {
      return skipped(in, max);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static boolean skipped(java.io.InputStream in, long max) throws java.io.IOException {
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      total += n;
      if (total > max) {
        return false;
      }
    }
    return true;
  }

  String getContentType() {
    return request.getHeaders().get("Content-Type");
  }

  long getContentLengthLong() {
    return request.getHeaders().getLongField("Content-Length");
  }

  String cookie(String name) {
    for (HttpCookie c : Request.getCookies(request)) {
      if (c.getName().equals(name)) {
        return c.getValue();
      }
    }
    return null;
  }

  /** A field of a url-encoded form body (at most 50 fields, 64 KB), or null. */
  String getParameter(String name) {
    if (form == null) {
      String type = getContentType();
      if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
        form = new Fields();
      } else {
        form = FormFields.getFields(request, 50, 64 * 1024);
      }
    }
    Fields.Field f = form.get(name);
    return f == null ? null : f.getValue();
  }

  /** The parts of a multipart form, read to the end (files over their limit fail the read). */
  MultiPartFormData.Parts getParts() {
    return MultiPartFormData.getParts(request, request, getContentType(), multipart);
  }

  // ------------------------------------------------------------------------------ the answer

  void setStatus(int code) {
    status = code;
  }

  void setHeader(String name, String value) {
    List<String> values = new ArrayList<>();
    values.add(value);
    headers.put(name, values);
  }

  void addHeader(String name, String value) {
    headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
  }

  void setContentType(String type) {
    setHeader("Content-Type", type);
  }

  OutputStream getOutputStream() {
    return body;
  }

  /** Forgets the answer made so far (status, headers, body). */
  void reset() {
    status = 200;
    headers.clear();
    body.reset();
  }

  /** Sends the answer; the callback completes when it is written. */
  void send(Callback callback) {
    response.setStatus(status);
    headers.forEach((name, values) -> values.forEach(v -> response.getHeaders().add(name, v)));
    byte[] bytes = body.toByteArray();
    response.getHeaders().put("Content-Length", Integer.toString(bytes.length));
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  static void closeQuietly(MultiPartFormData.Parts parts) {
    if (parts != null) {
      try {
        parts.close();
      } catch (RuntimeException e) {
        // temporary files are removed on a best-effort basis
      }
    }
  }
}
