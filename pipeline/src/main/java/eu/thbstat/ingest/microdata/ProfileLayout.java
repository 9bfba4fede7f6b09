package eu.thbstat.ingest.microdata;

/**
 * The compact key of a case record's "profile": every code it counts under, packed into one long
 * (geo, year, legal status, victim status, sex, age class, citizenship group, forms of
 * exploitation as a bit set). Records are counted by profile; cells are made from profiles once
 * per file, so that the work per record is a few lookups and one counter increment.
 */
final class ProfileLayout {
  static final int GEO = 0;
  static final int YEAR = 1;
  static final int LEG = 2;
  static final int VS = 3;
  static final int SEX = 4;
  static final int AGE = 5;
  static final int CIT = 6;
  static final int FORMS = 7;

  private final int[] shift = new int[8];
  private final long[] mask = new long[8];

  /** @param sizes the number of values of each field (for FORMS: the number of bits of its set) */
  ProfileLayout(int geo, int years, int legs, int victimStatuses, int sexes, int ageClasses, int citizenGroups, int formBits) {
    int[] widths = {bits(geo), bits(years), bits(legs), bits(victimStatuses), bits(sexes), bits(ageClasses), bits(citizenGroups), formBits};
    int at = 0;
    for (int i = 0; i < widths.length; i++) {
      shift[i] = at;
      mask[i] = widths[i] == 64 ? -1L : (1L << widths[i]) - 1;
      at += widths[i];
    }
    if (at > 64) {
      throw new IllegalArgumentException("the codes of this mapping need " + at + " bits, more than a profile key's 64");
    }
  }

  private static int bits(int values) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, values - 1)));
  }

  long pack(int geo, int year, int leg, int vs, int sex, int age, int cit, long forms) {
    return (long) geo << shift[GEO] | (long) year << shift[YEAR] | (long) leg << shift[LEG] | (long) vs << shift[VS]
        | (long) sex << shift[SEX] | (long) age << shift[AGE] | (long) cit << shift[CIT] | forms << shift[FORMS];
  }

  int get(long profile, int field) {
    return (int) ((profile >>> shift[field]) & mask[field]);
  }

  long forms(long profile) {
    return (profile >>> shift[FORMS]) & mask[FORMS];
  }

  /** The bits of the given fields: a profile ANDed with it keeps only those fields. */
  long keep(int... fields) {
    long m = 0;
    for (int f : fields) {
      m |= mask[f] << shift[f];
    }
    return m;
  }
}
