package eu.thbstat.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders the report to one self-contained HTML page with FreeMarker (reports/templates/report.ftlh,
 * HTML auto-escaping): CSS inline, charts as inline SVG, no script, nothing fetched from a network.
 * All numbers arrive formatted; the template only places them.
 */
final class HtmlReport {
  static final String TEMPLATE = "report.ftlh";

  private HtmlReport() {}

  static byte[] render(ReportContext ctx, ReportWriter.Content content, Path templates, String version) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    try {
      cfg.setDirectoryForTemplateLoading(templates.toFile());
    } catch (IOException e) {
      throw new ReportException(templates + ": the report templates cannot be read: " + e.getMessage());
    }
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    cfg.setLocale(Locale.ROOT);
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setNumberFormat("computer");
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);

    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", ctx.defs().title());
    model.put("subtitle", ctx.defs().subtitle() == null ? "" : ctx.defs().subtitle());
    model.put("period", ctx.period().label());
    model.put("release", ctx.release().folder().getFileName() == null ? "" : ctx.release().folder().getFileName().toString());
    model.put("cubeFile", ctx.release().cubeFile());
    model.put("publicCube", ctx.release().cubeFile().startsWith("public/"));
    model.put("version", version);
    model.put("sections", content.sections());
    model.put("sentences", content.sentences());
    model.put("keyFiguresTitle", ctx.defs().keyFigures() == null || ctx.defs().keyFigures().title() == null
        ? "Key figures" : ctx.defs().keyFigures().title());
    try {
      Template template = cfg.getTemplate(TEMPLATE);
      StringWriter out = new StringWriter();
      template.process(model, out);
      return out.toString().getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReportException(templates.resolve(TEMPLATE) + ": " + e.getMessage());
    } catch (TemplateException e) {
      throw new ReportException(templates.resolve(TEMPLATE) + ":" + e.getLineNumber() + ": " + e.getMessageWithoutStackTop());
    }
  }
}
