package eu.thbstat.validation;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.QuarantinedRecord;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.RuleCatalogue.Place;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the cells of one country, from all its files together: no cell given twice (the first
 * given, by file and line, is kept), the datapoint rulesets of schemas/rules/, then the hierarchies
 * (deriving missing totals from complete breakdowns first) and the hierarchical rulesets, then the
 * series over time (level 3). Plain Java, called by the pipeline and by {@code thbstat validate}.
 */
public final class CountryValidator {
  private static final Comparator<Observation> SOURCE_ORDER =
      Comparator.comparing(Observation::file).thenComparingLong(Observation::line).thenComparing(Observation::key);

  private final ReferenceData ref;
  private final Hierarchies hierarchies;
  private final RuleEngine engine;
  private final SeriesChecks series;
  private final PreviousRelease previous;

  public CountryValidator(ReferenceData ref) {
    this(ref, PreviousRelease.NONE);
  }

  /** With the cells of a previous release, for the level-3 checks over time. */
  public CountryValidator(ReferenceData ref, PreviousRelease previous) {
    this.ref = ref;
    this.hierarchies = new Hierarchies(ref);
    this.engine = new RuleEngine(ref);
    this.series = new SeriesChecks(ref);
    this.previous = previous;
  }

  /** The outcome for one country: cells kept (reported and derived), findings, rejected cells. */
  public record Result(List<Observation> observations, List<Finding> findings, List<QuarantinedRecord> quarantine) {}

  public Result validate(String country, List<Observation> reported) {
    List<Observation> cells = new ArrayList<>(reported);
    cells.sort(SOURCE_ORDER);
    List<Observation> kept = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<QuarantinedRecord> quarantine = new ArrayList<>();
    Map<CellKey, Observation> first = new HashMap<>();
    for (Observation o : cells) {
      Observation earlier = first.putIfAbsent(o.key(), o);
      if (earlier == null) {
        kept.add(o);
        continue;
      }
      Finding f = ref.rules().finding("KEY_DUPLICATE", new Place(country, o.file(), o.line(), "", o.key().toString()),
          Map.of("key", o.key().toString(), "first", earlier.location(), "value", o.available() ? Hierarchies.format(o.value()) : ":"));
      findings.add(f);
      quarantine.add(new QuarantinedRecord(country, o.file(), o.line(), "", List.of(f.ruleId()), f.message(),
          o.key() + " = " + (o.available() ? Hierarchies.format(o.value()) : ":") + (o.flags().isEmpty() ? "" : " " + o.flags())));
    }
    // level 1, datapoint rulesets of schemas/rules/ (code combinations): an ERROR keeps the cell out
    for (RuleEngine.Failure failure : engine.datapoint(country, kept)) {
      Finding f = failure.finding();
      findings.add(f);
      if (f.severity() == eu.thbstat.model.Severity.ERROR && kept.remove(failure.cell())) {
        Observation o = failure.cell();
        quarantine.add(new QuarantinedRecord(country, o.file(), o.line(), "", List.of(f.ruleId()), f.message(),
            o.key() + " = " + (o.available() ? Hierarchies.format(o.value()) : ":") + (o.flags().isEmpty() ? "" : " " + o.flags())));
      }
    }
    kept.addAll(hierarchies.derive(kept));
    findings.addAll(hierarchies.check(country, kept));
    findings.addAll(engine.hierarchical(country, kept));
    findings.addAll(series.check(country, kept, previous.cells(country)));
    return new Result(kept, findings, quarantine);
  }
}
