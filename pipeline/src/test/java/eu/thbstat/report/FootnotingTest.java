package eu.thbstat.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import eu.thbstat.report.RenderedTable.Note;
import eu.thbstat.report.ReportDefinitions.FootnotePolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class FootnotingTest {
  private static final List<Boolean> ALL = List.of(true, true);

  @Test
  void aNoteOnEveryCellGoesOnTheTitleOnARowOnItsLabelElseOnItsCells() {
    // Two countries, two columns. "all" is everywhere; "de" on both DE cells; "2022" on DE's second cell only.
    List<List<List<String>>> notes = List.of(
        List.of(List.of("all", "de"), List.of("all", "de", "2022")),
        List.of(List.of("all"), List.of("all")));
    Footnoting.Result r = Footnoting.place(FootnotePolicy.CELL, List.of(List.of("DE"), List.of("NL")), notes, List.of(ALL, ALL));
    assertThat(r.titleMarks(), contains("(1)"));
    assertThat(r.labelMarks().get(0).get(0), contains("(2)"));
    assertThat(r.cellMarks().get(0).get(0), empty());
    assertThat(r.cellMarks().get(0).get(1), contains("(3)"));
    assertThat(r.labelMarks().get(1).get(0), empty());
    assertThat(r.notes(), contains(new Note("(1)", "all"), new Note("(2)", "de"), new Note("(3)", "2022")));
  }

  @Test
  void cellsTheCubeDoesNotHaveDoNotKeepANoteFromItsRow() {
    // The second DE cell is not in the cube (':'), so "de" is on every cell DE has.
    List<List<List<String>>> notes = List.of(List.of(List.of("de"), List.of()), List.of(List.of(), List.of("nl")));
    Footnoting.Result r = Footnoting.place(FootnotePolicy.CELL, List.of(List.of("DE"), List.of("NL")), notes,
        List.of(List.of(true, false), List.of(false, true)));
    assertThat(r.labelMarks().get(0).get(0), contains("(1)"));
    assertThat(r.labelMarks().get(1).get(0), contains("(2)"));
    assertThat(r.titleMarks(), empty());
  }

  @Test
  void aNoteOnEveryRowOfACountryGoesOnTheCountryOnItsFirstRow() {
    List<List<String>> rows = List.of(List.of("DE", "2021"), List.of("DE", "2022"), List.of("NL", "2021"), List.of("NL", "2022"));
    List<List<List<String>>> notes = List.of(
        List.of(List.of("de")), List.of(List.of("de", "major cases")), List.of(List.of("nl")), List.of(List.of("nl")));
    Footnoting.Result r = Footnoting.place(FootnotePolicy.CELL, rows, notes, List.of(List.of(true), List.of(true), List.of(true), List.of(true)));
    assertThat(r.labelMarks().get(0), contains(List.of("(1)"), List.of()));
    assertThat(r.labelMarks().get(1), contains(List.of(), List.of("(2)")));
    assertThat(r.labelMarks().get(2), contains(List.of("(3)"), List.of()));
    assertThat(r.labelMarks().get(3), contains(List.of(), List.of()));
    assertThat(r.notes().get(1).text(), equalTo("major cases"));
  }

  @Test
  void equalTextsShareOneMarkAndPoliciesTableAndNone() {
    List<List<List<String>>> notes = List.of(List.of(List.of("same"), List.of()), List.of(List.of(), List.of("same")));
    List<List<Boolean>> eligible = List.of(ALL, ALL);
    List<List<String>> rows = List.of(List.of("A"), List.of("B"));
    Footnoting.Result cell = Footnoting.place(FootnotePolicy.CELL, rows, notes, eligible);
    assertThat(cell.cellMarks().get(0).get(0), contains("(1)"));
    assertThat(cell.cellMarks().get(1).get(1), contains("(1)"));
    assertThat(cell.notes(), contains(new Note("(1)", "same")));
    Footnoting.Result table = Footnoting.place(FootnotePolicy.TABLE, rows, notes, eligible);
    assertThat(table.cellMarks().get(0).get(0), empty());
    assertThat(table.notes(), contains(new Note("", "same")));
    assertThat(Footnoting.place(FootnotePolicy.NONE, rows, notes, eligible).notes(), empty());
  }
}
