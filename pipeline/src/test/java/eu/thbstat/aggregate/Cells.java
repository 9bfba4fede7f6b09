package eu.thbstat.aggregate;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.reference.AggregationSettings;
import eu.thbstat.reference.ProtectionSettings;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.testing.TestData;
import java.util.ArrayList;
import java.util.List;

/** Hand-made national cells and reference data with other settings, for the aggregation tests. */
final class Cells {
  private Cells() {}

  static final String[] FORMS = {"TOTAL", "SEX", "LAB_SERV", "ORG_OTH", "UNK"};

  /** A reported count of registered victims. */
  static Observation count(String geo, int year, String sex, String age, String citizen, String exploitation, double value, String flags) {
    return new Observation(TestData.victims(geo, year, sex, age, citizen, exploitation), value, flags, List.of(), Origin.REPORTED, geo + ".csv", 1);
  }

  /** Registered victims of one country and year by form of exploitation: total, SEX, LAB_SERV, ORG_OTH, UNK. */
  static List<Observation> forms(String geo, int year, String flags, double... values) {
    List<Observation> cells = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      cells.add(count(geo, year, "T", "TOTAL", "TOTAL", FORMS[i], values[i], flags));
    }
    return cells;
  }

  static CellKey key(String geo, int year, String sex, String exploitation, String unit) {
    return TestData.key(geo, Integer.toString(year), "PER_VICT", "TOTAL", sex, "TOTAL", "TOTAL", exploitation, unit);
  }

  static ReferenceData with(AggregationSettings aggregation) {
    ReferenceData r = TestData.ref();
    return new ReferenceData(r.model(), r.rules(), r.definitions(), r.seeds(), r.mappings(), r.tables(), r.fileHashes(), aggregation, r.protection());
  }

  static ReferenceData with(ProtectionSettings protection) {
    ReferenceData r = TestData.ref();
    return new ReferenceData(r.model(), r.rules(), r.definitions(), r.seeds(), r.mappings(), r.tables(), r.fileHashes(), r.aggregation(), protection);
  }

  /** The repository's settings with every aggregate published, whatever its coverage. */
  static ReferenceData anyCoverage() {
    return with(TestData.ref().aggregation().withCoverage(0, 1));
  }

  @SafeVarargs
  static List<Observation> concat(List<Observation>... parts) {
    List<Observation> all = new ArrayList<>();
    for (List<Observation> p : parts) {
      all.addAll(p);
    }
    return all;
  }
}
