package org.citykpi.io.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.citykpi.observe.Units;

/**
 * The names of what sensors measure, as the observation readers normalise them: observed
 * properties to short ids, units to one spelling, validity flags to valid or not. Tables (docs/observations.md
 * repeats them):
 *
 * <p>Properties, matched ignoring case, blanks and the characters {@code . _ - ( )}: {@code pm25}
 * (PM2.5, pm2_5, pm2p5, PM2.5 mass concentration, fine particulate matter, EEA pollutant 6001),
 * {@code pm10} (PM10, PM10 mass concentration, EEA pollutant 5), {@code no2} (NO2, nitrogen
 * dioxide, EEA 8), {@code so2} (SO2, sulphur/sulfur dioxide, EEA 1), {@code o3} (O3, ozone, EEA 7),
 * {@code co} (CO, carbon monoxide, EEA 10), {@code laeq} (LAeq, A-weighted equivalent sound level).
 * EEA pollutants are recognised by their vocabulary URI {@code
 * http://dd.eionet.europa.eu/vocabulary/aq/pollutant/N}. Any other name is kept as written
 * (blanks around it removed).
 *
 * <p>Units, matched ignoring case and blanks, with {@code µ} (micro sign) and {@code μ} (Greek mu)
 * read as {@code u} and {@code ³} as {@code 3}, are written in the spelling of {@link
 * Units#canonical}: {@code µg/m³} (ug/m3, ug m-3, ug.m-3, ug/m^3, microgram(s) per cubic
 * metre/meter), {@code mg/m³} (likewise), {@code ppb} (ppbv, parts per billion), {@code ppm} (ppmv,
 * parts per million), {@code dB} (dB(A), dBA, decibel); any other unit as {@link Units#canonical}
 * gives it (as written, when it does not know it). NGSI-LD {@code unitCode}s are UN/CEFACT Recommendation 20 codes: {@code
 * GQ} microgram per cubic metre and {@code GP} milligram per cubic metre (as FIWARE's
 * AirQualityObserved specification names them), {@code 59} part per million, {@code 61} part per
 * billion (US), {@code 2N} decibel.
 *
 * <p>Validity flags, ignoring case: valid {@code true, yes, 1, valid}, the EEA validity codes
 * {@code 2, 3, 4} (valid: below the detection limit, or ozone corrected by CCQM.O3.2019);
 * invalid {@code false, no, 0, invalid}, and the EEA codes {@code -1} (not valid) and {@code -99}
 * (not valid: maintenance or calibration). Codes from the EEA vocabulary {@code
 * dd.eionet.europa.eu/vocabulary/aq/observationvalidity}. Stateless.
 */
public final class Measurands {
    /** The expectation a bad validity flag is told. */
    public static final String VALIDITY_EXPECTED =
            "expected true/false, yes/no, 1/0, or an EEA validity code 1, 2, 3, 4, -1, -99";

