package eu.thbstat.reference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks a mapping against a sample file of its source: every column (or, for case-level
 * records, every field) the mapping names must be in the sample. Each problem names the mapping
 * file, the line and JSON pointer of the name in it, and the sample's columns.
 */
public final class MappingSampleCheck {
  /** Records of a JSON sample whose field names are gathered. */
  static final int JSON_RECORDS = 1000;

  private MappingSampleCheck() {}

  /** The columns or fields the mapping names, by the JSON pointer that names each. */
  static Map<String, String> named(Mapping m) {
    Map<String, String> named = new LinkedHashMap<>();
    new java.util.TreeMap<>(m.dimensions()).forEach((dim, col) -> named.put("/dimensions/" + dim + "/column", col.column()));
    if (m.value() != null) {
      named.put("/value/column", m.value().column());
    }
    for (int i = 0; i < m.flags().columns().size(); i++) {
      named.put("/flags/columns/" + i, m.flags().columns().get(i));
    }
    for (int i = 0; i < m.exclude().size(); i++) {
      for (String column : new java.util.TreeSet<>(m.exclude().get(i).where().keySet())) {
        named.put("/exclude/" + i + "/where/" + column, column);
      }
    }
    Mapping.Microdata md = m.microdata();
    if (md != null) {
      if (md.referenceDate() != null) {
        named.put("/microdata/reference_date/field", md.referenceDate().field());
      }
      if (md.age() != null && md.age().birthDate() != null) {
        named.put("/microdata/age/birth_date", md.age().birthDate());
      }
      if (md.age() != null && md.age().age() != null) {
        named.put("/microdata/age/age", md.age().age());
      }
      if (md.citizenship() != null) {
        named.put("/microdata/citizenship/field", md.citizenship().field());
      }
      if (md.forms() != null) {
        named.put("/microdata/forms/field", md.forms().field());
      }
      if (md.identifiedBy() != null) {
        named.put("/microdata/identified_by/field", md.identifiedBy().field());
      }
    }
    return named;
  }

  /**
   * The problems of reading {@code sample} with mapping {@code m} ("file:line: pointer: reason"),
   * empty if every column is there.
   *
   * @param home the thbstat home the mapping's path is relative to
   */
  public static List<String> check(Path home, Mapping m, Path sample) throws IOException {
    String text = Files.readString(home.resolve(m.path()), StandardCharsets.UTF_8);
    YamlLocations lines = YamlLocations.of(text);
    List<String> problems = new ArrayList<>();
    String name = sample.getFileName().toString();
    Columns columns;
    try {
      columns = columns(m, sample);
    } catch (IOException | RuntimeException e) {
      problems.add(m.path() + ":" + lines.line("/format") + ": /format: the sample " + name + " cannot be read as this mapping says: " + e.getMessage());
      return problems;
    }
    if (columns == null) {
      problems.add(m.path() + ":" + lines.line("/format") + ": /format: cannot list the columns of a " + m.format() + " sample");
      return problems;
    }
    for (Map.Entry<String, String> n : named(m).entrySet()) {
      if (!columns.names().contains(n.getValue())) {
        problems.add(m.path() + ":" + lines.line(n.getKey()) + ": " + n.getKey() + ": " + columns.kind() + " \"" + n.getValue()
            + "\" is not in the sample " + name + " (" + columns.where() + ": " + String.join(", ", columns.names()) + ")");
      }
    }
    if (m.isWide() && m.wide() != null) {
      try {
        Pattern p = Pattern.compile(m.wide().columns());
        if (columns.names().stream().noneMatch(c -> p.matcher(c.trim()).matches())) {
          problems.add(m.path() + ":" + lines.line("/wide/columns") + ": /wide/columns: no column of the sample " + name
              + " matches " + m.wide().columns() + " (" + columns.where() + ": " + String.join(", ", columns.names()) + ")");
        }
      } catch (PatternSyntaxException e) {
        // reported by the mapping checks
      }
    }
    return problems;
  }

  /** The column or field names of a sample, what they are called and where they were read. */
  record Columns(Set<String> names, String kind, String where) {}

  private static Columns columns(Mapping m, Path sample) throws IOException {
    String records = "csv";
    if (m.isMicrodata()) {
      records = m.microdata().records();
      if ("auto".equals(records)) {
        String n = sample.getFileName().toString().toLowerCase(Locale.ROOT);
        records = n.endsWith(".ndjson") || n.endsWith(".jsonl") ? "ndjson" : n.endsWith(".json") ? "json" : "csv";
      }
    } else if (!"csv".equals(m.format())) {
      return null;
    }
    if (records.equals("csv")) {
      Mapping.Csv dialect = m.csv();
      try (InputStream in = Files.newInputStream(sample);
          BufferedReader reader = new BufferedReader(new InputStreamReader(in, Charset.forName(dialect.encoding()).newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
          reader.reset();
        }
        for (int i = 0; i < dialect.skipLines(); i++) {
          reader.readLine();
        }
        CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(dialect.delimiter()).setQuote(dialect.quote().charAt(0)).get().parse(reader);
        java.util.Iterator<CSVRecord> it = parser.iterator();
        Set<String> names = new LinkedHashSet<>(it.hasNext() ? it.next().toList() : List.of());
        return new Columns(names, "column", "header, line " + (dialect.skipLines() + 1));
      }
    }
    Set<String> names = new LinkedHashSet<>();
    JsonFactory json = new JsonFactory();
    int seen = 0;
    if (records.equals("ndjson")) {
      try (BufferedReader reader = Files.newBufferedReader(sample, StandardCharsets.UTF_8)) {
        String line;
        while (seen < JSON_RECORDS && (line = reader.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          seen++;
          try (JsonParser p = json.createParser(line.startsWith("\uFEFF") ? line.substring(1) : line)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
              fieldNames(p, names);
            }
          } catch (IOException e) {
            // an unreadable line is the reader's business; its fields are not listed
          }
        }
      }
    } else {
      try (JsonParser p = json.createParser(sample.toFile())) {
        if (p.nextToken() == JsonToken.START_ARRAY) {
          JsonToken t;
          while (seen < JSON_RECORDS && (t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
            seen++;
            if (t == JsonToken.START_OBJECT) {
              fieldNames(p, names);
            } else if (t.isStructStart()) {
              p.skipChildren();
            }
          }
        }
      }
    }
    return new Columns(names, "field", "fields of its first " + seen + " records");
  }

  private static void fieldNames(JsonParser p, Set<String> names) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      names.add(p.currentName());
      if (p.nextToken().isStructStart()) {
        p.skipChildren();
      }
    }
  }
}
