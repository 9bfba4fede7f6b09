package eu.thbstat.ingest.microdata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/** Reads the fields a mapping needs from one JSON object of a case record, skipping the others. */
final class JsonCaseObjects {
  private JsonCaseObjects() {}

  /** Reads the object the parser is at (its START_OBJECT read) up to and including its END_OBJECT. */
  static void read(JsonParser p, CaseFields fields, CaseRecord r) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      int slot = fields.slot(name);
      t = p.nextToken();
      if (slot < 0) {
        if (t.isStructStart()) {
          p.skipChildren();
        }
        continue;
      }
      r.seen[slot] = true;
      switch (t) {
        case VALUE_NULL -> r.values[slot] = "";
        case START_ARRAY -> readList(p, fields, slot, name, r);
        case START_OBJECT -> {
          p.skipChildren();
          r.values[slot] = "";
          r.unreadable(name, "field \"" + name + "\" holds an object where a value is expected");
        }
        default -> r.values[slot] = p.getText();
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new IllegalStateException("JSON object not closed: " + t);
    }
  }

  private static void readList(JsonParser p, CaseFields fields, int slot, String name, CaseRecord r) throws IOException {
    List<String> list = r.lists.get(slot);
    list.clear();
    r.isList[slot] = true;
    r.values[slot] = "";
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t.isStructStart()) {
        p.skipChildren();
        r.unreadable(name, "field \"" + name + "\" holds a list of lists or objects where values are expected");
      } else if (t != JsonToken.VALUE_NULL) {
        list.add(p.getText());
      }
    }
    if (!fields.multi(slot)) {
      if (list.size() == 1) {
        r.values[slot] = list.get(0);
      } else if (list.size() > 1) {
        r.unreadable(name, "field \"" + name + "\" holds a list of " + list.size() + " values where one value is expected");
      }
    }
  }
}
