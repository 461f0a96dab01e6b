package org.citykpi.io;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.citykpi.Period;

/**
 * The attributes that came with one observation and that the {@link org.citykpi.data.Dataset}
 * does not hold: SDMX attributes such as {@code OBS_STATUS} or {@code UNIT_MULT}, Open SDG
 * reserved columns such as {@code Observation status}, and the {@code source}, {@code note} and
 * any extra column of a long CSV. Immutable and thread-safe.
 *
 * @param entity entity code
 * @param period period
 * @param variable variable id
 * @param attributes attribute name → value, in file order; never empty
 */
public record ObservationAttributes(String entity, Period period, String variable, Map<String, String> attributes) {

    /**
     * Validates the fields and copies the attributes (keeping their order).
     *
     * @param entity entity code
     * @param period period
     * @param variable variable id
     * @param attributes attribute name → value, in file order; copied
     */
    public ObservationAttributes {
        requireNonNull(entity, "entity");
        requireNonNull(period, "period");
        requireNonNull(variable, "variable");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
