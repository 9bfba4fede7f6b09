package eu.thbstat.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.thbstat.comparability.Comparability;
import eu.thbstat.harmonise.Release;
import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.model.Severity;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.RuleDef;
import eu.thbstat.rules.DatapointRuleset;
import eu.thbstat.rules.HierarchicalRuleset;
import eu.thbstat.rules.StatisticalRule;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The feedback report of a submission, for the national office that sent it: every finding (JSON
 * shaped after the ESS ValidatReport "validation" event, CSV, and HTML grouped by severity and
 * rule), the files read, the completeness of every table (cells given against cells asked) and the
 * comparability grades. Nothing is left out: the HTML lists every finding of the JSON.
 */
public final class FeedbackReport {
  public static final String JSON_FILE = "feedback.json";
  public static final String HTML_FILE = "feedback.html";
  public static final String CSV_FILE = "feedback.csv";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String TEMPLATE = "feedback.ftlh";

  private final ReferenceData ref;
  private final String version;

  public FeedbackReport(ReferenceData ref, String version) {
    this.ref = ref;
    this.version = version;
  }

  /** The three files of the report, by name. */
  public Map<String, byte[]> render(Release release, String country, String previous) {
    Map<String, Object> model = model(release, country, previous);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(JSON_FILE, json(model));
    files.put(CSV_FILE, csv(release.findings()));
    files.put(HTML_FILE, html(model));
    return files;
  }

  /** Id of the i-th finding (from 0) of a report. */
  public static String findingId(int i) {
    return String.format(Locale.ROOT, "F%04d", i + 1);
  }

  Map<String, Object> model(Release release, String country, String previous) {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("title", "thbstat feedback report");
    about.put("country", country);
    about.put("thbstat_version", version);
    about.put("previous_release", previous == null ? "" : previous);
    about.put("format", "findings shaped after the ESS ValidatReport 'validation' event (id, type, event, expression, data, result)");
    root.put("report", about);

    Map<String, Object> counts = new LinkedHashMap<>();
    for (Severity s : Severity.values()) {
      counts.put(s.name(), release.count(s));
    }
    root.put("counts", counts);
    Map<String, Long> byLevel = new TreeMap<>();
    release.findings().forEach(f -> byLevel.merge(Integer.toString(f.level()), 1L, Long::sum));
    root.put("counts_by_level", byLevel);
    root.put("exit_code", release.exitCode());
    root.put("files", files(release));

    List<Map<String, Object>> findings = new ArrayList<>();
    for (int i = 0; i < release.findings().size(); i++) {
      findings.add(finding(findingId(i), release.findings().get(i)));
    }
    root.put("findings", findings);
    root.put("groups", groups(findings));

    List<Map<String, Object>> completeness = new ArrayList<>();
    List<Map<String, Object>> comparability = new ArrayList<>();
    for (Comparability.Row r : new Comparability(ref).grade(release)) {
      if (!country.isEmpty() && !r.geo().equals(country)) {
        continue;
      }
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("geo", r.geo());
      c.put("time", r.year());
      c.put("table", r.table());
      c.put("label", r.label());
      if (r.asked() >= 0) {
        c.put("cells_asked", r.asked());
        c.put("cells_given", r.given());
        c.put("cells_not_available", r.notAvailable());
        c.put("cells_missing", r.asked() - r.given() - r.notAvailable());
        c.put("percent_given", r.asked() == 0 ? 0 : Math.round(r.given() * 100.0 / r.asked()));
        completeness.add(c);
      }
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("geo", r.geo());
      g.put("time", r.year());
      g.put("table", r.table());
      g.put("grade", r.grade());
      g.put("grade_label", r.gradeLabel());
      g.put("reasons", r.reasonIds());
      g.put("explanation", r.explanation());
      comparability.add(g);
    }
    root.put("completeness", completeness);
    root.put("comparability", comparability);
    return root;
  }

  private List<Map<String, Object>> files(Release release) {
    Map<String, Long> harmonised = new TreeMap<>();
    Map<String, Long> quarantined = new TreeMap<>();
    for (Observation o : release.observations()) {
      if (o.origin() == Origin.REPORTED) {
        harmonised.merge(o.file(), 1L, Long::sum);
      }
    }
    release.quarantine().forEach(q -> quarantined.merge(q.file(), 1L, Long::sum));
    List<Map<String, Object>> files = new ArrayList<>();
    for (FileReport r : release.files()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("file", r.file());
      f.put("mapping", r.mappingId());
      f.put("status", r.status());
      f.put("sha256", r.sha256());
      f.put("records_read", r.recordsRead());
      f.put("harmonised", harmonised.getOrDefault(r.file(), 0L));
      f.put("quarantined", quarantined.getOrDefault(r.file(), 0L));
      f.put("excluded", r.recordsExcluded());
      files.add(f);
    }
    return files;
  }

  private Map<String, Object> finding(String id, Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("type", "validation");
    m.put("rule", f.ruleId());
    m.put("level", f.level());
    m.put("severity", f.severity().name());
    m.put("country", f.country());
    m.put("file", f.file());
    m.put("line", f.line());
    m.put("column", f.column());
    m.put("key", f.key());
    m.put("value", f.value());
    m.put("values", f.values());
    m.put("message", f.message());
    m.put("hint", f.hint());
    m.put("where", f.where());
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("actor", "thbstat " + version);
    event.put("agent", "thbstat validate");
    event.put("trigger", "submission of " + f.country());
    m.put("event", event);
    m.put("expression", expression(f));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("source", f.file().isEmpty() ? List.of() : List.of(f.line() > 0 ? f.file() + ":" + f.line() : f.file()));
    data.put("target", f.key().isEmpty() ? List.of() : List.of(f.key()));
    m.put("data", data);
    m.put("result", "0");
    return m;
  }

