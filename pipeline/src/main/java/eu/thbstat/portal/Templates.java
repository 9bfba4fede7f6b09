package eu.thbstat.portal;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * The portal's FreeMarker templates ({@code eu/thbstat/portal/templates/*.ftlh}), HTML
 * auto-escaping on: every value a template prints is escaped unless the template says otherwise.
 */
public final class Templates {
  private final Configuration cfg;

  public Templates() {
    cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setClassForTemplateLoading(Templates.class, "/eu/thbstat/portal/templates");
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setNumberFormat("computer");
    cfg.setAPIBuiltinEnabled(false);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
  }

  /** The page or fragment of a template, filled with the model. */
  public String render(String template, Map<String, ?> model) {
    StringWriter out = new StringWriter();
    try {
      cfg.getTemplate(template).process(model, out);
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException("template " + template + ": " + e.getMessage(), e);
    }
    return out.toString();
  }
}
