package org.citykpi.calc;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.citykpi.Quote;
import org.citykpi.calc.Calculator.Binary;
import org.citykpi.calc.Calculator.Call;
import org.citykpi.calc.Calculator.CmpOp;
import org.citykpi.calc.Calculator.Compare;
import org.citykpi.calc.Calculator.Constant;
import org.citykpi.calc.Calculator.Function;
import org.citykpi.calc.Calculator.If;
import org.citykpi.calc.Calculator.Negate;
import org.citykpi.calc.Calculator.Op;
import org.citykpi.calc.Calculator.Ref;
import org.jspecify.annotations.Nullable;

/**
 * Compiles formula text to a {@link Calculator} tree.
 *
 * <p>Grammar (whitespace is free):
 *
 * <pre>
 * formula    = comparison
 * comparison = sum [ ("&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "!=") sum ]
 * sum        = product { ("+" | "-") product }
 * product    = unary { ("*" | "/") unary }
 * unary      = ("-" | "+") unary | primary
 * primary    = number | name | function "(" [ formula { "," formula } ] ")" | "(" formula ")"
 * name       = letter { letter | digit | "_" | "." }  |  "`" any text but "`" "`"
 * function   = min | max | abs | sum | mean | clamp | if | and | or | not | na
 * </pre>
 *
 * <p>Names are variables, indicators or indicator parts; back-quotes allow any other text, such as
 * a part {@code `EC.ICT.ICT.4C/3G`}. Numbers use {@code .} as decimal separator and may have an
 * exponent ({@code 1e5}); one too large for a double, or so small it would be stored as 0, is an
 * error. Operators are left-associative; {@code *} and {@code /} bind tighter
 * than {@code +} and {@code -}; unary minus binds tightest; a comparison cannot be chained without
 * parentheses. A formula is at most {@value #MAX_DEPTH} levels deep (each operator, function call,
 * unary sign and pair of parentheses is a level; {@code a + b + c} is two levels: use {@code
 * sum(…)} for long sums), so that no formula, however hostile, can exhaust the stack of the code
 * that compiles, prints or evaluates it. Every error is a {@link FormulaException} naming the
 * formula and the column, quoting at most {@value org.citykpi.Quote#MAX_CHARS} characters of any
 * text. Compiling reads each character a bounded number of times. Stateless and thread-safe.
 */
public final class Formula {
    /** Deepest formula accepted, in levels of operators, calls, signs and parentheses. */
    public static final int MAX_DEPTH = 100;

    private final String text;
    private int pos;
    /** Levels of parsing open around the current position (parentheses, calls, signs, operands). */
    private int nesting;
    /** Depth of the tree the last production returned (a name or number is 1). */
    private int depth;

    private Formula(String text) {
        this.text = text;
    }

    /**
     * Compiles {@code text}.
     *
     * @param text the formula text
     * @return the calculator tree
     * @throws FormulaException if the text is not a formula (names the column)
     */
    public static Calculator parse(String text) {
        requireNonNull(text, "text");
        Formula f = new Formula(text);
        f.skipBlanks();
        if (f.pos == text.length()) {
            throw f.error(f.pos, "the formula is empty");
        }
        Calculator c = f.comparison();
        f.skipBlanks();
        if (f.pos < text.length()) {
            throw f.error(
                    f.pos,
                    "unexpected " + Quote.of(String.valueOf(text.charAt(f.pos)))
                            + " (expected an operator or the end)");
        }
        return c;
    }

