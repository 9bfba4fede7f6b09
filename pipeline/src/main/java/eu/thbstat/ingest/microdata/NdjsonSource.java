package eu.thbstat.ingest.microdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;

/**
 * Newline-delimited JSON: one object per line (UTF-8). Lines are cut at the byte level and each is
 * parsed on its own, so that a broken line is one unreadable record and the next line reads
 * normally. Blank lines are skipped; line numbers count them.
 */
final class NdjsonSource implements CaseSource {
  private static final int MAX_LINE = 64 << 20;

  private final InputStream in;
  private final JsonFactory json;
  private final CaseFields fields;
  private byte[] buf = new byte[1 << 16];
  private int start;
  private int end;
  private boolean eof;
  private long line;
  private long number;

  NdjsonSource(InputStream in, JsonFactory json, CaseFields fields) {
    this.in = in;
    this.json = json;
    this.fields = fields;
  }

  @Override
  public boolean next(CaseRecord r) throws IOException {
    while (true) {
      int nl = indexOfNewline(start);
      while (nl < 0 && !eof) {
        int searched = end - start;
        fill();
        nl = indexOfNewline(start + searched);
      }
      if (nl < 0) {
        if (start >= end) {
          return false;
        }
        nl = end;
      }
      int s = start;
      int e = nl;
      start = Math.min(nl + 1, end);
      line++;
      if (line == 1 && e - s >= 3 && buf[s] == (byte) 0xEF && buf[s + 1] == (byte) 0xBB && buf[s + 2] == (byte) 0xBF) {
        s += 3; // byte-order mark
      }
      if (e > s && buf[e - 1] == '\r') {
        e--;
      }
      if (blank(s, e)) {
        continue;
      }
      r.reset(line, ++number);
      parse(s, e, r);
      return true;
    }
  }

  private void parse(int s, int e, CaseRecord r) throws IOException {
    try (JsonParser p = json.createParser(buf, s, e - s)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        r.unreadable("", "the line is not a JSON object");
        return;
      }
      JsonCaseObjects.read(p, fields, r);
      if (p.nextToken() != null) {
        r.unreadable("", "the line goes on after its JSON object");
      }
    } catch (JsonProcessingException ex) {
      r.unreadable("", "not valid JSON: " + ex.getOriginalMessage());
    }
  }

  private int indexOfNewline(int from) {
    for (int i = from; i < end; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private boolean blank(int s, int e) {
    for (int i = s; i < e; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  /** Moves the unread bytes to the front and reads more, growing the buffer for a long line. */
  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buf.length) {
      if (buf.length >= MAX_LINE) {
        throw new Stopped(line + 1, "line " + (line + 1) + " is longer than " + (MAX_LINE >> 20) + " MB; one line holds one case record");
      }
      buf = java.util.Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, end, buf.length - end);
    if (n < 0) {
      eof = true;
    } else {
      end += n;
    }
  }

  @Override
  public void close() {
    // the caller closes the stream
  }
}
