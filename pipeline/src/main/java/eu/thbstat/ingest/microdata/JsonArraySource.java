package eu.thbstat.ingest.microdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;

/**
 * A JSON array of case records, read as a stream (never the whole file in memory). A record that
 * is not an object is one unreadable record; broken JSON stops the file there, the records before
 * staying read.
 */
final class JsonArraySource implements CaseSource {
  private final JsonParser parser;
  private final CaseFields fields;
  private boolean started;
  private boolean done;
  private long number;

  JsonArraySource(InputStream in, JsonFactory json, CaseFields fields) throws IOException {
    this.parser = json.createParser(in);
    this.fields = fields;
  }

  private long line() {
    return parser.currentLocation().getLineNr();
  }

  @Override
  public boolean next(CaseRecord r) throws IOException {
    if (done) {
      return false;
    }
    try {
      if (!started) {
        started = true;
        JsonToken first = parser.nextToken();
        if (first == null) {
          done = true;
          return false;
        }
        if (first != JsonToken.START_ARRAY) {
          throw new Stopped(line(), "a JSON file of case records holds one array of objects, [{...}, {...}]; "
              + "a file of one object per line is NDJSON (name it .ndjson, or set microdata: {records: ndjson})");
        }
      }
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY) {
        done = true;
        if (parser.nextToken() != null) {
          throw new Stopped(line(), "the file goes on after its array of records");
        }
        return false;
      }
      if (t == null) {
        throw new Stopped(line(), "the array of records is not closed with ]");
      }
      r.reset(parser.currentTokenLocation().getLineNr(), ++number);
      if (t == JsonToken.START_OBJECT) {
        JsonCaseObjects.read(parser, fields, r);
      } else {
        if (t.isStructStart()) {
          parser.skipChildren();
        }
        r.unreadable("", "element " + number + " of the array is not a JSON object");
      }
      return true;
    } catch (JsonProcessingException e) {
      done = true;
      throw new Stopped(e.getLocation() == null ? line() : e.getLocation().getLineNr(),
          "the JSON cannot be parsed from here on: " + e.getOriginalMessage() + "; the records before are read");
    }
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