  /** The rule as ValidatReport describes it: language, expression, severity, description. */
  private Map<String, Object> expression(Finding f) {
    Map<String, Object> e = new LinkedHashMap<>();
    String language = "thbstat";
    String text = "check " + f.ruleId() + " of schemas/rules (Java, at reading)";
    String ruleset = f.values().get("ruleset");
    String rule = f.values().get("rule");
    if (ruleset != null && rule != null) {
      for (DatapointRuleset rs : ref.rules().sets().datapoint()) {
        for (DatapointRuleset.Rule r : rs.rules()) {
          if (rs.id().equals(ruleset) && r.name().equals(rule)) {
            language = "VTL 2.1";
            text = "datapoint ruleset " + rs.id() + ": " + r.toVtl();
          }
        }
      }
      for (HierarchicalRuleset rs : ref.rules().sets().hierarchical()) {
        for (HierarchicalRuleset.Rule r : rs.rules()) {
          if (rs.id().equals(ruleset) && r.name().equals(rule)) {
            language = "VTL 2.1";
            text = "hierarchical ruleset " + rs.id() + " (rule " + rs.dimension() + ", " + rs.mode().vtl() + "): " + r.toVtl();
          }
        }
      }
    } else if (f.values().containsKey("components") && f.values().containsKey("total")) {
      String op = switch (f.ruleId()) {
        case "HIERARCHY_SUM", "TOTALS_DIFFER" -> "=";
        case "HIERARCHY_SHORT" -> "<=";
        default -> ">=";
      };
      language = "VTL 2.1";
      text = "hierarchy of the code list of " + f.values().get("dimension") + ": " + f.values().get("total") + " " + op + " " + f.values().get("components");
    } else {
      StatisticalRule s = ref.rules().sets().statistical().get(f.ruleId());
      if (s == null) {
        s = ref.rules().sets().statistical().values().stream().filter(x -> f.ruleId().equals(x.text("explained_rule"))).findFirst().orElse(null);
      }
      if (s != null) {
        text = "statistical test " + s.type() + " " + new TreeMap<>(s.parameters());
      }
    }
    e.put("language", language);
    e.put("expression", text);
    e.put("severity", switch (f.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "information";
    });
    RuleDef def = ref.rules().rules().get(f.ruleId());
    e.put("description", def == null ? "" : def.message());
    return e;
  }

  /** Findings grouped by severity, then rule (catalogue order of severities, rules by id). */
  private static List<Map<String, Object>> groups(List<Map<String, Object>> findings) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Severity s : Severity.values()) {
      Map<String, List<Map<String, Object>>> byRule = new TreeMap<>();
      for (Map<String, Object> f : findings) {
        if (f.get("severity").equals(s.name())) {
          byRule.computeIfAbsent((String) f.get("rule"), r -> new ArrayList<>()).add(f);
        }
      }
      List<Map<String, Object>> rules = new ArrayList<>();
      int count = 0;
      for (Map.Entry<String, List<Map<String, Object>>> r : byRule.entrySet()) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("rule", r.getKey());
        g.put("level", r.getValue().get(0).get("level"));
        g.put("count", r.getValue().size());
        g.put("findings", r.getValue());
        rules.add(g);
        count += r.getValue().size();
      }
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("severity", s.name());
      group.put("count", count);
      group.put("rules", rules);
      out.add(group);
    }
    return out;
  }

  private static byte[] json(Map<String, Object> model) {
    Map<String, Object> copy = new LinkedHashMap<>(model);
    copy.remove("groups");
    try {
      return (JSON.writeValueAsString(copy) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain maps and lists always serialise", e);
    }
  }

  static byte[] csv(List<Finding> findings) {
    StringWriter out = new StringWriter();
    try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
      p.printRecord("id", "rule", "level", "severity", "country", "file", "line", "column", "key", "value", "values", "message", "hint");
      for (int i = 0; i < findings.size(); i++) {
        Finding f = findings.get(i);
        List<String> values = new ArrayList<>();
        f.values().forEach((k, v) -> values.add(k + "=" + v));
        p.printRecord(findingId(i), f.ruleId(), f.level(), f.severity(), safe(f.country()), safe(f.file()), f.line(), safe(f.column()),
            safe(f.key()), safe(f.value()), safe(String.join("; ", values)), safe(f.message()), safe(f.hint()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing CSV to memory", e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String safe(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  private static Configuration configuration() {
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    c.setClassForTemplateLoading(FeedbackReport.class, "/eu/thbstat/feedback");
    c.setDefaultEncoding("UTF-8");
    c.setLocale(Locale.ROOT);
    c.setNumberFormat("computer");
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    return c;
  }

  private static byte[] html(Map<String, Object> model) {
    try {
      Template t = configuration().getTemplate(TEMPLATE);
      StringWriter out = new StringWriter();
      t.process(model, out);
      return out.toString().getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the feedback template " + TEMPLATE + " cannot be read", e);
    } catch (TemplateException e) {
      throw new IllegalStateException("the feedback template " + TEMPLATE + " failed: " + e.getMessage(), e);
    }
  }
}
