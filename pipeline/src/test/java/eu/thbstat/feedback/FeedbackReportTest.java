package eu.thbstat.feedback;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.thbstat.harmonise.Release;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Severity;
import eu.thbstat.testing.TestData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The feedback report: JSON, CSV and an HTML page that lists every finding of the JSON. */
class FeedbackReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<String, byte[]> report(Release release, String country) {
    return new FeedbackReport(TestData.ref(), "test").render(release, country, "");
  }

  /** The HTML parsed as XML (the template writes well-formed XHTML). */
  private static Document html(byte[] bytes) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }

  private static List<String> findingRows(Document doc) {
    List<String> ids = new ArrayList<>();
    NodeList rows = doc.getElementsByTagName("tr");
    for (int i = 0; i < rows.getLength(); i++) {
      Element tr = (Element) rows.item(i);
      if (tr.getAttribute("class").startsWith("finding ")) {
        ids.add(tr.getAttribute("id") + " " + tr.getAttribute("data-rule"));
      }
    }
    return ids;
  }

  @Test
  void theHtmlListsEveryFindingOfTheJsonGroupedBySeverityAndRule() throws Exception {
    // the UK file: 25 errors of level 2 and a note; Germany: level-3 warnings and notes
    Release release = TestData.harmonise(TestData.sampleInputs().resolve("UK/UK_indicator_16-2-2.csv"),
        TestData.sampleInputs().resolve("DE/DE_indicator_16-2-2.csv"));
    Map<String, byte[]> files = report(release, "");
    JsonNode json = JSON.readTree(files.get(FeedbackReport.JSON_FILE));
    List<String> fromJson = new ArrayList<>();
    json.path("findings").forEach(f -> fromJson.add(f.path("id").asText() + " " + f.path("rule").asText()));
    assertThat(fromJson.size(), is(release.findings().size()));
    assertThat(fromJson.size(), is(39)); // 25 + 1 (UK) + 3 + 10 (DE)
    Document doc = html(files.get(FeedbackReport.HTML_FILE));
    List<String> fromHtml = findingRows(doc);
    fromHtml.sort(null);
    List<String> sortedJson = new ArrayList<>(fromJson);
    sortedJson.sort(null);
    assertThat(fromHtml, equalTo(sortedJson));
    assertThat(text(doc, "count-ERROR"), is("25"));
    assertThat(text(doc, "count-WARNING"), is("3"));
    assertThat(text(doc, "count-INFO"), is("11"));
    assertThat(text(doc, "count-total"), is("39"));
    // ERROR groups come before WARNING groups, rules by id inside
    String page = new String(files.get(FeedbackReport.HTML_FILE), StandardCharsets.UTF_8);
    assertThat(page.indexOf("id=\"rule-ERROR-HIERARCHY_EXCEEDS\"") < page.indexOf("id=\"rule-ERROR-HIERARCHY_SUM\""), is(true));
    assertThat(page.indexOf("id=\"rule-ERROR-TOTALS_DIFFER\"") < page.indexOf("id=\"rule-WARNING-YOY_CHANGE\""), is(true));
  }

  private static String text(Document doc, String id) {
    NodeList all = doc.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (id.equals(e.getAttribute("id"))) {
        return e.getTextContent();
      }
    }
    return "";
  }

  @Test
  void jsonFindingsHaveTheFieldsOfTheBriefAndTheValidatReportShape() throws Exception {
    Release release = TestData.harmonise(TestData.sampleInputs().resolve("UK/UK_indicator_16-2-2.csv"));
    JsonNode json = JSON.readTree(report(release, "UK").get(FeedbackReport.JSON_FILE));
    JsonNode f = null;
    for (JsonNode x : json.path("findings")) {
      if (x.path("key").asText().equals("UK.2011.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR") && x.path("rule").asText().equals("HIERARCHY_SUM")) {
        f = x;
      }
    }
    assertThat(f != null, is(true));
    for (String field : List.of("rule", "level", "severity", "file", "line", "column", "key", "values", "message", "hint")) {
      assertThat(field, f.has(field), is(true));
    }
    assertThat(f.path("level").asInt(), is(2));
    assertThat(f.path("line").asInt(), is(4));
    assertThat(f.path("values").path("total_value").asText(), is("674"));
    assertThat(f.path("values").path("sum").asText(), is("662"));
    assertThat(f.path("type").asText(), is("validation"));
    assertThat(f.path("expression").path("language").asText(), is("VTL 2.1"));
    assertThat(f.path("expression").path("expression").asText(), is("hierarchy of the code list of age: TOTAL = Y_LT18 + Y_GE18 + UNK"));
    assertThat(f.path("expression").path("severity").asText(), is("error"));
    assertThat(f.path("data").path("source").get(0).asText(), is("UK_indicator_16-2-2.csv:4"));
    assertThat(f.path("data").path("target").get(0).asText(), is("UK.2011.PER_VICT.TOTAL.T.TOTAL.TOTAL.TOTAL.NR"));
    assertThat(json.path("exit_code").asInt(), is(1));
    assertThat(json.path("counts").path("ERROR").asInt(), is(25));
    // completeness: UK 2011, sex x age: T, F, M by TOTAL, Y_LT18, Y_GE18 and UNK age for T = 10 of 16 given
    JsonNode c = null;
    for (JsonNode x : json.path("completeness")) {
      if (x.path("time").asInt() == 2011 && x.path("table").asText().equals("VICT_SEX_AGE")) {
        c = x;
      }
    }
    assertThat(c.path("cells_asked").asInt(), is(16));
    assertThat(c.path("cells_given").asInt() + c.path("cells_missing").asInt(), is(16));
  }

  @Test
  void everythingIsHtmlEscaped() throws Exception {
    Finding evil = new Finding("VALUE_NOT_NUMERIC", 1, Severity.ERROR, "NL", "x<y>.csv", 3, "a&b", "",
        "<script>alert(1)</script>", "\"<b>\" is not a number", "Write a number & not <i>this</i>", Map.of("value", "<script>"));
    Release release = new Release(List.of(), List.of(evil), List.of(), List.of());
    byte[] bytes = report(release, "NL").get(FeedbackReport.HTML_FILE);
    String page = new String(bytes, StandardCharsets.UTF_8);
    assertThat(page, not(containsString("<script>")));
    assertThat(page, not(containsString("<i>this</i>")));
    assertThat(page, containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
    Document doc = html(bytes);
    assertThat(findingRows(doc), equalTo(List.of("F0001 VALUE_NOT_NUMERIC")));
    assertThat(text(doc, "F0001"), containsString("\"<b>\" is not a number"));
  }

  @Test
  void theCsvHasOneLinePerFindingWithItsId() {
    Release release = TestData.harmonise(TestData.sampleInputs().resolve("UK/UK_indicator_16-2-2.csv"));
    String csv = new String(report(release, "UK").get(FeedbackReport.CSV_FILE), StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0), is("id,rule,level,severity,country,file,line,column,key,value,values,message,hint"));
    assertThat(lines.size(), is(release.findings().size() + 1));
    assertThat(lines.get(1), org.hamcrest.Matchers.startsWith("F0001,"));
  }
}
