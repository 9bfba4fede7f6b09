package eu.thbstat.reference;

import java.io.Serializable;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything thbstat knows before it reads a submission: the common model, the rule catalogue,
 * the definitions vocabulary, the seeds and the mappings. Loaded and cross-checked once by {@link
 * ReferenceDataLoader}; travels into the pipeline's DoFns as configuration.
 *
 * @param tables the tables of the EU data collection (schemas/tables.yaml)
 * @param fileHashes SHA-256 of every reference file loaded, by path relative to the home
 * @param aggregation how EU aggregates are made (schemas/aggregation.yaml)
 * @param protection small-count protection of the public outputs (schemas/protection.yaml)
 */
public record ReferenceData(
    CommonModel model,
    RuleCatalogue rules,
    Definitions definitions,
    Seeds seeds,
    List<Mapping> mappings,
    List<Table> tables,
    Map<String, String> fileHashes,
    AggregationSettings aggregation,
    ProtectionSettings protection)
    implements Serializable {

  public ReferenceData {
    mappings = List.copyOf(mappings);
    tables = List.copyOf(tables);
    fileHashes = Map.copyOf(fileHashes);
  }

  /**
   * The mapping for a submission file: the first (in mapping id order) whose file patterns match
   * the file's name or its path below the input folder.
   */
  public Optional<Mapping> mappingFor(String relativePath) {
    Path path = Path.of(relativePath);
    Path name = path.getFileName();
    for (Mapping m : mappings) {
      for (String pattern : m.files()) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        if (matcher.matches(name) || matcher.matches(path)) {
          return Optional.of(m);
        }
      }
    }
    return Optional.empty();
  }

  /** Id of the footnote a non-standard national definition puts on a mapping's cells. */
  public static String definitionFootnoteId(Mapping m, String concept) {
    return m.id() + "#" + concept;
  }

  /** Id of the i-th (from 0) footnote of a mapping. */
  public static String mappingFootnoteId(Mapping m, int i) {
    return m.id() + "#" + (i + 1);
  }

  /**
   * Every footnote the mappings can put on a cell, by id: the footnotes of non-standard national
   * definitions (texts from schemas/definitions.yaml) and the mappings' own footnotes.
   */
  public Map<String, Footnote> footnotes() {
    Map<String, Footnote> all = new java.util.LinkedHashMap<>();
    for (Mapping m : mappings) {
      new java.util.TreeMap<>(m.definitions()).forEach((concept, value) -> {
        Definitions.Concept c = definitions.concepts().get(concept);
        Definitions.Value v = c.values().get(value);
        if (!value.equals(c.standard()) && v.footnote() != null) {
          all.put(definitionFootnoteId(m, concept), new Footnote(m.country(), v.footnote()));
        }
      });
      for (int i = 0; i < m.footnotes().size(); i++) {
        all.put(mappingFootnoteId(m, i), new Footnote(m.country(), m.footnotes().get(i).text()));
      }
    }
    return all;
  }

  /** A footnote's country and text. */
  public record Footnote(String country, String text) implements Serializable {}

  public List<Mapping> mappingsOf(String country) {
    return mappings.stream().filter(m -> m.country().equals(country)).toList();
  }

  public Mapping mapping(String id) {
    return mappings.stream()
        .filter(m -> m.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no mapping " + id));
  }
}
