package eu.thbstat.reference;

import java.io.Serializable;

/**
 * Small-count protection of the public outputs (schemas/protection.yaml; the file's header and
 * docs/protection.md define each parameter).
 *
 * @param minCount counts from 1 to minCount - 1 are confidential (primary suppression); 0 is
 *     published, since it discloses no person
 * @param keepInputConfidential a count a country flagged c is confidential whatever its size
 * @param check the attack secondary suppression must defeat
 * @param avoidZeros secondary suppression takes a zero only when no other cell can do
 */
public record ProtectionSettings(int minCount, boolean keepInputConfidential, Check check, boolean avoidZeros)
    implements Serializable {

  /** What an attacker is assumed to do with the published cells. */
  public enum Check {
    /** Subtract the published terms of one equation (one table row or column) from its total. */
    SINGLE_EQUATION,
    /** Combine any equations of every linked table (exact linear algebra over the rationals). */
    LINEAR
  }

  public ProtectionSettings withMinCount(int k) {
    return new ProtectionSettings(k, keepInputConfidential, check, avoidZeros);
  }

  public ProtectionSettings withCheck(Check c) {
    return new ProtectionSettings(minCount, keepInputConfidential, c, avoidZeros);
  }
}