    /**
     * Returns true when {@code name} can be written without back-quotes.
     *
     * @param name a variable, indicator or part name
     * @return whether the name is a plain name and not a function's name
     */
    public static boolean isPlainName(String name) {
        if (name.isEmpty() || !isNameStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isNamePart(name.charAt(i))) {
                return false;
            }
        }
        return !isFunctionName(name);
    }

    private static boolean isFunctionName(String name) {
        if (name.equals("if")) {
            return true;
        }
        for (Function fn : Function.values()) {
            if (fn.word().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private FormulaException error(int at, String reason) {
        return new FormulaException(text, at + 1, reason);
    }

    /** Enters one level of parsing at {@code at}; throws when the formula is nested too deep. */
    private void enter(int at) {
        if (++nesting > MAX_DEPTH) {
            throw tooDeep(at);
        }
    }

    /** Returns the depth of a node over children whose deepest is {@code d}; throws when too deep. */
    private int levelAbove(int d, int at) {
        if (d + 1 > MAX_DEPTH) {
            throw tooDeep(at);
        }
        return d + 1;
    }

    private FormulaException tooDeep(int at) {
        return error(
                at,
                "formula nested deeper than " + MAX_DEPTH + " levels (expected at most " + MAX_DEPTH
                        + " levels of operators, function calls and parentheses; use sum(…) for long sums)");
    }

    private void skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean accept(String s) {
        skipBlanks();
        if (text.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    private Calculator comparison() {
        enter(pos);
        try {
            return comparisonInner();
        } finally {
            nesting--;
        }
    }

    private Calculator comparisonInner() {
        Calculator left = sum();
        int d = depth;
        skipBlanks();
        int at = pos;
        CmpOp op = comparisonOperator();
        if (op == null) {
            return left;
        }
        Calculator right = sum();
        depth = levelAbove(Math.max(d, depth), at);
        skipBlanks();
        int again = pos;
        if (comparisonOperator() != null) {
            throw error(again, "comparisons cannot be chained (use and(a < b, b < c))");
        }
        if (at < 0) {
            throw new IllegalStateException("position");
        }
        return new Compare(op, left, right);
    }

    private @Nullable CmpOp comparisonOperator() {
        skipBlanks();
        if (accept("<=")) {
            return CmpOp.LE;
        }
        if (accept(">=")) {
            return CmpOp.GE;
        }
        if (accept("==")) {
            return CmpOp.EQ;
        }
        if (accept("!=")) {
            return CmpOp.NE;
        }
        if (accept("<")) {
            return CmpOp.LT;
        }
        if (accept(">")) {
            return CmpOp.GT;
        }
        if (pos < text.length() && text.charAt(pos) == '=') {
            throw error(pos, "'=' is not an operator (use '==' to compare)");
        }
        return null;
    }

    private Calculator sum() {
        Calculator left = product();
        int d = depth;
        while (true) {
            int at = pos;
            if (accept("+")) {
                left = new Binary(Op.ADD, left, product());
            } else if (accept("-")) {
                left = new Binary(Op.SUB, left, product());
            } else {
                depth = d;
                return left;
            }
            d = levelAbove(Math.max(d, depth), at);
        }
    }

    private Calculator product() {
        Calculator left = unary();
        int d = depth;
        while (true) {
            int at = pos;
            if (accept("*")) {
                left = new Binary(Op.MUL, left, unary());
            } else if (accept("/")) {
                left = new Binary(Op.DIV, left, unary());
            } else {
                depth = d;
                return left;
            }
            d = levelAbove(Math.max(d, depth), at);
        }
    }

    private Calculator unary() {
        skipBlanks();
        int at = pos;
        if (accept("-")) {
            enter(at);
            try {
                Calculator operand = unary();
                if (operand instanceof Constant c) {
                    return new Constant(-c.value());
                }
                depth = levelAbove(depth, at);
                return new Negate(operand);
            } finally {
                nesting--;
            }
        }
        if (accept("+")) {
            enter(at);
            try {
                return unary();
            } finally {
                nesting--;
            }
        }
        return primary();
    }

    private Calculator primary() {
        skipBlanks();
        if (pos >= text.length()) {
            throw error(pos, "expected a number, a name, a function or '(' (found the end of the formula)");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            int open = pos;
            pos++;
            Calculator inner = comparison();
            if (!accept(")")) {
                throw error(
                        pos >= text.length() ? open : pos,
                        pos >= text.length()
                                ? "'(' is never closed"
                                : "expected ')' (found " + Quote.of(String.valueOf(text.charAt(pos))) + ")");
            }
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (c == '`') {
            int start = pos;
            int end = text.indexOf('`', pos + 1);
            if (end < 0) {
                throw error(start, "back-quoted name is never closed");
            }
            String name = text.substring(start + 1, end);
            if (name.isBlank()) {
                throw error(start, "back-quoted name is empty");
            }
            pos = end + 1;
            depth = 1;
            return new Ref(name);
        }
        if (isNameStart(c)) {
            int start = pos;
            while (pos < text.length() && isNamePart(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos);
            skipBlanks();
            if (pos < text.length() && text.charAt(pos) == '(') {
                return call(name, start);
            }
            if (isFunctionName(name)) {
                throw error(start, name + " is a function (expected '(' after it)");
            }
            depth = 1;
            return new Ref(name);
        }
        throw error(
                pos, "unexpected " + Quote.of(String.valueOf(c)) + " (expected a number, a name, a function or '(')");
    }

    private Calculator number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            int digits = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (digits == pos) {
                pos = save;
            }
        }
        String s = text.substring(start, pos);
        if (pos < text.length() && isNameStart(text.charAt(pos))) {
            throw error(
                    start,
                    "not a number " + Quote.of(text.subSequence(start, pos + 1)) + " (names must start with a letter)");
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error(start, "not a number " + Quote.of(s));
        }
        if (!Double.isFinite(v)) {
            throw error(start, "number " + Quote.of(s) + " is too large");
        }
        if (v == 0 && hasNonZeroDigit(s)) {
            throw error(
                    start,
                    "number " + Quote.of(s) + " is too small to be stored (expected 0 or a magnitude of at"
                            + " least 4.9e-324)");
        }
        depth = 1;
        return new Constant(v);
    }

    /** Returns true when the digits of {@code number} before any exponent are not all 0. */
    private static boolean hasNonZeroDigit(String number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private Calculator call(String name, int start) {
        String lower = name.toLowerCase(Locale.ROOT);
        @Nullable Function fn = null;
        boolean isIf = lower.equals("if");
        if (!isIf) {
            for (Function f : Function.values()) {
                if (f.word().equals(lower)) {
                    fn = f;
                }
            }
            if (fn == null) {
                throw error(
                        start,
                        "unknown function " + Quote.of(name)
                                + " (expected min, max, abs, sum, mean, clamp, if, and, or, not or na)");
            }
        }
        pos++; // '('
        List<Calculator> args = new ArrayList<>();
        int d = 0;
        if (!accept(")")) {
            do {
                args.add(comparison());
                d = Math.max(d, depth);
            } while (accept(","));
            if (!accept(")")) {
                throw error(
                        pos,
                        pos >= text.length()
                                ? Quote.of(name + "(") + " is never closed"
                                : "expected ',' or ')' (found " + Quote.of(String.valueOf(text.charAt(pos))) + ")");
            }
        }
        depth = levelAbove(d, start);
        if (fn == null) {
            if (args.size() != 3) {
                throw error(start, "if() takes 3 arguments (condition, then, otherwise), not " + args.size());
            }
            return new If(args.get(0), args.get(1), args.get(2));
        }
        try {
            return new Call(fn, args);
        } catch (IllegalArgumentException e) {
            throw error(start, String.valueOf(e.getMessage()));
        }
    }
}
