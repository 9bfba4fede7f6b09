package eu.thbstat.harmonise;

import eu.thbstat.aggregate.Rates;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.model.QuarantinedRecord;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.validation.CountryValidator;
import eu.thbstat.validation.PreviousRelease;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything done to the cells of one country once its files are read: consistency checks
 * (duplicates, hierarchies, with totals derived from complete breakdowns) and rates.
 */
public final class CountryHarmoniser {
  private final CountryValidator validator;
  private final Rates rates;

  public CountryHarmoniser(ReferenceData ref) {
    this(ref, PreviousRelease.NONE);
  }

  /** With the cells of a previous release, for the checks over time. */
  public CountryHarmoniser(ReferenceData ref, PreviousRelease previous) {
    this.validator = new CountryValidator(ref, previous);
    this.rates = new Rates(ref);
  }

  public record Result(List<Observation> observations, List<Finding> findings, List<QuarantinedRecord> quarantine) {}

  public Result harmonise(String country, List<Observation> reported) {
    CountryValidator.Result checked = validator.validate(country, reported);
    Rates.Result computed = rates.compute(checked.observations());
    List<Observation> cells = new ArrayList<>(checked.observations());
    cells.addAll(computed.rates());
    List<Finding> findings = new ArrayList<>(checked.findings());
    findings.addAll(computed.findings());
    return new Result(cells, findings, checked.quarantine());
  }
}
