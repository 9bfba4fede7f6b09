package eu.thbstat.rules;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import eu.thbstat.testing.TestData;
import fr.insee.vtl.parser.VtlLexer;
import fr.insee.vtl.parser.VtlParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.junit.jupiter.api.Test;

/** The VTL export parses with the VTL 2.1 grammar (INSEE Trevas' ANTLR parser) and says what the rules say. */
class VtlExportTest {

  /** Syntax errors of a VTL program ("line:column message"), empty if it parses. */
  static List<String> syntaxErrors(String vtl) {
    List<String> errors = new ArrayList<>();
    BaseErrorListener listener = new BaseErrorListener() {
      @Override
      public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int column, String msg, RecognitionException e) {
        errors.add(line + ":" + column + " " + msg);
      }
    };
    VtlLexer lexer = new VtlLexer(CharStreams.fromString(vtl));
    lexer.removeErrorListeners();
    lexer.addErrorListener(listener);
    VtlParser parser = new VtlParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(listener);
    parser.start();
    return errors;
  }

  @Test
  void theGrammarCheckCatchesBrokenVtl() {
    assertThat(syntaxErrors("define hierarchical ruleset hr (variable rule sex) is T = F + + M end hierarchical ruleset;"), not(empty()));
    // a code that is not a VTL identifier, unquoted
    assertThat(syntaxErrors("define hierarchical ruleset hr (variable rule victim_status) is R1 : TOTAL = IDENT + _Z end hierarchical ruleset;"), not(empty()));
    assertThat(syntaxErrors("define hierarchical ruleset hr (variable rule victim_status) is R1 : TOTAL = IDENT + '_Z' end hierarchical ruleset;"), empty());
  }

  @Test
  void theWholeExportParsesAsVtl21() {
    String vtl = VtlExport.export(TestData.ref());
    assertThat(vtl, syntaxErrors(vtl), empty());
  }

  @Test
  void codeListHierarchiesAreHierarchicalRulesetsWithQuotedCodes() {
    String vtl = VtlExport.export(TestData.ref());
    assertThat(vtl, containsString("define hierarchical ruleset hr_sex_sum (variable rule sex) is\n"
        + "  sex_T : T = F + M + UNK errorcode \"HIERARCHY_SUM\" errorlevel 3\nend hierarchical ruleset;"));
    // codes that are not VTL identifiers are quoted
    assertThat(vtl, containsString("age_Y_LT18_B14 : Y_LT18 = Y_LT14 + 'Y14-17' errorcode \"HIERARCHY_SUM\" errorlevel 3"));
    // forms of exploitation may exceed all forms: a warning
    assertThat(vtl, containsString("exploitation_TOTAL : TOTAL >= SEX + LAB_SERV + ORG_OTH + UNK errorcode \"MULTI_FORM\" errorlevel 2"));
    assertThat(vtl, containsString("hr_sex_sum_check := check_hierarchy(thb, hr_sex_sum rule sex non_null dataset_priority invalid);"));
    assertThat(vtl, containsString("hr_sex_bound_check := check_hierarchy(thb, hr_sex_bound rule sex partial_null dataset_priority invalid);"));
  }

  @Test
  void dataRulesetsKeepTheirModesAndConditions() {
    String vtl = VtlExport.export(TestData.ref());
    assertThat(vtl, containsString("define datapoint ruleset dpr_thb_status (variable leg_stat, victim_status) is\n"
        + "  STATUS_ONLY_VICTIMS : when leg_stat <> \"PER_VICT\" then victim_status = \"_Z\" errorcode \"STATUS_NOT_APPLICABLE\" errorlevel 3;\n"
        + "  STATUS_OF_VICTIMS : when leg_stat = \"PER_VICT\" then victim_status <> \"_Z\" errorcode \"STATUS_MISSING\" errorlevel 3\n"
        + "end datapoint ruleset;"));
    // 'unit' is a VTL keyword: quoted
    assertThat(vtl, containsString("NR_WHOLE : when 'unit' = \"NR\" then mod(obs_value, 1) = 0 errorcode \"VALUE_NOT_INTEGER\" errorlevel 3"));
    assertThat(vtl, containsString("SEX_LE_TOTAL : TOTAL >= SEX errorcode \"FORM_EXCEEDS_TOTAL\" errorlevel 3"));
    assertThat(vtl, containsString("hr_thb_form_bound_check := check_hierarchy(thb, hr_thb_form_bound rule exploitation non_null dataset_priority invalid);"));
    assertThat(vtl, containsString("dpr_thb_status_check := check_datapoint(thb, dpr_thb_status invalid);"));
  }

  @Test
  void statisticalRulesAreCommentsWithTheirParameters() {
    String vtl = VtlExport.export(TestData.ref());
    assertThat(vtl, containsString("/* YOY_CHANGE (level 3, WARNING): statistical test poisson_ratio {alpha=0.001, explained_rule=YOY_CHANGE_EXPLAINED, max_ratio=2.0}"));
    assertThat(vtl, containsString("/* RATE_OUTLIER_EU (level 4, INFO): statistical test robust_rate"));
  }

  @Test
  void identifiersAreQuotedOnlyWhenVtlNeedsIt() {
    assertThat(Vtl.id("SEX"), is("SEX"));
    assertThat(Vtl.id("Y14-17"), is("'Y14-17'"));
    assertThat(Vtl.id("_Z"), is("'_Z'"));
    assertThat(Vtl.id("time"), is("'time'"));
  }
}
