package org.citykpi.index;

import java.util.Locale;
import org.citykpi.Numbers;

/** Parses the parameters of method texts such as {@code minmax:0,100}. */
final class Methods {
    private Methods() {}

    static double[] numbers(String list, String whole) {
        String[] parts = list.split(",", -1);
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "not a number '" + parts[i] + "' in '" + whole + "' (use '.' as decimal separator)", e);
            }
            if (!Double.isFinite(out[i])) {
                throw new IllegalArgumentException("not a finite number '" + parts[i] + "' in '" + whole + "'");
            }
        }
        return out;
    }

    static double param(double[] p, int i, int count, String whole) {
        if (p.length != count) {
            throw new IllegalArgumentException(
                    "'" + whole + "' needs " + count + " parameter" + (count == 1 ? "" : "s") + ", got " + p.length);
        }
        return p[i];
    }

    static String num(double v) {
        return Numbers.format(v);
    }

    static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
