package org.citykpi.observe;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalDouble;
import org.citykpi.Numbers;
import org.citykpi.Period;
import org.citykpi.observe.RollupResult.Contribution;
import org.citykpi.observe.RollupResult.Status;

/**
 * Where a dataset value made from observations came from, for explanations: variable ← statistic of
 * a property ← the stations used, each with its capture. Immutable and thread-safe.
 *
 * @param entity the city or station, the dataset row's entity
 * @param period the period, the dataset row's period
 * @param variable the catalog variable
 * @param property the observed property
 * @param statistic the statistic
 * @param value the value put into the dataset (converted), or empty when there is none
 * @param status the roll-up's status
 * @param detail the roll-up's detail, or why the value could not be used (a unit with no conversion)
 * @param conversion the unit conversion applied, for people ({@code ppb → µg/m³ × 1.9}, or the unit)
 * @param nValid the roll-up's valid hours, days or stations
 * @param nExpected the roll-up's expected hours, days or stations
 * @param stations for a city, each station's part; for a station, empty
 */
public record RollupProvenance(
        String entity,
        Period period,
        String variable,
        String property,
        Statistic statistic,
        OptionalDouble value,
        Status status,
        String detail,
        String conversion,
        long nValid,
        long nExpected,
        List<Contribution> stations) {

    /**
     * Checks the parts and copies the list.
     *
     * @param entity the city or station
     * @param period the period
     * @param variable the catalog variable
     * @param property the observed property
     * @param statistic the statistic
     * @param value the value put into the dataset, if any
     * @param status the roll-up's status
     * @param detail the detail
     * @param conversion the unit conversion, for people
     * @param nValid the valid count
     * @param nExpected the expected count
     * @param stations each station's part (copied)
     */
    public RollupProvenance {
        requireNonNull(entity, "entity");
        requireNonNull(period, "period");
        requireNonNull(variable, "variable");
        requireNonNull(property, "property");
        requireNonNull(statistic, "statistic");
        requireNonNull(value, "value");
        requireNonNull(status, "status");
        requireNonNull(detail, "detail");
        requireNonNull(conversion, "conversion");
        stations = List.copyOf(stations);
    }

    /**
     * Returns the chain for people, e.g. {@code pm25_ugm3 for Geneva 2023 = 12.4 ← mean of pm25
     * (µg/m³) ← mean of 2 of 3 stations: A (capture 95.1 %), B (capture 91.2 %); left out: C
     * (capture 72.6 % < 90 %)}.
     *
     * @return one line
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(variable)
                .append(" for ")
                .append(entity)
                .append(' ')
                .append(period)
                .append(" = ");
        if (value.isPresent()) {
            b.append(Numbers.format(value.getAsDouble()));
        } else {
            b.append("not available: ").append(status.word());
        }
        b.append(" ← ")
                .append(statistic)
                .append(" of ")
                .append(property)
                .append(" (")
                .append(conversion)
                .append(')');
        if (stations.isEmpty()) {
            b.append(" ← capture ")
                    .append(percent(nValid, nExpected))
                    .append(" % (")
                    .append(nValid)
                    .append(" of ")
                    .append(nExpected)
                    .append(')');
            if (!detail.isEmpty()) {
                b.append(": ").append(detail);
            }
            return b.toString();
        }
        b.append(" ← ").append(detail);
        String sep = ": ";
        for (Contribution c : stations) {
            if (c.used()) {
                b.append(sep)
                        .append(c.station())
                        .append(" (capture ")
                        .append(percent(c.nValid(), c.nExpected()))
                        .append(" %)");
                sep = ", ";
            }
        }
        sep = "; left out: ";
        for (Contribution c : stations) {
            if (!c.used()) {
                b.append(sep)
                        .append(c.station())
                        .append(" (")
                        .append(c.detail().isEmpty() ? c.status().word() : c.detail())
                        .append(')');
                sep = ", ";
            }
        }
        return b.toString();
    }

    private static String percent(long valid, long expected) {
        if (expected == 0) {
            return "0";
        }
        return java.math.BigDecimal.valueOf(valid)
                .multiply(java.math.BigDecimal.valueOf(100))
                .divide(java.math.BigDecimal.valueOf(expected), 1, java.math.RoundingMode.DOWN)
                .toPlainString();
    }
}
