package org.citykpi.spark;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.api.java.UDF1;
import org.citykpi.Period;
import org.jspecify.annotations.Nullable;

/**
 * Turns period text into the period's normalised label ({@link Period#label()}), so that two
 * spellings of one period ({@code 2015-16}, {@code 2015/2016}) group together before the shuffle.
 * Null and blank text give null (reported with its row after the shuffle); other text that is not a
 * period fails with
 * an {@link InputRowException}. Labels already seen are remembered (a task meets few periods).
 */
final class PeriodLabel implements UDF1<String, String> {
    /** At most this many texts are remembered per task. */
    private static final int REMEMBERED = 4096;

    private transient @Nullable ConcurrentHashMap<String, String> seen;

    @Override
    public @Nullable String call(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null; // reported with the whole row after the shuffle
        }
        ConcurrentHashMap<String, String> m = seen;
        if (m == null) {
            m = new ConcurrentHashMap<>();
            seen = m;
        }
        String label = m.get(text);
        if (label == null) {
            try {
                label = Period.parse(text).label();
            } catch (IllegalArgumentException e) {
                throw new InputRowException("not a period " + InputRowException.quote(text)
                        + " (expected YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or a span of years such as 2015-16)");
            }
            if (m.size() < REMEMBERED) {
                m.put(text, label);
            }
        }
        return label;
    }
}
