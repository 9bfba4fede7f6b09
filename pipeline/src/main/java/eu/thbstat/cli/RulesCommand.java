package eu.thbstat.cli;

import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.reference.RuleDef;
import eu.thbstat.rules.DatapointRuleset;
import eu.thbstat.rules.HierarchicalRuleset;
import eu.thbstat.rules.VtlExport;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code thbstat rules}: the rule catalogue, as a list or as VTL 2.1 text. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the rule catalogue (schemas/rules.yaml and schemas/rules/*.yaml): id, ESS validation level,",
      "severity, how it is checked and its message. With --vtl, writes the rule sets as VTL 2.1."
    })
final class RulesCommand implements Callable<Integer> {
  @Option(names = "--vtl", description = "Write the rule sets as VTL 2.1 (define datapoint/hierarchical ruleset, check_datapoint/check_hierarchy).")
  boolean vtl;

  @Option(names = {"-o", "--output"}, description = "File to write to (default: the console).")
  Path output;

  @Option(names = "--home", description = "Folder with schemas/, seeds/ and mappings/ (default: found above the jar or the working directory, or $THBSTAT_HOME).")
  Path home;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ReferenceData ref = ReferenceDataLoader.load(Home.resolve(home));
    String text = vtl ? VtlExport.export(ref) : list(ref);
    if (output != null) {
      Files.writeString(output, text, StandardCharsets.UTF_8);
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    }
    return Thbstat.OK;
  }

  static String list(ReferenceData ref) {
    Map<String, String> how = new HashMap<>();
    for (DatapointRuleset rs : ref.rules().sets().datapoint()) {
      rs.rules().forEach(r -> how.putIfAbsent(r.errorcode(), (rs.atIngest() ? "Java (reading); exported as " : "VTL datapoint ") + rs.id()));
    }
    for (HierarchicalRuleset rs : ref.rules().sets().hierarchical()) {
      rs.rules().forEach(r -> how.putIfAbsent(r.errorcode(), "VTL hierarchical " + rs.id()));
    }
    ref.rules().sets().statistical().values().forEach(s -> {
      how.putIfAbsent(s.id(), "test " + s.type());
      if (s.text("explained_rule") != null) {
        how.putIfAbsent(s.text("explained_rule"), "test " + s.type());
      }
    });
    for (String id : List.of("HIERARCHY_SUM", "HIERARCHY_EXCEEDS", "MULTI_FORM", "HIERARCHY_SHORT", "TOTALS_DIFFER")) {
      how.putIfAbsent(id, "VTL hierarchical (code lists)");
    }
    StringBuilder out = new StringBuilder(String.format("%-26s %5s %-8s %-44s %s%n", "rule", "level", "severity", "checked by", "message"));
    ref.rules().rules().values().stream()
        .sorted(Comparator.comparingInt(RuleDef::level).thenComparing(RuleDef::id))
        .forEach(r -> out.append(String.format("%-26s %5d %-8s %-44s %s%n", r.id(), r.level(), r.severity(),
            how.getOrDefault(r.id(), "Java"), r.message())));
    return out.toString();
  }
}
