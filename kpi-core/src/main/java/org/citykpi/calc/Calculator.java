package org.citykpi.calc;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.citykpi.Numbers;

/**
 * A formula as a value: a tree of constants, references (to variables or other indicators),
 * arithmetic, comparisons and functions. Built in code with {@link Calculators} or compiled from
 * text with {@link Formula#parse}; both give equal trees, and {@code toString()} prints formula
 * text that parses back to an equal tree.
 *
 * <p>A calculator declares what it reads ({@link #references()}) so that a catalog can be checked
 * before any data is seen. It is evaluated column-wise by the engine ({@code
 * org.citykpi.engine.Engine}); evaluation rules for missing inputs and errors:
 *
 * <ul>
 *   <li>a reference with no value for a row → {@code MISSING_INPUT} naming the variable;
 *   <li>an operation whose input has no value → the first such input's cause (left to right);
 *   <li>division by zero → {@code DIVISION_BY_ZERO} naming the denominator;
 *   <li>a result that is not finite (overflow) → {@code OUT_OF_RANGE};
 *   <li>{@code if(c, a, b)} → only the chosen branch's cause counts;
 *   <li>{@code na()} → {@code NOT_APPLICABLE}.
 * </ul>
 *
 * <p>Immutable and thread-safe. Serializable through the records' canonical constructors, so a
 * calculator read from a stream is checked like a new one; the serial form is for moving values
 * between JVMs of the same CityKPI version (such as to Spark executors), not for storage.
 */
public sealed interface Calculator extends Serializable {

    /**
     * Returns the names this calculator reads (variables, indicators, parts), in order of appearance.
     *
     * @return the names, each once
     */
    default Set<String> references() {
        Set<String> out = new LinkedHashSet<>();
        collect(this, out);
        return out;
    }

