package org.citykpi.engine;

import org.citykpi.calc.KpiResult;

/** Status codes stored per cell: one byte instead of an object. */
final class Codes {
    static final byte OK = 0;
    static final byte REPORTED = 1;
    private static final KpiResult.Cause[] CAUSES = KpiResult.Cause.values();

    private Codes() {}

    static byte of(KpiResult.Cause cause) {
        return (byte) (cause.ordinal() + 2);
    }

    static KpiResult.Cause cause(byte code) {
        return CAUSES[code - 2];
    }

    static final byte MISSING = of(KpiResult.Cause.MISSING_INPUT);
    static final byte DIV_ZERO = of(KpiResult.Cause.DIVISION_BY_ZERO);
    static final byte OUT_OF_RANGE = of(KpiResult.Cause.OUT_OF_RANGE);
    static final byte NOT_APPLICABLE = of(KpiResult.Cause.NOT_APPLICABLE);
    static final byte INVALID = of(KpiResult.Cause.INVALID_INPUT);
}
