package eu.thbstat.reference;

import java.io.Serializable;

/**
 * One code of a common code list.
 *
 * @param parent the code this one rolls up to ({@code null} at the top)
 * @param breakdown name of the set of siblings that together make up the parent, where a parent
 *     has several alternative breakdowns (age bands); {@code null} for a code in every breakdown
 * @param decimals for units: decimals printed in CSV outputs
 */
public record Code(String code, String label, String parent, String breakdown, Integer decimals)
    implements Serializable {}
