package eu.thbstat.validation;

import eu.thbstat.harmonise.Release;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.rules.ComparabilityRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The validation steps over a whole release (called once from {@code ReleaseSteps.apply}): the
 * level-4 checks across countries, then the comparability footnotes on the cells concerned (victims
 * counted under several forms, rates on a flagged population).
 */
public final class ValidationSteps {
  private ValidationSteps() {}

  public static Release apply(ReferenceData ref, Release release) {
    List<Finding> findings = new ArrayList<>(release.findings());
    findings.addAll(new CrossCountryChecks(ref).check(release.observations()));
    List<Observation> cells = footnotes(ref, release.observations(), findings);
    return new Release(cells, findings, release.quarantine(), release.files());
  }

  /** The cells with the footnotes of the comparability reasons that have one. */
  static List<Observation> footnotes(ReferenceData ref, List<Observation> cells, List<Finding> findings) {
    Map<String, Set<String>> notes = new HashMap<>();
    int geo = ref.model().index(Dimension.GEO);
    int time = ref.model().index(Dimension.TIME);
    int unit = ref.model().index(Dimension.UNIT);
    for (ComparabilityRules.Reason r : ref.rules().sets().comparability().reasons()) {
      if (r.footnote() == null) {
        continue;
      }
      String id = ComparabilityRules.footnoteId(r);
      if (r.kind().equals("finding")) {
        findings.stream().filter(f -> r.values().contains(f.ruleId()) && !f.key().isEmpty())
            .forEach(f -> notes.computeIfAbsent(f.key(), k -> new TreeSet<>()).add(id));
      } else if (r.kind().equals("population_flag")) {
        for (Observation o : cells) {
          if (o.origin() == Origin.COMPUTED && !o.key().get(unit).equals("NR")) {
            String flag = ref.seeds().populationFlags().get(eu.thbstat.reference.Seeds.key(o.key().get(geo), Integer.parseInt(o.key().get(time))));
            if (flag != null && !flag.isBlank()) {
              notes.computeIfAbsent(o.key().toString(), k -> new TreeSet<>()).add(id);
            }
          }
        }
      }
    }
    if (notes.isEmpty()) {
      return cells;
    }
    List<Observation> out = new ArrayList<>(cells.size());
    for (Observation o : cells) {
      Set<String> add = notes.get(o.key().toString());
      if (add == null) {
        out.add(o);
        continue;
      }
      TreeSet<String> all = new TreeSet<>(o.footnotes());
      all.addAll(add);
      out.add(new Observation(o.key(), o.value(), o.flags(), List.copyOf(all), o.origin(), o.file(), o.line()));
    }
    return out;
  }
}
