package eu.thbstat.reference;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Line numbers of the nodes of a YAML document by JSON pointer ("/dimensions/sex/codes"), so that
 * a problem found in a parsed mapping can be reported at its line.
 */
public final class YamlLocations {
  private final Map<String, Integer> lines = new HashMap<>();

  private YamlLocations() {}

  public static YamlLocations of(String yaml) {
    YamlLocations locations = new YamlLocations();
    try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        int line = parser.currentTokenLocation().getLineNr();
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        if (token == JsonToken.FIELD_NAME || token.isScalarValue() || token.isStructStart()) {
          locations.lines.putIfAbsent(pointer, line);
        }
      }
    } catch (IOException e) {
      // The caller reports the syntax error; lines stay unknown.
    }
    return locations;
  }

  /** Line of the node at the pointer, or of its nearest known ancestor; 0 if unknown. */
  public int line(String pointer) {
    String p = pointer;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return line;
      }
      int slash = p.lastIndexOf('/');
      if (slash <= 0) {
        return lines.getOrDefault("", 0);
      }
      p = p.substring(0, slash);
    }
  }
}
