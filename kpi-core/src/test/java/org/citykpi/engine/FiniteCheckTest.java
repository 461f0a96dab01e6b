package org.citykpi.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The non-finite check (a vectorised pass and a mismatch search) against its plain row-by-row definition. */
class FiniteCheckTest {
    private static final double[] SPECIAL = {
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, -0.0, 0.0, Double.MAX_VALUE, -Double.MIN_VALUE
    };

    @Test
    void marksExactlyTheValidRowsThatAreNotFinite() {
        SplittableRandom rnd = new SplittableRandom(1128);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(Program.CHUNK); // partial words and chunks too
            Buf out = new Buf(Program.CHUNK, -1);
            double[] den = new double[Program.CHUNK];
            int density = 1 + rnd.nextInt(100); // from every row special to ~1 %
            for (int i = 0; i < n; i++) {
                out.v[i] = rnd.nextInt(density) == 0 ? SPECIAL[rnd.nextInt(SPECIAL.length)] : rnd.nextDouble() * 1e6;
                den[i] = rnd.nextInt(3) == 0 ? 0 : 1;
                out.d[i] = 7; // the detail of rows already without a value
            }
            out.allOk(n);
            for (int i = 0; i < n; i++) {
                if (rnd.nextInt(5) == 0) {
                    out.ok[i >>> 6] &= ~(1L << i);
                }
            }
            // expected, row by row: a valid row that is not finite fails (div detail 1 where the
            // denominator is 0, else 2) and takes the neutral value; other rows are untouched
            double[] v = out.v.clone();
            long[] ok = out.ok.clone();
            int[] d = out.d.clone();
            for (int i = 0; i < n; i++) {
                boolean valid = (ok[i >>> 6] & (1L << i)) != 0;
                if (valid && !Double.isFinite(v[i])) {
                    ok[i >>> 6] &= ~(1L << i);
                    d[i] = den[i] == 0 ? 1 : 2;
                    v[i] = Buf.NEUTRAL;
                }
            }
            boolean useDen = rnd.nextBoolean();
            if (!useDen) {
                for (int i = 0; i < n; i++) {
                    d[i] = d[i] == 1 ? 2 : d[i];
                }
            }
            Validity.checkFinite(out, n, useDen ? den : null, 1, 2, new double[Program.CHUNK]);
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(out.v[i]), "value " + i);
            }
            assertArrayEquals(ok, out.ok);
            assertArrayEquals(d, out.d);
        }
    }
}
