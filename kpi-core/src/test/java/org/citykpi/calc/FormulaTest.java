package org.citykpi.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.citykpi.calc.Calculator.Binary;
import org.citykpi.calc.Calculator.Constant;
import org.citykpi.calc.Calculator.Op;
import org.citykpi.calc.Calculator.Ref;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaTest {
    @Test
    void multiplicationBindsTighterThanAddition() {
        assertEquals(
                new Binary(Op.ADD, new Ref("a"), new Binary(Op.MUL, new Ref("b"), new Ref("c"))),
                Formula.parse("a + b * c"));
    }

    @Test
    void operatorsAreLeftAssociative() {
        assertEquals(
                new Binary(Op.SUB, new Binary(Op.SUB, new Ref("a"), new Ref("b")), new Ref("c")),
                Formula.parse("a - b - c"));
        assertEquals(
                new Binary(Op.DIV, new Binary(Op.MUL, new Constant(100), new Ref("hh_net")), new Ref("hh")),
                Formula.parse("100 * hh_net / hh"));
    }

    @Test
    void codeBuiltTreeEqualsParsedTree() {
        assertEquals(Formula.parse("100 * hh_net / hh"), Calculators.percent("hh_net", "hh"));
        assertEquals(Formula.parse("100000 * deaths / pop"), Calculators.perCapita("deaths", "pop", 100000));
        assertEquals(Formula.parse("clamp(x, 0, 100)"), Calculators.clamp(Calculators.ref("x"), 0, 100));
        assertEquals(
                Formula.parse("if(x < 10, 1, if(x < 20, 2, 3))"),
                Calculators.piecewise(Calculators.ref("x"), new double[] {10, 20}, new double[] {1, 2, 3}));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a + b * c",
                "(a + b) * c",
                "a - (b - c)",
                "a / (b * c)",
                "-(a + b)",
                "-a * b",
                "min(a, b, 3) + max(c)",
                "if(a >= 10, a / b, na())",
                "clamp(abs(a - b), 0, 100)",
                "sum(a, b, c) / mean(a, b)",
                "and(a < b, not(c == 0), or(a != 1, b <= 2))",
                "`EC.ICT.ICT.4C/3G` * 2",
                "EC.ICT.ICT.1C - 1.5e-3"
            })
    void printsTextThatParsesBackToTheSameTree(String text) {
        Calculator c = Formula.parse(text);
        assertEquals(c, Formula.parse(c.toString()), c.toString());
    }

    @Test
    void unaryMinusOnANumberIsANegativeConstant() {
        assertEquals(new Constant(-2), Formula.parse("-2"));
        assertEquals(new Binary(Op.SUB, new Constant(1), new Constant(-2)), Formula.parse("1 - -2"));
    }

    @Test
    void referencesListEveryNameOnce() {
        assertEquals(
                List.copyOf(Set.of("a")), List.copyOf(Formula.parse("a * a").references()));
        assertEquals(
                List.of("x", "y", "z"),
                List.copyOf(Formula.parse("if(x > 0, y, z + x)").references()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // formula | column (1-based) | words in the message
                "100 * a / | 10 | end of the formula",
                "(a + b | 1 | never closed",
                "a + * b | 5 | expected a number",
                "a b | 3 | unexpected 'b'",
                "foo(a) | 1 | unknown function 'foo'",
                "min() | 1 | at least 1",
                "if(a, b) | 1 | 3 arguments",
                "a < b < c | 7 | cannot be chained",
                "a = b | 3 | use '=='",
                "2x + 1 | 1 | names must start with a letter",
                "a + `b | 5 | never closed",
                "a $ b | 3 | unexpected '$'",
                "min | 1 | is a function",
                "abs(a, b) | 1 | takes 1",
                "max(a, b | 9 | never closed",
                "1e999 | 1 | too large",
                // 1e-999 would be stored as 0, a silent zero
                "a + 1e-999 | 5 | too small to be stored",
                "0.0000000000000000000000000000000000000001e-300 | 1 | too small to be stored"
            })
    void namesTheFormulaAndColumnOfEveryError(String text, int column, String words) {
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse(text));
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains("formula '" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    /** Returns text whose tree is {@code levels} deep, in one of the ways a formula nests. */
    static String nested(String how, int levels) {
        switch (how) {
            case "parentheses":
                // parentheses nest the parsing, not the tree: each pair is a level all the same
                return "(".repeat(levels - 1) + "a" + ")".repeat(levels - 1);
            case "operators":
                return "a" + " + a".repeat(levels - 1);
            case "signs":
                return "-".repeat(levels - 1) + "a";
            case "calls":
                return "abs(".repeat(levels - 1) + "a" + ")".repeat(levels - 1);
            case "comparisons":
                return "(a < ".repeat(levels - 1) + "a" + ")".repeat(levels - 1);
            default:
                throw new IllegalArgumentException(how);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"parentheses", "operators", "signs", "calls", "comparisons"})
    void acceptsAFormulaAsDeepAsTheLimitAndRefusesOneLevelMore(String how) {
        Formula.parse(nested(how, Formula.MAX_DEPTH));
        String deeper = nested(how, Formula.MAX_DEPTH + 2);
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse(deeper));
        assertTrue(e.reason().startsWith("formula nested deeper than 100 levels"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"parentheses", "operators", "signs", "calls", "comparisons"})
    void refusesAMegabyteOfNestingWithoutExhaustingTheStack(String how) {
        String text = nested(how, 250_000);
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse(text));
        assertTrue(e.reason().startsWith("formula nested deeper than 100 levels"), e.getMessage());
        // the message quotes the start and the end of the formula, and says how long it is
        assertTrue(e.getMessage().contains(" characters): column "), e.getMessage());
        assertTrue(e.getMessage().length() < 500, e.getMessage().length() + " characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1x", "1.", "1e", "`a", "a", "a+"})
    void quotesAMegabyteFormulaInAShortMessage(String unit) {
        String text = unit.repeat(1_000_000 / unit.length()) + "$";
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse(text));
        assertTrue(e.getMessage().length() < 600, e.getMessage().length() + " characters");
        assertTrue(e.getMessage().startsWith("formula '" + unit.repeat(80 / unit.length())), e.getMessage());
    }

    @Test
    void zeroWrittenAnyWayIsZero() {
        // a number whose digits are all 0 is 0, whatever its exponent: no underflow to report
        for (String zero : new String[] {"0", "0.000", "0e-999", "000.0e5"}) {
            assertEquals(new Constant(0), Formula.parse(zero), zero);
        }
    }

    @Test
    void emptyFormulaIsAnError() {
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse("   "));
        assertTrue(e.getMessage().contains("empty"));
    }
}
