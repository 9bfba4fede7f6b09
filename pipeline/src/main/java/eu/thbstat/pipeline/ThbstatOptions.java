package eu.thbstat.pipeline;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of the harmonisation pipeline, beside Beam's own (--runner and the runners' options). */
public interface ThbstatOptions extends PipelineOptions {
  @Description("Folder of national submissions (searched recursively)")
  @Validation.Required
  String getInput();

  void setInput(String input);

  @Description("Folder the release is written to")
  @Validation.Required
  String getOutput();

  void setOutput(String output);

  @Description("thbstat home: the folder with schemas/, seeds/ and mappings/")
  @Validation.Required
  String getHome();

  void setHome(String home);
}
