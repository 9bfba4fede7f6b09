package eu.thbstat.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EurostatFormatTest {

  @Test
  void groupsDigitsByThreeWithSpacesAndRoundsHalfUp() {
    assertThat(EurostatFormat.number(1495, 0), equalTo("1 495"));
    assertThat(EurostatFormat.number(10093, 0), equalTo("10 093"));
    assertThat(EurostatFormat.number(1234567.25, 1), equalTo("1 234 567.3"));
    assertThat(EurostatFormat.number(999, 0), equalTo("999"));
    assertThat(EurostatFormat.number(17.961, 1), equalTo("18.0"));
    assertThat(EurostatFormat.number(0.05, 1), equalTo("0.1"));
    assertThat(EurostatFormat.number(-1500, 0), equalTo("-1 500"));
    assertThat(EurostatFormat.number(0, 0), equalTo("0"));
  }

  @Test
  void printsFlagsAfterTheValueAndColonWhenNotAvailable() {
    assertThat(EurostatFormat.withFlags(1495.0, 0, "d"), equalTo("1 495 d"));
    assertThat(EurostatFormat.withFlags(236.0, 0, "p"), equalTo("236 p"));
    assertThat(EurostatFormat.withFlags(null, 0, ""), equalTo(":"));
    assertThat(EurostatFormat.withFlags(null, 0, "c"), equalTo(": c"));
    assertThat(EurostatFormat.plain(1495.0, 0), equalTo("1495"));
    assertThat(EurostatFormat.plain(17.961, 1), equalTo("18.0"));
    assertThat(EurostatFormat.plain(null, 1), equalTo(":"));
    assertThat(EurostatFormat.percent(41.3686, 1), equalTo("41.4 %"));
  }

  @Test
  void periodsAreRangesYearsOrLists() {
    assertThat(Period.parse("2021-2022").years(), contains(2021, 2022));
    assertThat(Period.parse("2021-2022").label(), equalTo("2021-2022"));
    assertThat(Period.parse("2022").label(), equalTo("2022"));
    assertThat(Period.parse("2021,2019").years(), contains(2019, 2021));
    assertThat(Period.parse("2019, 2021").label(), equalTo("2019, 2021"));
    assertThat(Period.parse("2019-2020,2022").label(), equalTo("2019, 2020, 2022"));
    assertThrows(IllegalArgumentException.class, () -> Period.parse("2022-2021"));
    assertThrows(IllegalArgumentException.class, () -> Period.parse("last year"));
  }
}
