package eu.thbstat.portal;

import static eu.thbstat.portal.UploadStoreTest.upload;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {
  static final String A = "20240101T000000000Z-aaaaaaaaaaaa";
  static final String B = "20240201T000000000Z-bbbbbbbbbbbb";
  static final String C = "20240301T000000000Z-cccccccccccc";
  static final String D = "20240401T000000000Z-dddddddddddd";

  @Test
  void theLatestAcceptedUploadPerCountryAndYearIsTaken() {
    List<Upload> uploads = List.of(
        upload(A, "NL", Upload.Status.WARNINGS, "2020", "2021", "2022"),
        upload(B, "NL", Upload.Status.ACCEPTED, "2022"),
        upload(C, "NL", Upload.Status.ERRORS, "2021", "2022"),
        upload(D, "DE", Upload.Status.REJECTED));
    Selection s = Selection.of(uploads);
    assertThat(s.chosen("NL", "2020").id(), is(A));
    assertThat(s.chosen("NL", "2021").id(), is(A)); // C has errors
    assertThat(s.chosen("NL", "2022").id(), is(B));
    assertThat(s.chosen("DE", "2022"), nullValue());
    assertThat(s.uploads().values().stream().map(Object::toString).toList(), is(List.of("[2020, 2021]", "[2022]")));
  }

  @Test
  void theBoardShowsTheLatestUploadOfEachCellAndWhatARunTakes() {
    List<Upload> uploads = List.of(
        upload(A, "NL", Upload.Status.WARNINGS, "2020", "2021", "2022"),
        upload(B, "NL", Upload.Status.ACCEPTED, "2022"),
        upload(C, "NL", Upload.Status.ERRORS, "2021"),
        upload(D, "PL", Upload.Status.REJECTED));
    StatusBoard.Board board = StatusBoard.build(List.of("DE", "NL"), uploads);
    assertThat(board.years(), is(List.of("2020", "2021", "2022")));
    assertThat(board.rows().stream().map(StatusBoard.Row::country).toList(), is(List.of("DE", "NL", "PL")));
    StatusBoard.Row de = board.rows().get(0);
    assertThat(de.cells().stream().map(StatusBoard.Cell::state).toList(), is(List.of("NOTHING", "NOTHING", "NOTHING")));
    StatusBoard.Row nl = board.rows().get(1);
    assertThat(nl.cells().stream().map(StatusBoard.Cell::state).toList(), is(List.of("WARNINGS", "ERRORS", "ACCEPTED")));
    assertThat(nl.cells().get(1).latest().id(), is(C));
    assertThat(nl.cells().get(1).used().id(), is(A));
    assertThat(nl.latest().id(), is(C));
    StatusBoard.Row pl = board.rows().get(2);
    assertThat(pl.latest().status(), is(Upload.Status.REJECTED));
    assertThat(pl.uploads(), is(1));
  }
}
