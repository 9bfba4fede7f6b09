package eu.thbstat.portal;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import eu.thbstat.testing.TestData;
import org.junit.jupiter.api.Test;

class MappingChooserTest {
  static final ContentSniffer.Sniffed CSV = new ContentSniffer.Sniffed("csv", "CSV", "csv");
  static final ContentSniffer.Sniffed XLSX = new ContentSniffer.Sniffed("xlsx", "an XLSX workbook", "xlsx");

  @Test
  void onlyTheCountrysMappingsOfTheSniffedFormatAreCandidates() {
    MappingChooser.Choice byName = MappingChooser.choose(TestData.ref(), "NL", CSV, "NL_mensenhandel_2024.csv", "");
    assertThat(byName.mapping().id(), is("NL-mensenhandel-synthetic"));
    // another name: the country's only CSV mapping
    assertThat(MappingChooser.choose(TestData.ref(), "NL", CSV, "gegevens.txt", null).mapping().id(), is("NL-mensenhandel-synthetic"));
    // a DE file name does not lead an NL office to the DE mapping
    assertThat(MappingChooser.choose(TestData.ref(), "NL", CSV, "DE_indicator_16-2-2.csv", null).mapping().id(), is("NL-mensenhandel-synthetic"));
    MappingChooser.Choice xlsx = MappingChooser.choose(TestData.ref(), "NL", XLSX, "NL_mensenhandel_2024.xlsx", null);
    assertThat(xlsx.chosen(), is(false));
    assertThat(xlsx.problem(), is("no mapping of NL reads an XLSX workbook files (its mappings read: NL-mensenhandel-synthetic csv)"));
  }

  @Test
  void aChosenMappingMustBeOfTheCountryAndFormat() {
    assertThat(MappingChooser.choose(TestData.ref(), "NL", CSV, "x.csv", "DE-destatis-sdg").problem(), is("\"DE-destatis-sdg\" is not a mapping of NL"));
    assertThat(MappingChooser.choose(TestData.ref(), "NL", XLSX, "x.xlsx", "NL-mensenhandel-synthetic").problem(),
        containsString("mapping NL-mensenhandel-synthetic reads csv files"));
    assertThat(MappingChooser.choose(TestData.ref(), "DE", CSV, "x.csv", "DE-destatis-sdg").mapping().country(), is("DE"));
    assertThat(MappingChooser.choose(TestData.ref(), "FR", CSV, "x.csv", null).problem(), is("thbstat has no mapping for FR yet"));
  }
}
