package eu.thbstat.portal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.thbstat.harmonise.Release;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.ReferenceData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feedback report of one upload: what {@code thbstat validate --report} writes for the file
 * (the same {@link ReleaseWriter} output of the same {@code LocalHarmoniser} release), plus
 * {@code report.json}, the report the office downloads (the upload's metadata, counts, findings
 * and the file's reconciliation), and its HTML rendering for the portal page.
 *
 * <p>This is the one place the portal turns a validation into a report: when {@code thbstat
 * validate} gets its own HTML report, {@link #files} adds that file and {@link #html} shows it.
 */
public final class FeedbackReport {
  public static final String JSON_FILE = "report.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FeedbackReport() {}

  /** The report files of an upload: the validate report files and report.json. */
  public static Map<String, byte[]> files(Release release, ReferenceData ref, Upload upload) {
    Map<String, byte[]> files = new LinkedHashMap<>(ReleaseWriter.render(release, ref, new RunInfo(RunInfo.thbstatVersion(), "portal", upload.country())));
    files.put(JSON_FILE, json(upload, files));
    return files;
  }

  static byte[] json(Upload upload, Map<String, byte[]> files) {
    try {
      JsonNode findings = JSON.readTree(files.get(ReleaseWriter.FINDINGS_JSON));
      JsonNode manifest = JSON.readTree(files.get(ReleaseWriter.MANIFEST));
      ObjectNode root = JSON.createObjectNode();
      root.put("report", "thbstat validation report");
      root.put("thbstat_version", manifest.path("thbstat_version").asText());
      root.set("upload", JSON.valueToTree(upload));
      root.put("status", upload.status().name());
      root.put("status_label", upload.status().label());
      root.set("counts", findings.path("counts"));
      root.set("findings", findings.path("findings"));
      root.set("files", manifest.path("files"));
      root.set("totals", manifest.path("totals"));
      return (JSON.writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the writer's own JSON always reads back", e);
    }
  }

  /** The report as a template model (plain maps and lists). */
  public static Map<String, Object> model(byte[] reportJson) {
    try {
      return JSON.readValue(reportJson, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("a stored report.json does not read", e);
    }
  }

  /** The report's HTML (a section of the portal's upload page). */
  public static String html(Templates templates, Map<String, Object> report) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> findings = (List<Map<String, Object>>) report.getOrDefault("findings", List.of());
    Map<String, Object> model = new LinkedHashMap<>(report);
    model.put("errors", findings.stream().filter(f -> "ERROR".equals(f.get("severity"))).toList());
    model.put("warnings", findings.stream().filter(f -> "WARNING".equals(f.get("severity"))).toList());
    model.put("notes", findings.stream().filter(f -> "INFO".equals(f.get("severity"))).toList());
    return templates.render("report.ftlh", model);
  }
}
