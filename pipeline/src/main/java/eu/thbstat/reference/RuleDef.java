package eu.thbstat.reference;

import eu.thbstat.model.Severity;
import java.io.Serializable;

/** One rule of the catalogue in schemas/rules.yaml. */
public record RuleDef(String id, int level, Severity severity, String message, String hint)
    implements Serializable {}
