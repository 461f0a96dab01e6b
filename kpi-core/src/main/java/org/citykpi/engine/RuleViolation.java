package org.citykpi.engine;

import org.citykpi.Period;
import org.citykpi.catalog.Rule;

/**
 * A plausibility rule that does not hold for one entity and period.
 *
 * @param entity entity code
 * @param period period
 * @param rule the rule
 * @param inputs the values the rule read, as text ({@code a = 12, b = 10})
 */
public record RuleViolation(String entity, Period period, Rule rule, String inputs) {
    /**
     * {@return a sentence for people: {@code <severity>: <entity> <period>: <description> (<check>;
     * <inputs>) [<source>]}, without the bracketed source when the rule names none}
     */
    public String message() {
        return rule.severity().word() + ": " + entity + " " + period + ": " + rule.description() + " ("
                + rule.checkText() + "; " + inputs + ")" + (rule.source().isEmpty() ? "" : " [" + rule.source() + "]");
    }
}
