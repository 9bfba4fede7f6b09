package eu.thbstat.aggregate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import eu.thbstat.aggregate.FlagAggregation.Component;
import eu.thbstat.reference.AggregationSettings.FlagMethod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three methods of Eurostat's flagr package, on the examples of its own documentation
 * (R/flag_hierarchy.R, R/flag_frequency.R, R/flag_weighted.R of github.com/eurostat/flagr); the
 * expected flags are worked out by hand from flagr's definitions.
 */
class FlagAggregationTest {

  private static List<Component> components(String[] flags, double... weights) {
    List<Component> c = new ArrayList<>();
    for (int i = 0; i < flags.length; i++) {
      c.add(new Component(flags[i], weights.length == 0 ? 1 : weights[i]));
    }
    return c;
  }

  @Test
  void hierarchyTakesTheFlagListedFirstAmongAllFlagsPresent() {
    // flag_hierarchy(c("p","b","s","b","u","e","b"), flag_list = c("e","s","t")) gives "e"
    assertThat(FlagAggregation.hierarchy(components(new String[] {"p", "b", "s", "b", "u", "e", "b"}), "est"), is("e"));
    // with flagr's "estat" order b d f e s p n u, one b outranks ten p (the vignette's caveat)
    String[] flags = {"b", "p", "p", "p", "p", "p", "p", "p", "p", "p", "p"};
    assertThat(FlagAggregation.hierarchy(components(flags), "bdfespnu"), is("b"));
    // a flag set counts letter by letter: "de" is d and e
    assertThat(FlagAggregation.hierarchy(components(new String[] {"p", "de", ""}), "bdfespnu"), is("d"));
    assertThat(FlagAggregation.hierarchy(components(new String[] {"", ""}), "bdfespnu"), is(""));
  }

  @Test
  void frequencyTakesTheMostFrequentFlagOrAllTiedOnes() {
    // flag_frequency(c("pe","b","p","p","u","e","d")): p 3 times, e twice
    assertThat(FlagAggregation.frequency(components(new String[] {"pe", "b", "p", "p", "u", "e", "d"})), is("p"));
    // flag_frequency(c("pe","b","p","p","eu","e","d")): p and e 3 times each
    assertThat(FlagAggregation.frequency(components(new String[] {"pe", "b", "p", "p", "eu", "e", "d"})), is("ep"));
    // components without a flag take no part: one flagged of three still gives its flag
    assertThat(FlagAggregation.frequency(components(new String[] {"", "", "d"})), is("d"));
  }

  @Test
  void weightedTakesTheFlagWithTheLargestShareOfTheSumIfItReachesTheThreshold() {
    double[] w = {10, 3, 7, 12, 31, 9, 54};
    // flag_weighted(1, c("pe","b","p","p","u","e","d"), w): d weighs 54 of 126 = 0.43, p 29, u 31, e 19, b 3
    List<Component> c = components(new String[] {"pe", "b", "p", "p", "u", "e", "d"}, w);
    assertThat(FlagAggregation.weighted(c, 0.4), is("d"));
    assertThat(FlagAggregation.weighted(c, 0.5), is("")); // propagate_flag's default threshold: NA
    // c("pe","b","p","p","up","e","d"): p weighs 10 + 7 + 12 + 31 = 60 of 126 = 0.48
    assertThat(FlagAggregation.weighted(components(new String[] {"pe", "b", "p", "p", "up", "e", "d"}, w), 0.4), is("p"));
    // c("pe",NA,"pe",NA,NA,"d") with weights 10,3,7,12,31,9: e and p tie at 17 of 72; flagr gives "e,p"
    List<Component> tie = components(new String[] {"pe", "", "pe", "", "", "d"}, 10, 3, 7, 12, 31, 9);
    assertThat(FlagAggregation.weighted(tie, 0.2), is("ep"));
    assertThat(FlagAggregation.weighted(tie, 0.5), is(""));
  }

  @Test
  void theConfiguredMethodDropsIgnoredFlagsFirst() {
    FlagAggregation hierarchy = new FlagAggregation(FlagMethod.HIERARCHY, "bcdfespnu", 0.5, "c");
    assertThat(hierarchy.flags(components(new String[] {"c", "p"})), is("p"));
    FlagAggregation weighted = new FlagAggregation(FlagMethod.WEIGHTED, "", 0.5, "c");
    // Germany 2022 (d, 1 495 victims) is 14.8 % of 10 093: no flag; alone it is 100 %: d
    assertThat(weighted.flags(List.of(new Component("d", 1495), new Component("", 8598))), is(""));
    assertThat(weighted.flags(List.of(new Component("d", 1495))), is("d"));
    FlagAggregation frequency = new FlagAggregation(FlagMethod.FREQUENCY, "", 0.5, "c");
    assertThat(frequency.flags(List.of(new Component("d", 1495), new Component("", 8598))), is("d"));
  }
}