    private static void collect(Calculator c, Set<String> out) {
        if (c instanceof Ref r) {
            out.add(r.name());
        } else if (c instanceof Negate n) {
            collect(n.operand(), out);
        } else if (c instanceof Binary b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (c instanceof Compare cmp) {
            collect(cmp.left(), out);
            collect(cmp.right(), out);
        } else if (c instanceof Call call) {
            for (Calculator a : call.args()) {
                collect(a, out);
            }
        } else if (c instanceof If i) {
            collect(i.condition(), out);
            collect(i.then(), out);
            collect(i.otherwise(), out);
        }
    }

    /** Arithmetic operators. */
    enum Op {
        /** Addition, {@code +}. */
        ADD("+", 1),
        /** Subtraction, {@code -}. */
        SUB("-", 1),
        /** Multiplication, {@code *}; binds tighter than {@code +} and {@code -}. */
        MUL("*", 2),
        /** Division, {@code /}; binds tighter than {@code +} and {@code -}. */
        DIV("/", 2);

        final String symbol;
        final int precedence;

        Op(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        /** {@return the operator's symbol, as in formula text} */
        public String symbol() {
            return symbol;
        }
    }

    /** Comparison operators; a comparison is 1 when true and 0 when false. */
    enum CmpOp {
        /** Less than, {@code <}. */
        LT("<"),
        /** Less than or equal, {@code <=}. */
        LE("<="),
        /** Greater than, {@code >}. */
        GT(">"),
        /** Greater than or equal, {@code >=}. */
        GE(">="),
        /** Equal, {@code ==}. */
        EQ("=="),
        /** Not equal, {@code !=}. */
        NE("!=");

        final String symbol;

        CmpOp(String symbol) {
            this.symbol = symbol;
        }

        /** {@return the operator's symbol, as in formula text} */
        public String symbol() {
            return symbol;
        }

        boolean test(double a, double b) {
            switch (this) {
                case LT:
                    return a < b;
                case LE:
                    return a <= b;
                case GT:
                    return a > b;
                case GE:
                    return a >= b;
                case EQ:
                    return a == b;
                default:
                    return a != b;
            }
        }
    }

    /** Functions callable in formulas. */
    enum Function {
        /** Smallest argument. */
        MIN(1, Integer.MAX_VALUE),
        /** Largest argument. */
        MAX(1, Integer.MAX_VALUE),
        /** Absolute value. */
        ABS(1, 1),
        /** Compensated sum of the arguments. */
        SUM(1, Integer.MAX_VALUE),
        /** Mean of the arguments (compensated sum / count). */
        MEAN(1, Integer.MAX_VALUE),
        /** {@code clamp(x, lo, hi)}: x limited to [lo, hi]. */
        CLAMP(3, 3),
        /** 1 when every argument is non-zero, else 0. */
        AND(2, Integer.MAX_VALUE),
        /** 1 when any argument is non-zero, else 0. */
        OR(2, Integer.MAX_VALUE),
        /** 1 when the argument is zero, else 0. */
        NOT(1, 1),
        /** No value: the indicator does not apply ({@code NOT_APPLICABLE}). */
        NA(0, 0);

        final int minArgs;
        final int maxArgs;

        Function(int minArgs, int maxArgs) {
            this.minArgs = minArgs;
            this.maxArgs = maxArgs;
        }

        /** {@return the name used in formula text, such as {@code clamp}} */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A constant.
     *
     * @param value a finite number
     * @serial exclude
     */
    record Constant(double value) implements Calculator {
        /**
         * Rejects non-finite constants.
         *
         * @param value a finite number
         * @throws IllegalArgumentException if the value is NaN or infinite
         */
        public Constant {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("constant is not finite: " + value);
            }
        }

        @Override
        public String toString() {
            return Numbers.format(value);
        }
    }

    /**
     * A reference to a variable, an indicator, or an indicator part ({@code <id>/<part>}).
     *
     * @param name the referenced id
     * @serial exclude
     */
    record Ref(String name) implements Calculator {
        /**
         * Validates the name.
         *
         * @param name the referenced id, not blank
         * @throws IllegalArgumentException if the name is blank
         */
        public Ref {
            requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("reference name is blank");
            }
        }

        @Override
        public String toString() {
            return Formula.isPlainName(name) ? name : "`" + name + "`";
        }
    }

    /**
     * Unary minus.
     *
     * @param operand the negated calculator
     * @serial exclude
     */
    record Negate(Calculator operand) implements Calculator {
        /**
         * Validates the operand.
         *
         * @param operand the negated calculator
         */
        public Negate {
            requireNonNull(operand, "operand");
        }

        @Override
        public String toString() {
            boolean paren = operand instanceof Binary || operand instanceof Compare;
            return "-" + (paren ? "(" + operand + ")" : operand.toString());
        }
    }

    /**
     * An arithmetic operation.
     *
     * @param op the operator
     * @param left left operand
     * @param right right operand
     * @serial exclude
     */
    record Binary(Op op, Calculator left, Calculator right) implements Calculator {
        /**
         * Validates the operands.
         *
         * @param op the operator
         * @param left left operand
         * @param right right operand
         */
        public Binary {
            requireNonNull(op, "op");
            requireNonNull(left, "left");
            requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            String l = left.toString();
            if (left instanceof Compare || (left instanceof Binary lb && lb.op.precedence < op.precedence)) {
                l = "(" + l + ")";
            }
            String r = right.toString();
            // Right operands of equal precedence need parentheses: a - (b - c), a / (b * c).
            if (right instanceof Compare || (right instanceof Binary rb && rb.op.precedence <= op.precedence)) {
                r = "(" + r + ")";
            }
            return l + " " + op.symbol + " " + r;
        }
    }

    /**
     * A comparison, 1 when true and 0 when false.
     *
     * @param op the comparison
     * @param left left operand
     * @param right right operand
     * @serial exclude
     */
    record Compare(CmpOp op, Calculator left, Calculator right) implements Calculator {
        /**
         * Validates the operands.
         *
         * @param op the comparison
         * @param left left operand
         * @param right right operand
         */
        public Compare {
            requireNonNull(op, "op");
            requireNonNull(left, "left");
            requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            String l = left instanceof Compare ? "(" + left + ")" : left.toString();
            String r = right instanceof Compare ? "(" + right + ")" : right.toString();
            return l + " " + op.symbol + " " + r;
        }
    }

    /**
     * A function call.
     *
     * @param function the function
     * @param args its arguments (count checked against the function)
     * @serial exclude
     */
    record Call(Function function, List<Calculator> args) implements Calculator {
        /**
         * Validates the argument count and copies the list.
         *
         * @param function the function
         * @param args its arguments
         * @throws IllegalArgumentException if the function does not take that many arguments
         */
        public Call {
            requireNonNull(function, "function");
            args = List.copyOf(args);
            if (args.size() < function.minArgs || args.size() > function.maxArgs) {
                throw new IllegalArgumentException(function.word() + "() takes "
                        + (function.minArgs == function.maxArgs
                                ? function.minArgs + ""
                                : "at least " + function.minArgs)
                        + " argument(s), not " + args.size());
            }
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(function.word()).append('(');
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(args.get(i));
            }
            return sb.append(')').toString();
        }
    }

    /**
     * {@code if(condition, then, otherwise)}: {@code then} where the condition is non-zero.
     *
     * @param condition the condition (usually a comparison)
     * @param then value where the condition holds
     * @param otherwise value elsewhere
     * @serial exclude
     */
    record If(Calculator condition, Calculator then, Calculator otherwise) implements Calculator {
        /**
         * Validates the operands.
         *
         * @param condition the condition (usually a comparison)
         * @param then value where the condition holds
         * @param otherwise value elsewhere
         */
        public If {
            requireNonNull(condition, "condition");
            requireNonNull(then, "then");
            requireNonNull(otherwise, "otherwise");
        }

        @Override
        public String toString() {
            return "if(" + condition + ", " + then + ", " + otherwise + ")";
        }
    }
}
