package eu.thbstat.aggregate;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Flags;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.HierarchyRule;
import eu.thbstat.reference.ReferenceData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Shares (unit PC) of each breakdown of the code lists' hierarchies, taken on the known categories
 * only, as Eurostat does: the codes of schemas/aggregation.yaml's shares.unknown_codes (UNK) are
 * left out of the denominator. In 2022 the three forms of exploitation add up to 9 703 of the
 * 10 093 registered victims, and the shares are taken on 9 703: sexual exploitation 4 014 / 9 703
 * = 41.4 %. Since a victim may suffer several forms, the denominator is the sum of the known
 * components, never the total. A share is computed only where every known component of the
 * breakdown has a value and their sum is above zero; for any geo, countries and aggregates alike.
 */
public final class Shares {
  public static final String UNIT = "PC";

  private final ReferenceData ref;
  private final Set<String> unknown;
  private final int unit;

  public Shares(ReferenceData ref) {
    this.ref = ref;
    this.unknown = Set.copyOf(ref.aggregation().unknownCodes());
    this.unit = ref.model().index(Dimension.UNIT);
  }

  /** A share cell and the counts it is computed from (numerator among them). */
  public record Share(Observation cell, List<CellKey> sources) {
    public Share {
      sources = List.copyOf(sources);
    }
  }

  /** The shares of the count cells, except those the cells already hold. */
  public List<Share> compute(List<Observation> cells) {
    Set<CellKey> existing = new TreeSet<>();
    cells.forEach(o -> existing.add(o.key()));
    return compute(cells, existing);
  }

  /** The counts each share of these cells is (or would be) computed from, by share key. */
  public Map<CellKey, List<CellKey>> sources(List<Observation> cells) {
    Map<CellKey, List<CellKey>> sources = new TreeMap<>();
    compute(cells, Set.of()).forEach(s -> sources.put(s.cell().key(), s.sources()));
    return sources;
  }

  private List<Share> compute(List<Observation> cells, Set<CellKey> existing) {
    Map<CellKey, Share> shares = new TreeMap<>();
    for (HierarchyRule rule : ref.model().hierarchies()) {
      List<String> known = rule.components().stream().filter(c -> !unknown.contains(c)).toList();
      if (known.size() < 2) {
        continue;
      }
      for (Map<String, Observation> group : groups(cells, rule.dimension()).values()) {
        List<Observation> parts = new ArrayList<>();
        for (String c : known) {
          Observation o = group.get(c);
          if (o == null || !o.available()) {
            break;
          }
          parts.add(o);
        }
        double denominator = parts.stream().mapToDouble(Observation::value).sum();
        if (parts.size() < known.size() || denominator <= 0) {
          continue;
        }
        List<CellKey> sources = parts.stream().map(Observation::key).toList();
        TreeSet<String> notes = new TreeSet<>();
        List<String> flags = new ArrayList<>();
        parts.forEach(p -> {
          notes.addAll(p.footnotes());
          flags.add(p.flags());
        });
        for (Observation p : parts) {
          CellKey key = p.key().with(unit, UNIT);
          if (existing.contains(key) || shares.containsKey(key)) {
            continue; // a common component of two breakdowns (citizen NAT): the first rule's share
          }
          Observation share = new Observation(key, 100 * p.value() / denominator, Flags.union(flags), List.copyOf(notes), Origin.COMPUTED, p.file(), p.line());
          shares.put(key, new Share(share, sources));
        }
      }
    }
    return List.copyOf(shares.values());
  }

  /** Count cells grouped by their key without dimension d, then by their code of d. */
  private Map<CellKey, Map<String, Observation>> groups(List<Observation> cells, int d) {
    Map<CellKey, Map<String, Observation>> groups = new TreeMap<>();
    for (Observation o : cells) {
      if (o.key().get(unit).equals("NR")) {
        groups.computeIfAbsent(o.key().with(d, "*"), k -> new LinkedHashMap<>()).put(o.key().get(d), o);
      }
    }
    return groups;
  }
}