    private static final String EEA_POLLUTANT = "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/";

    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("pm25", "pm25"),
            Map.entry("pm2p5", "pm25"),
            Map.entry("pm25mass", "pm25"),
            Map.entry("pm25massconcentration", "pm25"),
            Map.entry("pm25concentration", "pm25"),
            Map.entry("fineparticulatematter", "pm25"),
            Map.entry("particulatematterpm25", "pm25"),
            Map.entry("pm10", "pm10"),
            Map.entry("pm10mass", "pm10"),
            Map.entry("pm10massconcentration", "pm10"),
            Map.entry("pm10concentration", "pm10"),
            Map.entry("particulatematterpm10", "pm10"),
            Map.entry("no2", "no2"),
            Map.entry("nitrogendioxide", "no2"),
            Map.entry("so2", "so2"),
            Map.entry("sulphurdioxide", "so2"),
            Map.entry("sulfurdioxide", "so2"),
            Map.entry("o3", "o3"),
            Map.entry("ozone", "o3"),
            Map.entry("co", "co"),
            Map.entry("carbonmonoxide", "co"),
            Map.entry("laeq", "laeq"),
            Map.entry("aweightedequivalentsoundlevel", "laeq"),
            Map.entry("aweightedequivalentcontinuoussoundlevel", "laeq"));

    private static final Map<String, String> EEA_POLLUTANTS =
            Map.of("6001", "pm25", "5", "pm10", "8", "no2", "1", "so2", "7", "o3", "10", "co");

    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("ug/m3", "µg/m³"),
            Map.entry("ugm-3", "µg/m³"),
            Map.entry("ug.m-3", "µg/m³"),
            Map.entry("ug/m^3", "µg/m³"),
            Map.entry("ug/m**3", "µg/m³"),
            Map.entry("microgrampercubicmetre", "µg/m³"),
            Map.entry("microgrampercubicmeter", "µg/m³"),
            Map.entry("microgramspercubicmetre", "µg/m³"),
            Map.entry("microgramspercubicmeter", "µg/m³"),
            Map.entry("mg/m3", "mg/m³"),
            Map.entry("mgm-3", "mg/m³"),
            Map.entry("mg.m-3", "mg/m³"),
            Map.entry("mg/m^3", "mg/m³"),
            Map.entry("mg/m**3", "mg/m³"),
            Map.entry("milligrampercubicmetre", "mg/m³"),
            Map.entry("milligrampercubicmeter", "mg/m³"),
            Map.entry("milligramspercubicmetre", "mg/m³"),
            Map.entry("milligramspercubicmeter", "mg/m³"),
            Map.entry("ppb", "ppb"),
            Map.entry("ppbv", "ppb"),
            Map.entry("partsperbillion", "ppb"),
            Map.entry("partperbillion", "ppb"),
            Map.entry("ppm", "ppm"),
            Map.entry("ppmv", "ppm"),
            Map.entry("partspermillion", "ppm"),
            Map.entry("partpermillion", "ppm"),
            Map.entry("db(a)", "dB"),
            Map.entry("dba", "dB"),
            Map.entry("db", "dB"),
            Map.entry("decibel", "dB"),
            Map.entry("decibels", "dB"));

    private static final Map<String, String> UNIT_CODES =
            Map.of("GQ", "µg/m³", "GP", "mg/m³", "59", "ppm", "61", "ppb", "2N", "dB");

    private static final Map<String, Integer> VALIDITY = Map.ofEntries(
            Map.entry("true", 1),
            Map.entry("yes", 1),
            Map.entry("valid", 1),
            Map.entry("1", 1),
            Map.entry("2", 1),
            Map.entry("3", 1),
            Map.entry("4", 1),
            Map.entry("false", 0),
            Map.entry("no", 0),
            Map.entry("invalid", 0),
            Map.entry("0", 0),
            Map.entry("-1", 0),
            Map.entry("-99", 0));

    private Measurands() {}

    /**
     * Returns the short id of the observed property named {@code name} (see the table above), or
     * {@code name} without surrounding blanks when it is not one of them.
     */
    public static String property(String name) {
        String t = name.strip();
        String id = PROPERTIES.get(key(t));
        if (id != null) {
            return id;
        }
        if (t.regionMatches(true, 0, EEA_POLLUTANT, 0, EEA_POLLUTANT.length())) {
            id = EEA_POLLUTANTS.get(t.substring(EEA_POLLUTANT.length()));
            if (id != null) {
                return id;
            }
        }
        return t;
    }

    /** Returns true when {@code name} is one of the names of the table above (so a property id is known). */
    public static boolean isKnownProperty(String name) {
        String t = name.strip();
        return PROPERTIES.containsKey(key(t)) || !property(t).equals(t);
    }

    /**
     * Returns the unit {@code unit} in its one spelling (see the table above), or as written
     * without surrounding blanks when it is not known; empty for a blank unit.
     */
    public static Optional<String> unit(String unit) {
        String t = unit.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ') {
                continue;
            }
            if (c == 'µ' || c == 'μ') {
                c = 'u';
            } else if (c == '³') {
                c = '3';
            }
            sb.append(Character.toLowerCase(c));
        }
        String u = UNITS.get(sb.toString());
        return Optional.of(u != null ? u : Units.canonical(t));
    }

    /**
     * Returns the unit of the UN/CEFACT code {@code code} (an NGSI-LD {@code unitCode}) in the
     * spelling of {@link #unit}; a code not in the table above is kept as written.
     */
    public static Optional<String> unitCode(String code) {
        String t = code.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String u = UNIT_CODES.get(t.toUpperCase(Locale.ROOT));
        return u != null ? Optional.of(u) : unit(t);
    }

    /**
     * Returns true when a reading of {@code property} in {@code unit} is a concentration, which
     * cannot be negative: one of the pollutants above, or a unit of mass or volume per volume.
     */
    public static boolean isConcentration(String property, Optional<String> unit) {
        switch (property) {
            case "pm25", "pm10", "no2", "so2", "o3", "co":
                return true;
            default:
                return unit.map(u -> u.equals("µg/m³") || u.equals("mg/m³") || u.equals("ppb") || u.equals("ppm"))
                        .orElse(false);
        }
    }

    /**
     * Reads the validity flag {@code b[from, to)} (blanks around it ignored).
     *
     * @return 1 for valid (also when the flag is blank: no flag), 0 for invalid, -1 when it is not
     *     a flag of the table above
     */
    public static int validity(char[] b, int from, int to) {
        int s = from;
        int e = to;
        while (s < e && b[s] == ' ') {
            s++;
        }
        while (e > s && b[e - 1] == ' ') {
            e--;
        }
        if (s == e) {
            return 1;
        }
        if (e - s == 1) {
            char c = b[s];
            return c == '1' || c == '2' || c == '3' || c == '4' ? 1 : c == '0' ? 0 : -1;
        }
        if (e - s > 8) {
            return -1;
        }
        Integer v = VALIDITY.get(new String(b, s, e - s).toLowerCase(Locale.ROOT));
        return v == null ? -1 : v;
    }

    /** Returns {@link #validity(char[], int, int)} of {@code s}. */
    public static int validity(String s) {
        return validity(s.toCharArray(), 0, s.length());
    }

    /** Returns a property name as a lookup key: lower case, without blanks and {@code . _ - ( )}. */
    private static String key(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != ' ' && c != '.' && c != '_' && c != '-' && c != '(' && c != ')') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
