package eu.thbstat.ingest.microdata;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Flags;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.reference.CommonModel;
import eu.thbstat.reference.Definitions;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.RuleCatalogue.Place;
import eu.thbstat.reference.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Makes the cells of the cube from the counts by profile: for every country, year and legal
 * status with records, every cell of every table of schemas/tables.yaml for that status (zero
 * where no one counts in it: the records are the whole population), plus the finer age bands the
 * mapping asks for and the finer forms of exploitation its codes give. A person counts in a cell
 * when the cell's code of every dimension is their code, one of its parents or the total, so that
 * totals and breakdowns agree by construction; a person with several forms counts once in each
 * form and once in every total.
 */
final class CubeExpander {
  private final ReferenceData ref;
  private final CommonModel model;
  private final Mapping mapping;
  private final CaseProfiler profiler;
  private final ProfileLayout layout;
  private final String file;
  private final String definitionFlags;
  private final List<String> definitionFootnotes;

  CubeExpander(ReferenceData ref, Mapping mapping, CaseProfiler profiler, String file) {
    this.ref = ref;
    this.model = ref.model();
    this.mapping = mapping;
    this.profiler = profiler;
    this.layout = profiler.layout;
    this.file = file;
    StringBuilder flags = new StringBuilder();
    List<String> notes = new ArrayList<>();
    new TreeMap<>(mapping.definitions()).forEach((concept, value) -> {
      Definitions.Concept c = ref.definitions().concepts().get(concept);
      Definitions.Value v = c.values().get(value);
      if (!value.equals(c.standard())) {
        if (v.flag() != null) {
          flags.append(v.flag());
        }
        if (v.footnote() != null) {
          notes.add(ReferenceData.definitionFootnoteId(mapping, concept));
        }
      }
    });
    this.definitionFlags = Flags.normalise(flags.toString());
    this.definitionFootnotes = List.copyOf(notes);
  }

  /** The cells and the notes on multi-form persons. */
  record Result(List<Observation> cells, List<Finding> findings) {}

  Result expand(ProfileCounts counts) {
    long[] profiles = counts.sortedKeys();
    long groupMask = layout.keep(ProfileLayout.GEO, ProfileLayout.YEAR, ProfileLayout.LEG);
    TreeMap<Long, long[]> groups = new TreeMap<>(); // persons, multi-form, multi-group
    for (long p : profiles) {
      long n = counts.get(p);
      long[] g = groups.computeIfAbsent(p & groupMask, k -> new long[3]);
      g[0] += n;
      if ((profiler.uses(layout.get(p, ProfileLayout.LEG)) & CaseProfiler.USES_FORMS) != 0) {
        int[] spread = profiler.formSpread(layout.forms(p));
        g[1] += spread[0] > 1 ? n : 0;
        g[2] += spread[1] > 1 ? n : 0;
      }
    }
    Map<CellKey, Long> cells = new HashMap<>();
    for (Table t : ref.tables()) {
      table(t, profiles, counts, groups.keySet(), cells);
    }
    List<Observation> out = new ArrayList<>();
    new TreeMap<>(cells).forEach((key, value) -> out.add(observation(key, value)));
    return new Result(out, multiFormNotes(groups));
  }

