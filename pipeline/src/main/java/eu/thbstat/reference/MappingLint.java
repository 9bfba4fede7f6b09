package eu.thbstat.reference;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks of a mapping file's text that its parsed form cannot show, since a YAML loader keeps only
 * the last of two equal keys: a key given twice in one mapping, and, in a map of national codes
 * ({@code codes}), two national codes that are the same once trimmed and compared ignoring case
 * (thbstat matches national codes that way, so only one of the two rules could ever apply).
 */
final class MappingLint {
  private MappingLint() {}

  private static final class Frame {
    final boolean object;
    final boolean codes;
    final Map<String, Integer> keys = new HashMap<>();
    final Map<String, String> folded = new HashMap<>();

    Frame(boolean object, boolean codes) {
      this.object = object;
      this.codes = codes;
    }
  }

  /** The problems found, each "file:line: pointer: reason"; empty if none (or if the YAML does not parse). */
  static List<String> check(String file, String yaml) {
    List<String> problems = new ArrayList<>();
    Deque<Frame> stack = new ArrayDeque<>();
    try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
      String lastField = null;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        switch (token) {
          case START_OBJECT -> {
            stack.push(new Frame(true, "codes".equals(lastField)));
            lastField = null;
          }
          case START_ARRAY -> {
            stack.push(new Frame(false, false));
            lastField = null;
          }
          case END_OBJECT, END_ARRAY -> stack.pop();
          case FIELD_NAME -> {
            String key = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr();
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            Frame frame = stack.peek();
            Integer first = frame.keys.putIfAbsent(key, line);
            if (first != null) {
              problems.add(file + ":" + line + ": " + pointer + ": the key \"" + key + "\" is given twice (first at line " + first
                  + "); a YAML loader keeps only the last, so the first is silently lost");
            } else if (frame.codes) {
              String fold = key.trim().toLowerCase(Locale.ROOT);
              String earlier = frame.folded.putIfAbsent(fold, key);
              if (earlier != null) {
                problems.add(file + ":" + line + ": " + pointer + ": the national code \"" + key + "\" is the same as \"" + earlier
                    + "\" (line " + frame.keys.get(earlier) + ") once trimmed and compared ignoring case, as thbstat matches codes; "
                    + "two rules claim it, keep one");
              }
            }
            lastField = key;
          }
          default -> lastField = null;
        }
      }
    } catch (IOException e) {
      // The loader reports the syntax error.
    }
    return problems;
  }
}
