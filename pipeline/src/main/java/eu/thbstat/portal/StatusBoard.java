package eu.thbstat.portal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The analysts' status board: countries x reference years. Each cell shows what the latest upload
 * giving cells of that year made of it (nothing received, received with errors, accepted with
 * warnings, accepted) and links to its report; when that latest upload is not accepted but an
 * earlier one is, the cell also names the upload a harmonisation run takes.
 */
public final class StatusBoard {
  private StatusBoard() {}

  /**
   * One cell.
   *
   * @param state NOTHING, ERRORS, WARNINGS or ACCEPTED
   * @param latest the latest upload giving cells of the year (null when nothing was received)
   * @param used the upload a run takes for the year (null when none is accepted)
   */
  public record Cell(String country, String year, String state, String label, Upload latest, Upload used) {}

  /**
   * One country's row.
   *
   * @param latest the country's latest upload of any kind (also a rejected one), or null
   */
  public record Row(String country, List<Cell> cells, Upload latest, int uploads) {}

  public record Board(List<String> years, List<Row> rows) {}

  /** The board of these countries (and every country with an upload) over the years of all uploads. */
  public static Board build(Collection<String> countries, Collection<Upload> uploads) {
    TreeSet<String> years = new TreeSet<>();
    TreeSet<String> geos = new TreeSet<>(countries);
    Map<String, Map<String, Upload>> latest = new TreeMap<>();
    Map<String, Upload> latestOfCountry = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    List<Upload> ordered = new ArrayList<>(uploads);
    ordered.sort(Upload.ORDER);
    for (Upload u : ordered) {
      geos.add(u.country());
      years.addAll(u.years());
      latestOfCountry.put(u.country(), u);
      counts.merge(u.country(), 1, Integer::sum);
      for (String y : u.years()) {
        latest.computeIfAbsent(u.country(), c -> new TreeMap<>()).put(y, u);
      }
    }
    Selection selection = Selection.of(uploads);
    List<Row> rows = new ArrayList<>();
    for (String geo : geos) {
      List<Cell> cells = new ArrayList<>();
      for (String year : years) {
        Upload u = latest.getOrDefault(geo, Map.of()).get(year);
        Upload used = selection.chosen(geo, year);
        if (u == null) {
          cells.add(new Cell(geo, year, "NOTHING", "nothing received", null, null));
        } else {
          cells.add(new Cell(geo, year, u.status().name(), u.status().label(), u, used));
        }
      }
      rows.add(new Row(geo, cells, latestOfCountry.get(geo), counts.getOrDefault(geo, 0)));
    }
    return new Board(List.copyOf(years), rows);
  }
}