  /** The cells of one table, added to {@code cells} (a cell two tables share is the same count). */
  private void table(Table t, long[] profiles, ProfileCounts counts, Set<Long> groups, Map<CellKey, Long> cells) {
    String legFixed = t.fixed().get("leg_stat");
    List<Integer> fields = new ArrayList<>(List.of(ProfileLayout.GEO, ProfileLayout.YEAR, ProfileLayout.LEG));
    for (String d : t.breakdowns().keySet()) {
      int f = field(d);
      if (f >= 0) {
        fields.add(f);
      }
    }
    long keep = layout.keep(fields.stream().mapToInt(Integer::intValue).toArray());
    // counts projected on the table's breakdowns
    TreeMap<Long, Long> projected = new TreeMap<>();
    for (long p : profiles) {
      int leg = layout.get(p, ProfileLayout.LEG);
      if (applies(legFixed, leg) && fixedHold(t, p)) {
        projected.merge(p & keep, counts.get(p), Long::sum);
      }
    }
    Map<CellKey, Long> values = new LinkedHashMap<>();
    Map<Long, List<String[]>> allowedByGroup = new HashMap<>();
    long groupMask = layout.keep(ProfileLayout.GEO, ProfileLayout.YEAR, ProfileLayout.LEG);
    for (long g : groups) {
      int leg = layout.get(g, ProfileLayout.LEG);
      if (!applies(legFixed, leg)) {
        continue;
      }
      List<String[]> allowed = allowed(t, g);
      allowedByGroup.put(g, allowed);
      for (CellKey k : product(allowed)) {
        values.put(k, 0L);
      }
    }
    for (Map.Entry<Long, Long> e : projected.entrySet()) {
      long p = e.getKey();
      List<String[]> allowed = allowedByGroup.get(p & groupMask);
      List<String[]> codes = new ArrayList<>();
      for (Dimension d : model.dimensions()) {
        String[] a = allowed.get(d.index());
        codes.add(t.breakdowns().containsKey(d.id()) ? intersect(closure(d, p), a) : a);
      }
      for (CellKey k : product(codes)) {
        values.merge(k, e.getValue(), Long::sum);
      }
    }
    values.forEach((k, v) -> {
      Long before = cells.putIfAbsent(k, v);
      if (before != null && before.longValue() != v) {
        throw new IllegalStateException("tables disagree on cell " + k + ": " + before + " and " + v);
      }
    });
  }

  private boolean applies(String legFixed, int leg) {
    return legFixed == null || legFixed.equals(profiler.legDim.codes().get(leg).code());
  }

  /** The profile field of a dimension a table may break down, or -1. */
  private static int field(String dimension) {
    return switch (dimension) {
      case "victim_status" -> ProfileLayout.VS;
      case "sex" -> ProfileLayout.SEX;
      case "age" -> ProfileLayout.AGE;
      case "citizen" -> ProfileLayout.CIT;
      case "exploitation" -> ProfileLayout.FORMS;
      default -> -1;
    };
  }

