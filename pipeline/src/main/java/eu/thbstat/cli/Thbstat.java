package eu.thbstat.cli;

import eu.thbstat.output.RunInfo;
import eu.thbstat.reference.ReferenceDataException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The thbstat command line. Exit codes: 0 no error found, 1 errors found in the data, 2 could not
 * run (bad options, unreadable reference data, missing input).
 */
@Command(
    name = "thbstat",
    mixinStandardHelpOptions = true,
    versionProvider = Thbstat.Version.class,
    description = {
      "Harmonises national statistics on trafficking in human beings (THB) into comparable EU",
      "criminal-justice statistics: registered victims, suspects, prosecutions, convictions.",
      "",
      "Exit codes: 0 no error found, 1 errors found in the data, 2 could not run."
    },
    subcommands = {RunCommand.class, ValidateCommand.class, TemplateCommand.class, RulesCommand.class, ExplainCommand.class,
        ServeCommand.class, GenerateCommand.class, MappingsCommand.class, CommandLine.HelpCommand.class})
public final class Thbstat implements Runnable {
  public static final int OK = 0;
  public static final int DATA_ERRORS = 1;
  public static final int CANNOT_RUN = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line on the console and returns its exit code. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line writing to {@code out} and {@code err}; returns its exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Thbstat());
    cli.addSubcommand(new ReportCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          PrintWriter errors = commandLine.getErr();
          if (e instanceof ReferenceDataException) {
            errors.println("thbstat: the reference data cannot be used:");
            errors.println(e.getMessage());
          } else {
            errors.println("thbstat: " + e);
            e.printStackTrace(errors);
          }
          errors.flush();
          return CANNOT_RUN;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"thbstat " + RunInfo.thbstatVersion()};
    }
  }
}
