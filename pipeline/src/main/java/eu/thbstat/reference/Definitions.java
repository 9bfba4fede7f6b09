package eu.thbstat.reference;

import java.io.Serializable;
import java.util.Map;

/** The vocabulary of national definitions in schemas/definitions.yaml. */
public record Definitions(Map<String, Concept> concepts) implements Serializable {

  public Definitions {
    concepts = Map.copyOf(concepts);
  }

  /** One defined concept, e.g. counting_unit, with its standard value. */
  public record Concept(String id, String label, String standard, Map<String, Value> values)
      implements Serializable {
    public Concept {
      values = Map.copyOf(values);
    }
  }

  /** One value of a concept; a value other than the standard carries a footnote and maybe a flag. */
  public record Value(String id, String label, String footnote, String flag)
      implements Serializable {}
}
