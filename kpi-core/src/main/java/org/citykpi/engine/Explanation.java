package org.citykpi.engine;

import java.util.List;
import java.util.OptionalDouble;
import org.citykpi.Numbers;
import org.citykpi.Period;
import org.citykpi.calc.KpiResult;

/**
 * Why a cell has the value (or cause) it has: the formula, each input with its value, the outcome,
 * and for a reported value, the output whose reported value it is. Immutable.
 *
 * <p>A value is reported when the data gave it under the output's own id (or code), or when the
 * output's formula is a bare reference to another output (an indicator's reference to its headline
 * part) whose value was reported: provenance follows the value, and {@link #reportedAs()} then
 * names that other output, e.g. {@code EC.ICT.ICT.4C/4G} for indicator {@code EC.ICT.ICT.4C}.
 *
 * @param entity entity code
 * @param period period
 * @param output indicator or part id
 * @param formula the formula text
 * @param result the outcome
 * @param inputs each name the formula reads, with its value
 * @param reportedAs for a reported value, the output under whose id (or code) the data gave it:
 *     {@code output} itself, or the output its formula passes on; empty for a computed value or no
 *     value
 */
public record Explanation(
        String entity,
        Period period,
        String output,
        String formula,
        KpiResult result,
        List<Input> inputs,
        String reportedAs) {

    /** What an input is. */
    public enum Kind {
        /** A raw variable from the data. */
        VARIABLE,
        /** Another indicator or part, computed (or reported) first. */
        INDICATOR,
        /** The indicator's own reported value. */
        REPORTED
    }

    /**
     * One input of a formula.
     *
     * @param name variable or output id
     * @param kind what it is
     * @param value its value, if it has one
     * @param status {@code ok}, {@code missing}, or the status of an indicator input
     */
    public record Input(String name, Kind kind, OptionalDouble value, String status) {}

    /** Returns a one-paragraph explanation for people. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(output)
                .append(" for ")
                .append(entity)
                .append(' ')
                .append(period)
                .append(" = ");
        if (result instanceof KpiResult.Value v) {
            sb.append(Numbers.format(v.value()));
            if (v.provenance() == KpiResult.Provenance.REPORTED) {
                sb.append(
                        reportedAs.isEmpty() || reportedAs.equals(output)
                                ? " (reported)"
                                : " (reported as " + reportedAs + ")");
            }
        } else {
            KpiResult.NotAvailable na = (KpiResult.NotAvailable) result;
            sb.append("not available: ")
                    .append(na.cause().word())
                    .append(" (")
                    .append(na.detail())
                    .append(')');
        }
        sb.append("; formula ").append(formula);
        for (Input in : inputs) {
            sb.append("; ")
                    .append(in.name())
                    .append(" = ")
                    .append(in.value().isPresent() ? Numbers.format(in.value().getAsDouble()) : in.status());
        }
        return sb.toString();
    }
}