  /** A person counts in a table only if, in every dimension the table fixes, they count in the fixed code. */
  private boolean fixedHold(Table t, long p) {
    for (Map.Entry<String, String> f : t.fixed().entrySet()) {
      if (field(f.getKey()) < 0) {
        continue;
      }
      String[] c = closure(model.dimension(f.getKey()), p);
      if (c != null && !Arrays.asList(c).contains(f.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The codes a person of profile p counts in for dimension d: their code, its parents and the
   * total; null (any code) for a dimension their legal status does not read.
   */
  private String[] closure(Dimension d, long p) {
    int uses = profiler.uses(layout.get(p, ProfileLayout.LEG));
    int year = layout.get(p, ProfileLayout.YEAR) + model.firstYear();
    return switch (d.id()) {
      case "victim_status" -> (uses & CaseProfiler.USES_VS) == 0 ? null : profiler.closure(d, null, layout.get(p, ProfileLayout.VS));
      case "sex" -> (uses & CaseProfiler.USES_SEX) == 0 ? null : profiler.closure(d, null, layout.get(p, ProfileLayout.SEX));
      case "age" -> (uses & CaseProfiler.USES_AGE) == 0 ? null
          : profiler.ageConstant() != null ? profiler.ageConstant() : profiler.ageClosure[layout.get(p, ProfileLayout.AGE)];
      case "citizen" -> (uses & CaseProfiler.USES_CIT) == 0 ? null : profiler.citizenClosure(layout.get(p, ProfileLayout.CIT), year);
      case "exploitation" -> (uses & CaseProfiler.USES_FORMS) == 0 ? null : profiler.formClosure(layout.forms(p));
      default -> null;
    };
  }

  private static String[] intersect(String[] closure, String[] allowed) {
    if (closure == null) {
      return allowed;
    }
    List<String> out = new ArrayList<>();
    for (String a : allowed) {
      for (String c : closure) {
        if (c.equals(a)) {
          out.add(a);
          break;
        }
      }
    }
    return out.toArray(String[]::new);
  }

  /**
   * The codes a table asks of each dimension for the country and year of profile p (the
   * citizenship groups of that year's EU), with, for the dimensions it breaks down, the finer
   * codes the mapping gives (age bands, forms of exploitation) below those it lists.
   */
  private List<String[]> allowed(Table t, long p) {
    String geo = profiler.geoDim.codes().get(layout.get(p, ProfileLayout.GEO)).code();
    int year = layout.get(p, ProfileLayout.YEAR) + model.firstYear();
    String legCode = profiler.legDim.codes().get(layout.get(p, ProfileLayout.LEG)).code();
    List<LinkedHashSet<String>> sets = new ArrayList<>();
    for (int i = 0; i < model.dimensions().size(); i++) {
      sets.add(new LinkedHashSet<>());
    }
    for (CellKey k : t.cells(model, ref.seeds(), geo, year)) {
      for (int i = 0; i < sets.size(); i++) {
        sets.get(i).add(k.get(i));
      }
    }
    int legIndex = model.index("leg_stat");
    if (!t.fixed().containsKey("leg_stat")) {
      sets.get(legIndex).clear();
      sets.get(legIndex).add(legCode);
    }
    for (String d : t.breakdowns().keySet()) {
      Dimension dim = model.dimension(d);
      LinkedHashSet<String> set = sets.get(dim.index());
      for (String c : finer(d)) {
        if (!set.contains(c) && Arrays.stream(CaseProfiler.closureOf(dim, c)).anyMatch(set::contains)) {
          set.add(c);
        }
      }
    }
    return sets.stream().map(s -> s.toArray(String[]::new)).toList();
  }

  /** The finer codes of a dimension the mapping's records can give: age bands, forms of exploitation. */
  private List<String> finer(String dimension) {
    Set<String> out = new TreeSet<>();
    if (dimension.equals("age") && profiler.ageConstant() == null) {
      for (String[] c : profiler.ageClosure) {
        out.addAll(List.of(c));
      }
    } else if (dimension.equals("exploitation")) {
      for (String target : profiler.formTargets) {
        out.addAll(List.of(CaseProfiler.closureOf(profiler.formDim, target)));
      }
    }
    return List.copyOf(out);
  }

  private static List<CellKey> product(List<String[]> codes) {
    List<List<String>> keys = new ArrayList<>();
    keys.add(new ArrayList<>());
    for (String[] options : codes) {
      List<List<String>> next = new ArrayList<>(keys.size() * Math.max(1, options.length));
      for (List<String> k : keys) {
        for (String o : options) {
          List<String> copy = new ArrayList<>(k);
          copy.add(o);
          next.add(copy);
        }
      }
      keys = next;
    }
    return keys.stream().map(CellKey::new).toList();
  }

  private Observation observation(CellKey key, long value) {
    TreeSet<String> notes = new TreeSet<>(definitionFootnotes);
    for (int i = 0; i < mapping.footnotes().size(); i++) {
      boolean applies = true;
      for (Map.Entry<String, String> w : mapping.footnotes().get(i).where().entrySet()) {
        applies &= key.get(model.index(w.getKey())).equals(w.getValue());
      }
      if (applies) {
        notes.add(ReferenceData.mappingFootnoteId(mapping, i));
      }
    }
    return new Observation(key, (double) value, definitionFlags, List.copyOf(notes), Origin.COUNTED, file, 0);
  }

  private List<Finding> multiFormNotes(TreeMap<Long, long[]> groups) {
    List<Finding> out = new ArrayList<>();
    String field = mapping.microdata().forms() == null ? "" : mapping.microdata().forms().field();
    groups.forEach((g, n) -> {
      if (n[1] == 0) {
        return;
      }
      String geo = profiler.geoDim.codes().get(layout.get(g, ProfileLayout.GEO)).code();
      String year = Integer.toString(layout.get(g, ProfileLayout.YEAR) + model.firstYear());
      String leg = profiler.legDim.codes().get(layout.get(g, ProfileLayout.LEG)).code();
      List<String> key = new ArrayList<>();
      for (Dimension d : model.dimensions()) {
        key.add(switch (d.id()) {
          case Dimension.GEO -> geo;
          case Dimension.TIME -> year;
          case "leg_stat" -> leg;
          case Dimension.UNIT -> "NR";
          default -> d.total();
        });
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("count", n[1]);
      details.put("persons", n[0]);
      details.put("leg_stat", leg);
      details.put("time", year);
      details.put("groups", n[2]);
      details.put("top", String.join(", ", profiler.formGroups()));
      details.put("value", n[1]);
      out.add(ref.rules().finding("CASE_MULTI_FORM", new Place(geo, file, 0, field, new CellKey(key).toString()), details));
    });
    return out;
  }
}
