package org.citykpi.observe;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Units of observations and their conversions: spellings of the same unit ({@code ug/m3}, {@code
 * µg/m³}, UN/CEFACT {@code GQ}) are recognised as one, and concentrations convert between {@code
 * µg/m³}, {@code mg/m³}, {@code ppb} and {@code ppm}.
 *
 * <p>Conversions of gases from volume to mass ratios use the U4SSC factors (ITU-T Y.4903, the
 * air-quality KPI's methodology: NO₂ ppb × 1.9, SO₂ ppb × 2.62, O₃ ppb × 1.96 µg/m³, and ppm ×
 * 1,000 those); they apply only to the properties {@code no2}, {@code so2} and {@code o3} (case
 * ignored). {@code mg/m³ = 1,000 µg/m³} for every property. Any other pair of different units has
 * no conversion: the caller gets a clear error, never a silent factor of 1.
 *
 * <p>Stateless and thread-safe.
 */
public final class Units {
    private Units() {}

    /** Spellings (lower case, blanks removed) → the canonical unit. */
    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("µg/m³", "µg/m³"),
            Map.entry("µg/m3", "µg/m³"),
            Map.entry("μg/m³", "µg/m³"),
            Map.entry("μg/m3", "µg/m³"),
            Map.entry("ug/m3", "µg/m³"),
            Map.entry("ug/m³", "µg/m³"),
            Map.entry("µgm-3", "µg/m³"),
            Map.entry("μgm-3", "µg/m³"),
            Map.entry("ugm-3", "µg/m³"),
            Map.entry("gq", "µg/m³"),
            Map.entry("mg/m³", "mg/m³"),
            Map.entry("mg/m3", "mg/m³"),
            Map.entry("mgm-3", "mg/m³"),
            Map.entry("gp", "mg/m³"),
            Map.entry("ppb", "ppb"),
            Map.entry("61", "ppb"),
            Map.entry("ppm", "ppm"),
            Map.entry("59", "ppm"),
            Map.entry("db", "dB"),
            Map.entry("db(a)", "dB"),
            Map.entry("dba", "dB"),
            Map.entry("2n", "dB"),
            Map.entry("%", "%"),
            Map.entry("p1", "%"));

    /** U4SSC factors, ppb → µg/m³. */
    private static final Map<String, Double> PPB_TO_UG = Map.of("no2", 1.9, "so2", 2.62, "o3", 1.96);

    /**
     * Returns the canonical spelling of a unit: {@code µg/m³}, {@code mg/m³}, {@code ppb}, {@code
     * ppm}, {@code dB} or {@code %} for their known spellings (case and blanks ignored), else the
     * unit as given (stripped).
     *
     * @param unit a unit
     * @return its canonical spelling
     */
    public static String canonical(String unit) {
        requireNonNull(unit, "unit");
        String key = unit.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        String c = CANONICAL.get(key);
        return c != null ? c : unit.strip();
    }

    /**
     * Tells whether two spellings name the same unit.
     *
     * @param a a unit
     * @param b another unit
     * @return {@code true} when their {@linkplain #canonical canonical} spellings are equal
     */
    public static boolean same(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    /**
     * Returns the conversion of a property's values from one unit to another.
     *
     * @param property the observed property (its name decides gas conversions: {@code no2}, {@code
     *     so2}, {@code o3})
     * @param from the unit of the values
     * @param to the unit wanted
     * @return the conversion; the identity when the units are the same
     * @throws IllegalArgumentException if there is no conversion (the message names both units,
     *     the property and the conversions known)
     */
    public static Conversion conversion(String property, String from, String to) {
        requireNonNull(property, "property");
        String f = canonical(from);
        String t = canonical(to);
        if (f.equals(t)) {
            return new Conversion(f, t, 1, 1);
        }
        Optional<Double> a = toMicrograms(property, f);
        Optional<Double> b = toMicrograms(property, t);
        if (a.isPresent() && b.isPresent()) {
            return new Conversion(f, t, a.get(), b.get());
        }
        throw new IllegalArgumentException("no conversion from '" + Text.cut(from) + "' to '" + Text.cut(to)
                + "' for " + Text.cut(property)
                + " (known: mg/m³ and µg/m³; ppb and ppm to µg/m³ for no2 × 1.9, so2 × 2.62, o3 × 1.96)");
    }

    private static Optional<Double> toMicrograms(String property, String canonical) {
        Double gas = PPB_TO_UG.get(property.strip().toLowerCase(Locale.ROOT));
        switch (canonical) {
            case "µg/m³":
                return Optional.of(1.0);
            case "mg/m³":
                return Optional.of(1000.0);
            case "ppb":
                return Optional.ofNullable(gas);
            case "ppm":
                return gas == null ? Optional.empty() : Optional.of(gas * 1000);
            default:
                return Optional.empty();
        }
    }

    /**
     * A conversion {@code value × multiply / divide} from one unit to another, each factor being a
     * unit's size in µg/m³ (so {@code µg/m³ → mg/m³} divides by 1,000 rather than multiplying by
     * 0.001, one rounding either way).
     *
     * @param from the canonical unit converted from
     * @param to the canonical unit converted to
     * @param multiply the size of {@code from}, positive
     * @param divide the size of {@code to}, positive
     */
    public record Conversion(String from, String to, double multiply, double divide) {
        /**
         * Checks the parts.
         *
         * @param from the canonical unit converted from
         * @param to the canonical unit converted to
         * @param multiply positive and finite
         * @param divide positive and finite
         * @throws IllegalArgumentException if a factor is not positive and finite
         */
        public Conversion {
            requireNonNull(from, "from");
            requireNonNull(to, "to");
            if (!(multiply > 0) || !(divide > 0) || Double.isInfinite(multiply) || Double.isInfinite(divide)) {
                throw new IllegalArgumentException("conversion factors must be positive and finite");
            }
        }

        /**
         * Converts a value.
         *
         * @param value a value in {@link #from()}
         * @return the value in {@link #to()}: exactly {@code value} for the identity
         */
        public double apply(double value) {
            return multiply == divide ? value : value * multiply / divide;
        }

        /** {@return whether this conversion changes nothing} */
        public boolean isIdentity() {
            return multiply == divide;
        }

        /** {@return the conversion for people, e.g. {@code ppb → µg/m³ × 1.9}, or {@code µg/m³} for none} */
        @Override
        public String toString() {
            if (isIdentity()) {
                return to;
            }
            String f = multiply >= divide
                    ? "× " + org.citykpi.Numbers.format(multiply / divide)
                    : "÷ " + org.citykpi.Numbers.format(divide / multiply);
            return from + " → " + to + " " + f;
        }
    }
}
